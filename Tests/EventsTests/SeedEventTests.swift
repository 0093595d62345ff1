import Testing
@testable import Events

/// The seed article's cases (DCT 2025-10-24; the airport story's DCT is 2025-10-21), with the times a
/// tagger would give written by hand.
@Suite struct SeedEventTests {
    @Test func statementDatedByItsOwnTime() {
        var doc = Fixture("“The alliance with the United States is the cornerstone of Japan’s foreign and security policy,” Takaichi said on Tuesday at her inaugural news conference as prime minister.")
        doc.actor("United States", "united-states", .country)
        doc.actor("Japan", "japan", .country, after: "cornerstone")
        doc.actor("Takaichi", "sanae-takaichi")
        doc.time("on Tuesday", "2025-10-21")
        let events = doc.extract("2025-10-24")
        let said = events.with("said")
        #expect(said?.type == "statement")
        #expect(said?.cameo == "01")
        #expect(said?.source == "sanae-takaichi")
        #expect(said?.target == nil)
        #expect(said?.date == "2025-10-21")
        #expect(said?.dateText == "on Tuesday")
        // The quoted clause reports no happening; "news conference" belongs to the said-clause.
        #expect(events.count == 1)
    }

    @Test func meetingOverTwoDays() {
        let sentence = "The two leaders are to sit down in Tokyo on Monday and Tuesday next week during Trump’s first visit to Japan since his re-election last year."
        var doc = Fixture(sentence)
        doc.actor("Tokyo", "tokyo", .location)
        doc.actor("Trump", "donald-trump")
        doc.actor("Japan", "japan", .country)
        doc.time("on Monday", "2025-10-27")
        doc.time("Tuesday next week", "2025-10-28")
        doc.time("last year", "2024")
        let events = doc.extract("2025-10-24")
        #expect(events.count == 1)
        let meet = events.first
        #expect(meet?.type == "meet")
        #expect(meet?.cameo == "04")
        #expect(meet?.triggerText == "sit down")
        #expect(meet?.date == "2025-10-27")
        #expect(meet?.end == "2025-10-28")
        #expect(meet?.dateText == "on Monday and Tuesday next week")
        // Tokyo is where they meet, not whom they meet.
        #expect(meet?.target != "tokyo")
        #expect(meet?.actors.contains("tokyo") == true)

        // The same with the tagger giving one range expression.
        var ranged = Fixture(sentence)
        ranged.time("on Monday and Tuesday next week", "2025-10-27", end: "2025-10-28")
        let event = ranged.extract("2025-10-24").first
        #expect(event?.date == "2025-10-27")
        #expect(event?.end == "2025-10-28")
    }

    @Test func accidentDatedYesterday() {
        var doc = Fixture("A cargo aircraft skidded off the runway into the sea at Hong Kong International Airport early yesterday, killing two ground crew in a patrol car, in one of the worst accidents in the airport’s 27-year history.")
        doc.actor("Hong Kong International Airport", "hong-kong-international-airport", .location)
        doc.time("early yesterday", "2025-10-20")
        doc.time("27-year", "P27Y", .duration)
        let events = doc.extract("2025-10-21")
        #expect(events.count == 1)
        let accident = events.with("skidded")
        #expect(accident?.type == "accident")
        #expect(accident?.cameo == nil)
        #expect(accident?.date == "2025-10-20")
        #expect(accident?.dateText == "early yesterday")
        #expect(accident?.actors == ["hong-kong-international-airport"])
    }

    @Test func reportedHopeDatedByDocumentDate() {
        var doc = Fixture("Motegi said that he hoped Trump’s first meeting with Takaichi would serve as an opportunity for the two leaders to discuss further strengthening the US-Japan alliance, while fostering their personal relationship of trust.")
        doc.actor("Motegi", "toshimitsu-motegi")
        doc.actor("Trump", "donald-trump")
        doc.actor("Takaichi", "sanae-takaichi")
        doc.actor("US", "united-states", .country, kind: .alias, after: "strengthening")
        doc.actor("Japan", "japan", .country)
        let events = doc.extract("2025-10-24")
        let said = events.with("said")
        #expect(said?.type == "statement")
        #expect(said?.source == "toshimitsu-motegi")
        #expect(said?.date == "2025-10-24")
        #expect(said?.dateText == nil)
        #expect(said?.actors == ["toshimitsu-motegi"])
        // The reported clause is a clause of its own: the hoped-for meeting, Trump with Takaichi, undated.
        let meeting = events.with("meeting")
        #expect(meeting?.type == "meet")
        #expect(meeting?.source == "donald-trump")
        #expect(meeting?.target == "sanae-takaichi")
        #expect(meeting?.date == nil)
    }

    @Test func coalitionDealSignedYesterday() {
        var doc = Fixture("Japan’s ruling Liberal Democratic Party (LDP) and its junior partner yesterday signed a coalition deal, paving the way for Sanae Takaichi to become the nation’s first female prime minister.")
        doc.actor("Japan", "japan", .country)
        doc.actor("Liberal Democratic Party", "liberal-democratic-party", .organization)
        doc.actor("LDP", "liberal-democratic-party", .organization, kind: .acronym)
        doc.actor("Sanae Takaichi", "sanae-takaichi")
        doc.time("yesterday", "2025-10-23")
        let events = doc.extract("2025-10-24")
        #expect(events.count == 1)
        let signed = events.with("signed")
        #expect(signed?.type == "agreement")
        #expect(signed?.cameo == "05")
        #expect(signed?.source == "liberal-democratic-party")
        #expect(signed?.date == "2025-10-23")
        #expect(signed?.dateText == "yesterday")
        #expect(signed?.actors.contains("japan") == true)
        // The participial clause ", paving the way for Sanae Takaichi" is not the deal's target.
        #expect(signed?.target == nil)
    }

    @Test func undatedDocumentLeavesReportsUndated() {
        var doc = Fixture("Motegi said that he hoped for progress.")
        doc.actor("Motegi", "toshimitsu-motegi")
        let said = doc.extract(nil).with("said")
        #expect(said?.type == "statement")
        #expect(said?.date == nil)
        #expect(said?.source == "toshimitsu-motegi")
    }

    @Test func visitAndReportingTail() {
        var doc = Fixture("Japan plans to show its determination to further build up its defense when US President Donald Trump visits Tokyo next week, Minister of Foreign Affairs Toshimitsu Motegi said.")
        doc.actor("Japan", "japan", .country)
        doc.actor("US", "united-states", .country, kind: .alias)
        doc.actor("Donald Trump", "donald-trump")
        doc.actor("Tokyo", "tokyo", .location)
        doc.actor("Toshimitsu Motegi", "toshimitsu-motegi")
        doc.time("next week", "2025-W44")
        let events = doc.extract("2025-10-24")
        #expect(events.count == 2)
        let visit = events.with("visits")
        #expect(visit?.type == "meet")
        #expect(visit?.source == "donald-trump")
        #expect(visit?.target == "tokyo")
        #expect(visit?.date == "2025-W44")
        // The report is dated by the document, not by the reported visit's "next week".
        let said = events.with("said")
        #expect(said?.source == "toshimitsu-motegi")
        #expect(said?.date == "2025-10-24")
        #expect(said?.actors == ["toshimitsu-motegi"])
    }
}

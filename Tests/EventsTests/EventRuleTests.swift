import Testing
import Time
@testable import Events

/// Clause, participant and dating rules on short made-up sentences.
@Suite struct EventRuleTests {
    @Test func modifiersAuxiliariesAndModalsMakeNoEvents() {
        #expect(Fixture("The ministers would have been there, as they should be.").extract("2025-01-01").isEmpty)
        // "election" modifies "officials": the statement is the only event.
        var doc = Fixture("Election officials said the count was over.")
        let events = doc.extract("2025-01-01")
        #expect(events.map(\.type) == ["statement"])
        // "trade" is no trigger, "deal" is: the head of "trade deal" carries the event.
        doc = Fixture("Both sides welcomed the trade deal.")
        #expect(doc.extract(nil).map(\.triggerText) == ["deal"])
        // A bare verb form after an article is some other noun: "a sign of".
        #expect(Fixture("It was a sign of hope.").extract(nil).isEmpty)
        #expect(Fixture("Talks stalled in fall 2005.").extract(nil).map(\.triggerText) == ["Talks"])
        #expect(Fixture("The Asian Games shooting rules changed.").extract(nil).isEmpty)
        #expect(Fixture("Shell owns 55 percent of the project.").extract(nil).isEmpty)
        #expect(Fixture("The project came under fire from regulators.").extract(nil).map(\.type) == ["disapprove"])
    }

    @Test func passiveSubjectIsTheTarget() {
        var doc = Fixture("Sandiford, a grandmother, was sentenced to death on the island of Bali in 2013 after she was convicted of trafficking drugs.")
        doc.actor("Sandiford", "lindsay-sandiford")
        doc.actor("Bali", "bali", .location)
        doc.time("2013", "2013")
        let event = doc.extract("2025-10-24").first
        #expect(event?.type == "crime")
        #expect(event?.target == "lindsay-sandiford")
        #expect(event?.source == nil)
        #expect(event?.date == "2013")

        var agent = Fixture("The treaty was signed by Japan on Friday.")
        agent.actor("Japan", "japan", .country)
        agent.time("on Friday", "2025-10-24")
        let signed = agent.extract(nil).first
        #expect(signed?.source == "japan")
        #expect(signed?.date == "2025-10-24")
    }

    @Test func agentAfterNounIsTheSource() {
        var doc = Fixture("Japan is expected to face tough demands from Trump to further increase its defense spending.")
        doc.actor("Japan", "japan", .country)
        doc.actor("Trump", "donald-trump")
        let event = doc.extract(nil).first
        #expect(event?.type == "demand")
        #expect(event?.cameo == "10")
        #expect(event?.source == "donald-trump")
        #expect(event?.target == "japan")
    }

    @Test func demonymsGiveWayToNames() {
        var doc = Fixture("Trump is also to meet Japanese Emperor Naruhito.")
        doc.actor("Trump", "donald-trump")
        doc.actor("Japanese", "japan", .country, kind: .demonym)
        doc.actor("Naruhito", "naruhito")
        let event = doc.extract(nil).first
        #expect(event?.source == "donald-trump")
        #expect(event?.target == "naruhito")
        #expect(event?.actors == ["donald-trump", "naruhito", "japan"])
    }

    @Test func relativeClauseTakesItsAntecedent() {
        var doc = Fixture("They will travel to Malaysia, and later to South Korea, which is hosting an APEC summit.")
        doc.actor("Malaysia", "malaysia", .country)
        doc.actor("South Korea", "south-korea", .country)
        let events = doc.extract(nil)
        #expect(events.map(\.type) == ["meet", "meet"])
        #expect(events.with("travel")?.target == "malaysia")
        #expect(events.with("hosting")?.source == "south-korea")
    }

    @Test func invertedReportingVerb() {
        var doc = Fixture("The deal includes soybeans, said Lutnick, who asked questions.")
        doc.actor("Lutnick", "howard-lutnick")
        let said = doc.extract("2025-10-24").with("said")
        #expect(said?.source == "howard-lutnick")
        #expect(said?.date == "2025-10-24")
    }

    @Test func sentenceTimesSkipReportingClauses() {
        var doc = Fixture("Indonesia was to sign an agreement to repatriate two British nationals, including a grandmother on death row for drug-related crimes, an Indonesian government source said yesterday.")
        doc.actor("Indonesia", "indonesia", .country)
        doc.actor("British", "united-kingdom", .country, kind: .demonym)
        doc.actor("Indonesian", "indonesia", .country, kind: .demonym)
        doc.time("yesterday", "2025-10-23")
        let events = doc.extract("2025-10-24")
        #expect(events.map(\.triggerText) == ["sign", "said"])
        let sign = events.with("sign")
        #expect(sign?.type == "agreement")
        #expect(sign?.source == "indonesia")
        #expect(sign?.target == "united-kingdom")
        #expect(sign?.date == nil)
        let said = events.with("said")
        #expect(said?.date == "2025-10-23")
        #expect(said?.source == "indonesia")
    }

    @Test func sentenceTimeDatesAnUndatedClause() {
        var doc = Fixture("The incident occurred at about 3:50am, when the plane lost control, veering off the runway and crashing through a fence, the Airport Authority said.")
        doc.actor("Airport Authority", "airport-authority", .organization)
        doc.time("about 3:50am", "2025-10-20T03:50", .time)
        let events = doc.extract("2025-10-21")
        let accident = events.with("veering")
        #expect(accident?.type == "accident")
        #expect(accident?.date == "2025-10-20T03:50")
        #expect(events.with("said")?.date == "2025-10-21")
    }

    @Test func durationsAndSetsDoNotDate() {
        var doc = Fixture("The talks lasted three days and were held every week.")
        doc.time("three days", "P3D", .duration)
        doc.time("every week", "P1W", .set)
        let event = doc.extract("2025-10-24").first
        #expect(event?.type == "meet")
        #expect(event?.date == nil)
        #expect(event?.dateText == nil)
    }

    @Test func economicMovementNeedsAFigure() {
        var doc = Fixture("Last month, exports to China dropped to zero for the first time in almost seven years.")
        doc.time("Last month", "2025-09")
        doc.time("almost seven years", "P7Y", .duration)
        let events = doc.extract("2025-10-24")
        #expect(events.count == 1)
        #expect(events.first?.type == "economy")
        #expect(events.first?.date == "2025-09")

        #expect(Fixture("Shares fell 3 percent on Monday.").extract(nil).map(\.type) == ["economy"])
        #expect(Fixture("The car then fell into the water.").extract(nil).isEmpty)
    }

    @Test func quotesAndSemicolonsSplitClauses() {
        var doc = Fixture("Rebels attacked the town; troops fought back. “We will not surrender,” the commander said.")
        doc.time("the town", nil)  // an unresolved expression never dates anything
        let events = doc.extract("2025-10-24")
        #expect(events.map(\.type) == ["assault", "fight", "statement"])
        #expect(events.map(\.cameo) == ["18", "19", "01"])
        #expect(events.map(\.sentence) == [0, 0, 1])
    }

    @Test func clausesSplitAtWhileAndAnd() {
        var doc = Fixture("Japan hopes to cooperate with South Korea, while seeking stable relations with China, he said.")
        doc.actor("Japan", "japan", .country)
        doc.actor("South Korea", "south-korea", .country)
        doc.actor("China", "china", .country)
        doc.actor("he", "toshimitsu-motegi", kind: .pronoun)
        let events = doc.extract("2025-10-24")
        let cooperate = events.with("cooperate")
        #expect(cooperate?.type == "agreement")
        #expect(cooperate?.source == "japan")
        #expect(cooperate?.target == "south-korea")
        #expect(cooperate?.actors.contains("china") == false)
        #expect(events.with("said")?.source == "toshimitsu-motegi")
    }

    @Test func capitalizedTriggersInsideNamesAreSkipped() {
        var doc = Fixture("The Trade Ministry and the Security Council Meeting Office issued a statement.")
        doc.actor("Trade Ministry", "trade-ministry", .organization)
        let events = doc.extract(nil)
        #expect(events.map(\.triggerText) == ["statement"])
        #expect(events.first?.source == "trade-ministry")
        // At the start of a sentence a capitalized trigger counts.
        #expect(Fixture("Talks resumed.").extract(nil).map(\.type) == ["meet"])
    }

    @Test func eventsAreEmptyWithoutText() {
        #expect(Fixture("").extract("2025-10-24").isEmpty)
    }
}

/// The expressions that may date an event: durations, sets and unresolved values left out, the rest in text order,
/// and an array that needs neither change used as it is.
@Suite struct DatingTimesTests {
    func time(_ start: Int, _ type: TimexType, _ value: String?) -> TimeExpression {
        TimeExpression(range: start..<(start + 3), text: "t\(start)", type: type, value: value, sentence: 0)
    }

    @Test func keepsTheDatingOnesInTextOrder() {
        let mixed = [time(40, .date, "2026-11-27"), time(10, .duration, "P3D"), time(5, .time, "2026-11-27T10:00"),
                     time(20, .set, "P1W"), time(30, .date, nil), time(50, .date, "XXXX-11")]
        #expect(EventExtractor.datingTimes(mixed).map(\.range.lowerBound) == [5, 40, 50])
        let ordered = [time(1, .date, "2026-11-27"), time(9, .date, "2026-11-28")]
        #expect(EventExtractor.datingTimes(ordered).map(\.text) == ["t1", "t9"])
        let unordered = [time(9, .date, "2026-11-28"), time(1, .date, "2026-11-27")]
        #expect(EventExtractor.datingTimes(unordered).map(\.text) == ["t1", "t9"])
        #expect(EventExtractor.datingTimes([]).isEmpty)
    }
}

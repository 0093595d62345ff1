import Foundation
import Testing
@testable import Corpus

@Suite struct FeedReaderTests {
    @Test func readsRSS() throws {
        let result = FeedReader.readWithDiagnostics(bytes: try fixture("rss.xml"), fallbackID: "rss")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let docs = result.documents
        try #require(docs.count == 3)

        #expect(docs[0].id == "story-1001")
        #expect(docs[0].url == "https://news.example.com/talks-cairo")
        #expect(docs[0].title == "Talks resume in Cairo")
        #expect(docs[0].date == CalendarDate(year: 2024, month: 3, day: 5))
        #expect(docs[0].source == "World News & Analysis")
        #expect(docs[0].text == "Negotiators returned to Cairo on Tuesday.\n\nEgypt's foreign minister said progress was \"real\".")

        #expect(docs[1].id == "https://news.example.com/storm")
        #expect(docs[1].title == "Storm hits <coast>")
        #expect(docs[1].date == CalendarDate(year: 2024, month: 12, day: 1))
        #expect(docs[1].text == "A storm hit the coast of Brittany overnight.")

        #expect(docs[2].id == "https://news.example.com/undated")
        #expect(docs[2].url == "https://news.example.com/undated")
        #expect(docs[2].date == CalendarDate(year: 2023, month: 11, day: 30))
        #expect(docs[2].text == "Plain text description.")
    }

    @Test func readsAtom() throws {
        let result = FeedReader.readWithDiagnostics(bytes: try fixture("atom.xml"), fallbackID: "atom")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let docs = result.documents
        try #require(docs.count == 3)

        #expect(docs[0].id == "tag:wire.example.org,2024:aid")
        #expect(docs[0].url == "https://wire.example.org/aid")
        #expect(docs[0].title == "Leaders agree on aid")
        #expect(docs[0].date == CalendarDate(year: 2024, month: 3, day: 4))  // published, as written (its own zone)
        #expect(docs[0].source == "Example Wire")
        #expect(docs[0].text == "Leaders of the G7 agreed on aid.\n\nThe package is worth $5 billion.")

        #expect(docs[1].url == "https://wire.example.org/quiet")
        #expect(docs[1].date == CalendarDate(year: 2024, month: 3, day: 6))  // no published: updated
        #expect(docs[1].text == "Nothing much happened.\n\nMarkets were flat.")

        #expect(docs[2].url == nil)
        #expect(docs[2].date == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(docs[2].text == "Just a summary.")
    }

    @Test func billionLaughsIsRejectedQuickly() throws {
        let bytes = try fixture("billion-laughs.xml")
        let clock = ContinuousClock()
        let start = clock.now
        let result = FeedReader.readWithDiagnostics(bytes: bytes, fallbackID: "bomb")
        #expect(clock.now - start < .seconds(1))
        #expect(result.documents.isEmpty)
        #expect(result.diagnostics.contains { $0.contains("entity") })
    }

    @Test func externalEntityIsNotExpandedNorFetched() throws {
        let result = FeedReader.readWithDiagnostics(bytes: try fixture("external-entity.xml"), fallbackID: "xxe")
        for doc in result.documents {
            #expect(!doc.text.contains("root:"))
            #expect(!doc.text.contains("/bin/"))
        }
        // The rest of the feed is still read: the entity contributes nothing.
        #expect(result.documents.first?.text == "Before after.")
        #expect(result.documents.first?.date == CalendarDate(year: 2024, month: 3, day: 4))
    }

    @Test func malformedFeedIsReportedWithItsLine() throws {
        let result = FeedReader.readWithDiagnostics(bytes: try fixture("malformed.xml"), fallbackID: "bad")
        #expect(result.documents.isEmpty)
        #expect(result.diagnostics.first?.contains("line 5") == true, "\(result.diagnostics)")
    }

    @Test func notAFeed() {
        let result = FeedReader.readWithDiagnostics(bytes: Array("<html><body/></html>".utf8), fallbackID: "x")
        #expect(result.documents.isEmpty)
        #expect(result.diagnostics == ["x: not an RSS or Atom feed (root <html>)"])
    }

    @Test func rfc822Dates() {
        #expect(MarkupDates.parse("Tue, 05 Mar 2024 22:15:00 +0200") == CalendarDate(year: 2024, month: 3, day: 5))
        #expect(MarkupDates.parse("5 March 2024") == CalendarDate(year: 2024, month: 3, day: 5))
        #expect(MarkupDates.parse("Wed, 02 Oct 02 13:00:00 GMT") == CalendarDate(year: 2002, month: 10, day: 2))
        #expect(MarkupDates.parse("Fri, 17 Jan 97 10:00 EST") == CalendarDate(year: 1997, month: 1, day: 17))
        #expect(MarkupDates.parse("2024-03-05T10:00:00.123+01:00") == CalendarDate(year: 2024, month: 3, day: 5))
        #expect(MarkupDates.parse("Fri, 30 Feb 2024 10:00:00 GMT") == nil)
        #expect(MarkupDates.parse("soon") == nil)
    }
}

@Suite struct FeedReaderEdgeTests {
    /// RSS 0.91 feeds name Netscape's DTD and use its HTML entities; the DTD is never loaded, yet the feed reads.
    @Test func externalDTDFeedWithUndeclaredEntity() {
        let xml = """
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Old</title>
            <item><title>Caf\u{E9}</title><link>http://example.com/a</link><description>A&nbsp;b</description></item>
            </channel></rss>
            """
        let bytes = Array(xml.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        let result = FeedReader.readWithDiagnostics(bytes: bytes, fallbackID: "old")
        #expect(result.documents.count == 1, "\(result.diagnostics)")
        #expect(result.documents.first?.title == "Café")
        #expect(result.documents.first?.id == "http://example.com/a")
    }
}

import Foundation
import Testing
@testable import Corpus

func fixture(_ name: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"),
                           "fixture \(name)")
    return Array(try Data(contentsOf: url))
}

@Suite struct HTMLReaderTests {
    @Test func readsArticleFromBrokenPage() throws {
        let result = HTMLReader.readWithDiagnostics(bytes: try fixture("broken-article.html"), fallbackID: "page-1")
        let doc = try #require(result.documents.first)
        #expect(result.documents.count == 1)
        #expect(doc.id == "page-1")
        #expect(doc.title == "Ministers meet in Geneva over \"grain deal\"")
        #expect(doc.date == CalendarDate(year: 2024, month: 3, day: 5))
        #expect(doc.source == "The Daily Wire")
        #expect(doc.url == "https://news.example.com/2024/03/ministers-geneva")
        let paragraphs = doc.text.components(separatedBy: "\n\n")
        #expect(paragraphs == [
            "Ministers meet in Geneva",
            "GENEVA — Foreign ministers from Turkey and Ukraine met on Tuesday to discuss the grain deal, officials said.",
            "The talks, hosted by the United Nations, lasted four hours & ended without a statement.",
            "What comes next",
            "A second round is planned for next week.",
            "Café owners near the venue — and journalists <lots of them> — waited outside.",
        ])
        for furniture in ["Home", "Related", "Photo", "Subscribe", "trackReading", "©", "color"] {
            #expect(!doc.text.contains(furniture), "\(furniture) leaked into the text")
        }
    }

    @Test func fallsBackToMainThenBodyAndTitleTag() throws {
        let html = """
            <html><head><title> Plain  page </title></head><body><nav>Menu</nav>
            <main><div>First block</div><div>Second <span>block</span><br>after break</div></main>
            <p>Outside main</p></body></html>
            """
        let doc = try #require(HTMLReader.read(bytes: Array(html.utf8), fallbackID: "p").first)
        #expect(doc.title == "Plain page")
        #expect(doc.text == "First block\n\nSecond block\n\nafter break")
        #expect(doc.date == nil)

        let bodyOnly = "<body><h2>Head</h2>Loose text <i>here</i><p>Para</p></body>"
        let doc2 = try #require(HTMLReader.read(bytes: Array(bodyOnly.utf8), fallbackID: "q").first)
        #expect(doc2.text == "Head\n\nLoose text here\n\nPara")
        #expect(doc2.title == nil)  // no og:title, <title> or <h1>
    }

    @Test func datesFromMetaItempropAndTime() throws {
        func date(_ html: String) -> CalendarDate? { HTMLReader.read(bytes: Array(html.utf8), fallbackID: "x").first?.date }
        #expect(date("<meta property='article:published_time' content='2023-01-02T03:04:05Z'><p>t</p>")
                == CalendarDate(year: 2023, month: 1, day: 2))
        #expect(date("<p>t</p><span itemprop='datePublished' content='2022-12-31'>yesterday</span>")
                == CalendarDate(year: 2022, month: 12, day: 31))
        #expect(date("<article><p>t <time datetime='2021-07-04T12:00'>July 4</time></p></article>")
                == CalendarDate(year: 2021, month: 7, day: 4))
        #expect(date("<meta name='date' content='Tue, 05 Mar 2024 10:00:00 GMT'><p>t</p>")
                == CalendarDate(year: 2024, month: 3, day: 5))
        #expect(date("<p>no date anywhere 2024-01-01</p>") == nil)
    }

    @Test func picksTheLongestArticle() throws {
        let html = "<article><p>Teaser</p></article><article><p>The real story is longer than the teaser.</p></article>"
        let doc = try #require(HTMLReader.read(bytes: Array(html.utf8), fallbackID: "x").first)
        #expect(doc.text == "The real story is longer than the teaser.")
    }

    @Test func emptyOrScriptOnlyPagesGiveNoDocument() {
        #expect(HTMLReader.read(bytes: [], fallbackID: "x").isEmpty)
        let result = HTMLReader.readWithDiagnostics(bytes: Array("<script>var a = 1;</script>".utf8), fallbackID: "x")
        #expect(result.documents.isEmpty)
        #expect(result.diagnostics.first?.contains("no article text") == true)
    }

    @Test func deeplyNestedMarkupDoesNotCrash() throws {
        let html = String(repeating: "<div><span>", count: 5_000) + "deep text" + String(repeating: "</span></div>", count: 5_000)
        let doc = try #require(HTMLReader.read(bytes: Array(html.utf8), fallbackID: "x").first)
        #expect(doc.text.contains("deep text"))
        let deeper = String(repeating: "<b>", count: 100_000) + "bottom"
        #expect(HTMLReader.read(bytes: Array(deeper.utf8), fallbackID: "y").first?.text == "bottom")
    }

    @Test func latin1PageWithCharsetIsDecoded() throws {
        var bytes = Array("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf".utf8)
        bytes.append(0xE9)  // é in Latin-1
        bytes += Array("</p></body></html>".utf8)
        let doc = try #require(HTMLReader.read(bytes: bytes, fallbackID: "x").first)
        #expect(doc.text == "Café")
    }
}

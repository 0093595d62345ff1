import Foundation
import Testing
@testable import XML

@Suite struct XMLStreamWriterTests {
    @Test func escapesMarkupAndDropsForbiddenCharacters() throws {
        let writer = try XMLStreamWriter()
        writer.startDocument()
        writer.startElement("root")
        writer.attribute("name", "Q&A \"Bob\" <b>\u{1}\u{FFFE}")
        writer.text("a < b & c \u{0}\u{B}\t🙂")
        writer.endElement()
        let xml = try writer.finishToString()
        #expect(xml.contains("name=\"Q&amp;A &quot;Bob&quot; &lt;b&gt;\""))
        #expect(xml.contains("a &lt; b &amp; c \t🙂"))
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" && $0 != "\n" })
        // What we wrote parses back to what we meant.
        let doc = try MarkupDocument.xml(Array(xml.utf8))
        #expect(doc.root.attribute("name") == "Q&A \"Bob\" <b>")
        #expect(doc.root.text == "a < b & c \t🙂")
    }

    @Test func numbersAreWrittenAsIs() throws {
        let writer = try XMLStreamWriter()
        writer.startElement("r")
        writer.element("i", attribute: "k", "a&b", number: -42)
        writer.element("d", attribute: "k", "x", number: 0.25)
        writer.element("n", attribute: "k", "x", number: Double.nan)
        writer.element("f", attribute: "k", "x", number: -Double.infinity)
        writer.endElement()
        let xml = try writer.finishToString()
        #expect(xml.contains("<r><i k=\"a&amp;b\">-42</i><d k=\"x\">0.25</d><n k=\"x\">NaN</n><f k=\"x\">-INF</f></r>"))
    }

    /// The one-call path for `<data>` and `<attvalue>` elements writes exactly what libxml2's element calls
    /// write, for values that take it and values that must not (escapes, controls, non-ASCII, odd names).
    @Test(arguments: [
        "plain", "", "2026-11-26", "Zurich Cantonal Bank", "a \"quoted\" word", "Q&A", "a<b>c", "line\nbreak",
        "tab\there", "carriage\rreturn", "ünïcode 🙂", "forbidden \u{1}\u{FFFE} here", "\u{EF}\u{BF}", "x > y",
    ])
    func rawElementsMatchLibxml2Calls(value: String) throws {
        for declared in [false, true] {
            let fast = try Self.writeSample(value, raw: true, declared: declared)
            let slow = try Self.writeSample(value, raw: false, declared: declared)
            #expect(fast == slow, "declared: \(declared)")
            #expect(fast.contains("<node id=\"n1\"><data key=\"v_label\">"))
        }
    }

    /// Values the fast path escapes with libxml2's own routines: every ASCII character on its own and amid
    /// text, and random mixes of markup characters, line breaks, controls, non-ASCII and U+FFFE, with and
    /// without the document's UTF-8 declaration (which changes how libxml2 escapes attribute values).
    @Test func escapedValuesMatchLibxml2Calls() throws {
        var values = (1..<128).map { String(UnicodeScalar(UInt8($0))) }
        values += (1..<128).map { "before \(UnicodeScalar(UInt8($0))) after, café" }
        let pieces = ["a", " ", "\"", "&", "<", ">", "'", "\n", "\r", "\t", "\u{7F}", "é", "…", "🙂", "\u{1}",
                      "\u{FFFE}", "\u{FFFD}", "&amp;", "]]>", "\u{EF}"]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let count = Int.random(in: 1...24, using: &random)
            values.append((0..<count).map { _ in pieces.randomElement(using: &random)! }.joined())
        }
        for declared in [false, true] {
            for value in values {
                let fast = try Self.writeSample(value, raw: true, declared: declared)
                let slow = try Self.writeSample(value, raw: false, declared: declared)
                #expect(fast == slow, "value \(value.debugDescription), declared: \(declared)")
            }
        }
        // The escaping fast path is taken, not only the element calls: once declared, a value with markup
        // characters, line breaks and non-ASCII goes out raw in all five places that have a fast path.
        let writer = try XMLStreamWriter()
        writer.startDocument()
        writer.startElement("graph")
        writer.element("data", attribute: "key", "k", text: "Q&A \"x\" <b>\n…")
        writer.element("node", attributes: [("label", "Q&A \"x\" <b>\n…")]) {}
        writer.emptyElement("attvalue", ("for", "1"), ("value", "Q&A \"x\"\t…"))
        #expect(writer.rawMarkupWrites == 4)
    }

    /// Every shape with a fast path, with `value` in each place a value can go.
    static func writeSample(_ value: String, raw: Bool, declared: Bool) throws -> String {
        let writer = try XMLStreamWriter()
        writer.writesRawElements = raw
        if declared { writer.startDocument() }
        writer.startElement("graph")
        writer.element("edge", attributes: [("id", "e1"), ("label", value)]) {
            writer.element("data", attribute: "key", "e_weight", number: 1)
        }
        writer.element("node", attributes: [("id", "n1")]) {
            writer.element("data", attribute: "key", "v_label", text: value)
            writer.element("data", attribute: "key", value, text: "t")
            writer.element("data", attribute: "key", "v_count", number: 42)
            writer.element("data", attribute: "key", "v_rank", number: 0.125)
            writer.emptyElement("attvalue", ("for", "3"), ("value", value))
            writer.emptyElement("attvalue", ("for", value), ("value", "v"))
            writer.element(value.isEmpty ? "e" : "2bad", attribute: "key", "k", text: value)
        }
        writer.endElement()
        return try writer.finishToString()
    }

    /// Fast-path markup waits in a 64 kB buffer: across many buffers' worth, interleaved with elements that must
    /// take libxml2's calls, and with one element larger than the buffer, the output is still in order.
    @Test func pendingMarkupKeepsItsPlaceAmongLibxml2Calls() throws {
        func write(raw: Bool) throws -> String {
            let writer = try XMLStreamWriter()
            writer.writesRawElements = raw
            writer.startDocument()
            writer.startElement("graph")
            for i in 0..<5_000 {
                writer.element("node", attributes: [("id", "n\(i)")]) {
                    writer.element("data", attribute: "key", "label", text: "node \(i)")
                    if i % 7 == 0 { writer.element("data", attribute: "key", "note", text: "Q&A \(i)") }  // libxml2's path
                    if i % 11 == 0 { writer.text("loose text \(i)") }
                    writer.emptyElement("attvalue", ("for", "0"), ("value", "\(i)"))
                }
                if i == 2_500 { writer.element("data", attribute: "key", "big", text: String(repeating: "x", count: 200_000)) }
            }
            writer.endElement()
            return try writer.finishToString()
        }
        let fast = try write(raw: true), slow = try write(raw: false)
        #expect(fast.utf8.count > 500_000)
        #expect(fast == slow)
    }

    /// Elements of a fixed shape write what the element calls write: text, integers (negative, extreme),
    /// doubles (non-finite ones too), attribute values that need escaping, and a shape whose fixed part itself
    /// needs escaping (which always takes the element calls).
    @Test func fixedShapesMatchLibxml2Calls() throws {
        let data = FixedElement.text("data", attribute: "key", "v_label")
        let oddKey = FixedElement.text("data", attribute: "key", "a&b")
        let attvalue = FixedElement.empty("attvalue", ("for", "3"), valueAttribute: "value")
        let values = ["plain", "", "Q&A \"x\" <b>", "line\nbreak\ttab\r", "café …🙂", "bad \u{1}\u{FFFE} bytes"]
        let integers = [0, 7, -42, 1_000_000, Int.max, Int.min]
        let doubles = [0.25, -1e-05, 3.0, .nan, .infinity, -.infinity]
        for declared in [false, true] {
            func write(raw: Bool) throws -> String {
                let writer = try XMLStreamWriter()
                writer.writesRawElements = raw
                if declared { writer.startDocument() }
                writer.startElement("graph")
                for v in values {
                    writer.element(data, text: v)
                    writer.element(oddKey, text: v)
                    writer.emptyElement(attvalue, value: v)
                }
                for n in integers { writer.element(data, number: n); writer.element(oddKey, number: n) }
                for d in doubles { writer.element(data, number: d) }
                writer.endElement()
                return try writer.finishToString()
            }
            let fast = try write(raw: true), slow = try write(raw: false)
            #expect(fast == slow, "declared: \(declared)")
            #expect(fast.contains("<data key=\"v_label\">-9223372036854775808</data>"))
        }
    }

    /// The bit sets behind plain names agree with the rule they encode, for every byte after a first letter.
    @Test func plainNameBytesAreLettersDigitsAndFourMarks() {
        for b in 0...255 {
            let byte = UInt8(b)
            let letterOrDigit = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || (byte >= 0x30 && byte <= 0x39)
            let expected = letterOrDigit
                || [UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":")].contains(byte)
            let name: [UInt8] = [UInt8(ascii: "a"), byte]
            #expect(name.withUnsafeBufferPointer { Markup.isPlainName($0) } == expected, "byte \(b)")
        }
    }

    @Test func safeTextKeepsCleanTextIntact() {
        #expect(XMLText.safe("plain, ünïcode 🙂\n") == "plain, ünïcode 🙂\n")
        #expect(XMLText.safe("a\u{1}b\u{FFFF}c\u{FFFD}") == "abc\u{FFFD}")
    }

    @Test func writesFileAndClosesOpenElements() throws {
        let path = NSTemporaryDirectory() + "xmltest-\(UUID().uuidString).xml"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try XMLStreamWriter(path: path, indent: true)
        writer.startDocument()
        writer.startElement("a", namespace: "urn:test")
        writer.element("b", attribute: "key", "k1", text: "1")
        writer.comment("a -- comment-")
        try writer.finish()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("<a xmlns=\"urn:test\">"))
        #expect(text.contains("<b key=\"k1\">1</b>"))
        #expect(text.contains("</a>"))
        let doc = try MarkupDocument.xml(Array(text.utf8))
        #expect(doc.root.namespace == "urn:test")
        #expect(doc.root.child("b")?.text == "1")
    }

    @Test func unwritablePathThrows() {
        #expect(throws: XMLError.self) { _ = try XMLStreamWriter(path: "/nonexistent-dir/x/y.xml") }
    }
}

@Suite struct MarkupDocumentTests {
    @Test func recoversBrokenHTML() {
        let html = "<html><head><title>T &amp; U</title></head><body><p>One <b>bold<p>Two</div></body>"
        let doc = MarkupDocument.html(Array(html.utf8))
        #expect(doc.root.name == "html")
        let paragraphs = doc.root.descendants { $0.name == "p" }
        #expect(paragraphs.count == 2)
        #expect(paragraphs.first?.text == "One bold")
        #expect(doc.root.firstDescendant { $0.name == "title" }?.text == "T & U")
    }

    @Test func htmlWithoutCharsetIsReadAsUTF8() {
        let doc = MarkupDocument.html(Array("<p>Zoë – café</p>".utf8))
        #expect(doc.root.firstDescendant { $0.name == "p" }?.text == "Zoë – café")
    }

    @Test func malformedXMLIsReportedNotRecovered() {
        do {
            _ = try MarkupDocument.xml(Array("<rss><channel><item></channel></rss>".utf8))
            Issue.record("expected an error")
        } catch {
            guard case .malformed(let diagnostics) = error else { Issue.record("wrong error \(error)"); return }
            #expect(!diagnostics.isEmpty)
            #expect(diagnostics.first?.line == 1)
        }
    }

    @Test func internalEntitiesExpandAndNamespacesAreKept() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY who "World">]>
            <r xmlns:c="http://purl.org/rss/1.0/modules/content/"><c:encoded><![CDATA[<p>Hi</p>]]></c:encoded><g>Hello &who;!</g></r>
            """
        let doc = try MarkupDocument.xml(Array(xml.utf8))
        #expect(doc.root.child("g")?.text == "Hello World!")
        let encoded = try #require(doc.root.child("encoded"))
        #expect(encoded.prefix == "c")
        #expect(encoded.namespace == "http://purl.org/rss/1.0/modules/content/")
        #expect(encoded.text == "<p>Hi</p>")
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        xml += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        for i in 2...9 {
            xml += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">\n"
        }
        xml += "]>\n<lolz>&lol9;</lolz>"
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: MarkupError.self) { _ = try MarkupDocument.xml(Array(xml.utf8)) }
        #expect(clock.now - start < .seconds(2))
    }

    @Test func quadraticBlowupIsBounded() {
        // One 20 kB entity referenced 5,000 times: 100 MB if expanded naively.
        let big = String(repeating: "a", count: 20_000)
        let xml = "<!DOCTYPE r [<!ENTITY a \"\(big)\">]><r>" + String(repeating: "&a;", count: 5_000) + "</r>"
        let clock = ContinuousClock()
        let start = clock.now
        #expect(throws: MarkupError.self) { _ = try MarkupDocument.xml(Array(xml.utf8)) }
        #expect(clock.now - start < .seconds(2))
    }

    @Test func externalEntitiesAreNeverFetched() throws {
        let secret = NSTemporaryDirectory() + "xxe-\(UUID().uuidString).txt"
        try "TOP-SECRET-MARKER".write(toFile: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: secret) }
        for target in ["file://\(secret)", secret, "file:///etc/passwd"] {
            let xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"\(target)\">]><r>before &x; after</r>"
            // Either refused or parsed without the entity's content: never its content.
            if let doc = try? MarkupDocument.xml(Array(xml.utf8)) {
                #expect(!doc.root.text.contains("TOP-SECRET"))
                #expect(!doc.root.text.contains("root:"))
                #expect(doc.root.text.contains("before"))
            }
        }
    }

    @Test func externalDTDIsNotLoaded() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"http://example.invalid/x.dtd\"><r>ok</r>"
        let doc = try MarkupDocument.xml(Array(xml.utf8))
        #expect(doc.root.text == "ok")
    }
}

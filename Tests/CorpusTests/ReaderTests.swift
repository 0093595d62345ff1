import Foundation
import Testing
@testable import Corpus

@Suite struct TextReaderTests {
    @Test func plainTextIsOneDocumentWithDefaultDate() {
        let (docs, problems) = TextReader.read("Hello world.\nSecond line.", fallbackID: "a/b", location: "a/b.txt",
                                               defaultDate: CalendarDate(iso: "2025-10-24"))
        #expect(problems.isEmpty)
        #expect(docs.count == 1)
        #expect(docs[0].id == "a/b")
        #expect(docs[0].date?.description == "2025-10-24")
    }

    @Test func frontMatterBlocksStartDocuments() {
        let content = """
        ---
        id: one
        title: "First: a title"
        date: 2025-10-21
        source: Taipei Times
        ---
        Body one.
        ---
        id: two
        date: not a date
        ---
        Body two.
        ---
        id: three
        ---

        """
        let (docs, problems) = TextReader.read(content, fallbackID: "f", location: "f.txt", defaultDate: nil)
        #expect(docs.map(\.id) == ["one", "two"])
        #expect(docs[0].title == "First: a title")
        #expect(docs[0].source == "Taipei Times")
        #expect(docs[0].text == "Body one.")
        #expect(docs[1].date == nil)
        #expect(problems.count == 2)
        #expect(problems[0].location == "f.txt:10" && problems[0].severity == .warning)
        #expect(problems[1].severity == .skipped)
    }

    @Test func horizontalRuleIsNotFrontMatter() {
        let (docs, _) = TextReader.read("Intro\n---\nnot: a block because no closing line\ntext", fallbackID: "x",
                                        location: "x.md", defaultDate: nil)
        #expect(docs.count == 1)
        #expect(docs[0].text.hasPrefix("Intro"))
    }
}

@Suite struct JSONLinesReaderTests {
    func read(_ line: String) -> (Document?, [Diagnostic]) {
        JSONLinesReader.document(line: Array(line.utf8), number: 7, location: "c.jsonl", fallbackID: "c:7",
                                 defaultDate: nil)
    }

    @Test func readsFields() {
        let (doc, problems) = read(#"{"id": 12, "date": "1987-02-26T15:01:01", "title": "T", "text": "Body"}"#)
        #expect(problems.isEmpty)
        #expect(doc?.id == "12")
        #expect(doc?.date?.description == "1987-02-26")
        #expect(doc?.title == "T")
    }

    @Test func aRepeatedKeyCountsWithItsLastValueAndOthersAreIgnored() {
        let (doc, problems) = read(#"{"text": "first", "source": "A", "tags": ["x"], "text": "second", "#
                                   + #""url": null, "source": "B", "Title": "not the title"}"#)
        #expect(problems.isEmpty)
        #expect(doc?.text == "second")
        #expect(doc?.source == "B")
        #expect(doc?.url == nil && doc?.title == nil)
    }

    @Test func reportsBadLines() {
        #expect(read("{not json").1.first?.description.hasPrefix("c.jsonl:7: skipped: malformed JSON") == true)
        #expect(read(#"{"id": "x"}"#).1.first?.message == #"no "text" field"#)
        #expect(read(#"[1, 2]"#).1.first?.message == "expected a JSON object, found an array")
        #expect(read(#"{"text": "   "}"#).1.first?.message == "document has empty text")
        let (doc, problems) = read(#"{"text": "ok", "date": "someday"}"#)
        #expect(doc != nil && doc?.date == nil)
        #expect(problems.first?.severity == .warning)
    }
}

@Suite struct CorpusReaderTests {
    func folder(_ files: [String: [UInt8]]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ng-corpus-\(UUID().uuidString)").path
        for (name, bytes) in files {
            let path = (dir as NSString).appendingPathComponent(name)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        }
        return dir
    }

    @Test func walksFoldersInOrderAndSkipsBadFiles() throws {
        let dir = try folder([
            "b/two.txt": Array("Second article.".utf8),
            "a.jsonl": Array("{\"id\": \"j1\", \"text\": \"One.\"}\n\n{\"id\": \"j2\"}\n{\"text\": \"Three.\"}\n".utf8),
            "c.pdf": [1, 2, 3],
            "d.txt": [],
            "e.txt": [0x41, 0, 0x42],
            "f.txt": [0x48, 0x69, 0xFF, 0x2E],
            ".hidden/x.txt": Array("hidden".utf8),
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let reader = CorpusReader()
        var ids = [String]()
        reader.read([dir, dir + "/missing.txt"]) { ids.append($0.id) }
        #expect(ids == ["j1", "a:4", "b/two", "f"])
        let messages = reader.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasSuffix("a.jsonl:3: skipped: no \"text\" field") })
        #expect(messages.contains { $0.contains("c.pdf: skipped: unknown file type '.pdf'") })
        #expect(messages.contains { $0.contains("d.txt: skipped: empty file") })
        #expect(messages.contains { $0.contains("e.txt: skipped: binary file") })
        #expect(messages.contains { $0.contains("f.txt: warning: invalid UTF-8") })
        #expect(messages.contains { $0.contains("missing.txt: skipped: no such file or folder") })
    }

    /// A JSON line with bytes that are not UTF-8 is read with them replaced, and named by file and line; ASCII
    /// lines and lines of valid UTF-8 are read as they are.
    @Test func jsonLinesWithInvalidUTF8AreRepairedAndReported() throws {
        let lines: [UInt8] = Array("{\"id\": \"a\", \"text\": \"Plain.\"}\n".utf8)
            + Array("{\"id\": \"b\", \"text\": \"Bad ".utf8) + [0xFF] + Array("byte.\"}\n".utf8)
            + Array("{\"id\": \"c\", \"text\": \"Caf\u{E9}.\"}\n".utf8)
        let dir = try folder(["g.jsonl": lines])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let reader = CorpusReader()
        var texts = [String]()
        reader.read([dir]) { texts.append($0.text) }
        #expect(texts == ["Plain.", "Bad \u{FFFD}byte.", "Caf\u{E9}."])
        let messages = reader.diagnostics.map(\.description)
        #expect(messages.count == 1 && messages[0].contains("g.jsonl:2: warning: invalid UTF-8"))
    }

    @Test func longLinesStream() throws {
        let big = String(repeating: "word ", count: 400_000)
        let dir = try folder(["big.jsonl": Array("{\"id\": \"big\", \"text\": \"\(big)\"}\n{\"id\": \"small\", \"text\": \"x\"}".utf8)])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var sizes = [Int]()
        CorpusReader().read([dir]) { sizes.append($0.text.utf8.count) }
        #expect(sizes == [2_000_000, 1])
    }
}

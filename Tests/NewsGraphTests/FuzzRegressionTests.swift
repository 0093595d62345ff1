import Annotation
import Corpus
import Foundation
import Language
import Testing

/// Inputs the libFuzzer harnesses (Sources/fuzz-*) found or that hit their edge cases, fed through the same code
/// paths without sanitizers. Each folder under Fixtures/fuzz is one harness: `text`, `jsonl`, `markup`.
@Suite struct FuzzRegressionTests {
    static let folder = Repo.root + "/Tests/NewsGraphTests/Fixtures/fuzz"
    static let fixedDate = CalendarDate(year: 2025, month: 10, day: 24)

    static func fixtures(_ harness: String) throws -> [(name: String, bytes: [UInt8])] {
        let dir = folder + "/" + harness
        return try FileManager.default.contentsOfDirectory(atPath: dir).sorted().map { name in
            (name, [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))))
        }
    }

    static func fixture(_ harness: String, _ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + harness + "/" + name)))
    }

    /// What fuzz-text does: annotate with and without a date, write the extract line; the spans must lie inside
    /// the text on UTF-8 sequence boundaries, and the line must be valid JSON.
    static func textPipeline(_ bytes: [UInt8]) throws {
        let string = String(decoding: bytes, as: UTF8.self)
        for date in [nil, fixedDate] {
            let annotated = Annotator().annotate(Document(id: "fuzz", date: date, text: string))
            let text = annotated.text
            func valid(_ r: Range<Int>) -> Bool {
                r.lowerBound >= 0 && r.upperBound <= text.count
                    && [r.lowerBound, r.upperBound].allSatisfy { $0 == text.count || text.bytes[$0] & 0xC0 != 0x80 }
            }
            #expect(annotated.sentences.allSatisfy { valid($0.range) })
            #expect(annotated.mentions.allSatisfy { valid($0.range) })
            #expect(annotated.times.allSatisfy { valid($0.range) })
            #expect(annotated.events.allSatisfy { valid($0.trigger) })
            var out = JSONOutput()
            ExtractJSON.write(annotated, into: &out, options: ExtractJSON.Options(includeText: true))
            #expect((try? JSONSerialization.jsonObject(with: Data(out.bytes))) is [String: Any])
        }
    }

    @Test func textFixturesAnnotateWithSpansInsideTheText() throws {
        let fixtures = try Self.fixtures("text")
        #expect(!fixtures.isEmpty)
        for f in fixtures { try Self.textPipeline(f.bytes) }
    }

    @Test func jsonLinesFixturesAreReadOrRejectedWithADiagnostic() throws {
        let fixtures = try Self.fixtures("jsonl")
        #expect(!fixtures.isEmpty)
        for f in fixtures {
            for date in [nil, Self.fixedDate] {
                let (document, diagnostics) = JSONLinesReader.document(line: f.bytes, number: 1, location: f.name,
                                                                       fallbackID: "fuzz", defaultDate: date)
                #expect(document != nil || !diagnostics.isEmpty, "\(f.name): rejected without a message")
            }
            _ = try? ExtractJSONReader.read(f.bytes)
        }
    }

    @Test func markupFixturesAreReadOrReported() throws {
        let fixtures = try Self.fixtures("markup")
        #expect(!fixtures.isEmpty)
        for f in fixtures {
            let html = HTMLReader.readWithDiagnostics(bytes: f.bytes, fallbackID: f.name)
            let feed = FeedReader.readWithDiagnostics(bytes: f.bytes, fallbackID: f.name)
            #expect(!html.documents.isEmpty || !html.diagnostics.isEmpty, "\(f.name): HTML read silently empty")
            #expect(!feed.documents.isEmpty || !feed.diagnostics.isEmpty, "\(f.name): feed read silently empty")
        }
    }

    /// Code-point offsets past the text, reversed or absurdly large must be rejected, not trap.
    @Test func extractReaderRejectsBadOffsets() throws {
        let rejected = try Self.fixture("jsonl", "extract-bad-offsets.jsonl")
        for line in rejected.split(separator: UInt8(ascii: "\n")) {
            #expect(throws: ExtractJSONReader.ReadError.self) { try ExtractJSONReader.read(Array(line)) }
        }
    }
}

import Annotation
import Corpus
import Foundation
@testable import NewsGraph
import Testing

/// Batches annotated on all cores, several at once, still reach the sink once each and in input order.
@Suite struct ParallelAnnotatorTests {
    @Test func resultsArriveInInputOrderAcrossManySmallBatches() throws {
        let folder = Repo.temporaryFolder("parallel-order")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/docs.jsonl"
        // Documents of very different lengths, so that batches finish out of step with each other.
        let lines = (0..<157).map { i -> String in
            let sentence = "Officials in Tokyo met Reuters reporters on Tuesday number \(i). "
            let text = String(repeating: sentence, count: 1 + (i * 7) % 23)
            return #"{"id":"doc-\#(i)","date":"2026-11-27","text":"\#(text)"}"#
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)

        // Groups of 3 in batches of 4: each batch ends with a group of one.
        let pipeline = ParallelAnnotator(batchDocuments: 4, batchBytes: 1 << 20, groupDocuments: 3)
        var seen = [String]()
        try pipeline.run([file], reader: CorpusReader(), transform: { $0.document.id }) { seen.append($0) }
        #expect(seen == (0..<157).map { "doc-\($0)" })
    }

    /// Groups cover the batch in order, each within its count and bytes, a document longer than the bound alone.
    @Test func groupsAreBoundedByCountAndBytes() {
        let sizes = [10, 10, 10, 10, 10, 500, 10, 60, 10, 10]
        let documents = sizes.enumerated().map { Document(id: "d\($0)", text: String(repeating: "x", count: $1)) }
        let pipeline = ParallelAnnotator(groupDocuments: 3, groupBytes: 64)
        #expect(pipeline.groups(of: documents) == [0..<3, 3..<5, 5..<6, 6..<7, 7..<8, 8..<10])
        #expect(pipeline.groups(of: []) == [])
    }

    /// A sink that stops the run mid-batch: every result made is still freed, the handed-on ones and those
    /// left in their slots alike (the slots are raw memory, freed by hand).
    @Test func resultsLeftBehindByAFailingSinkAreFreed() throws {
        let folder = Repo.temporaryFolder("parallel-stop")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/docs.jsonl"
        let lines = (0..<40).map { #"{"id":"doc-\#($0)","text":"Officials in Tokyo met on Tuesday."}"# }
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)

        struct Stop: Error {}
        let made = Counter(), freed = Counter()
        var handedOn = 0
        do {
            let pipeline = ParallelAnnotator(batchDocuments: 8, batchBytes: 1 << 20)
            try pipeline.run([file], reader: CorpusReader(), transform: { _ in Tracked(made: made, freed: freed) }) { _ in
                handedOn += 1
                if handedOn == 3 { throw Stop() }
            }
            Issue.record("the sink's error did not stop the run")
        } catch is Stop {}
        #expect(handedOn == 3)
        // Workers may still finish a launched batch after the error; the last of them frees its slots.
        for _ in 0..<200 where freed.value < made.value { Thread.sleep(forTimeInterval: 0.01) }
        #expect(made.value >= 8)
        #expect(freed.value == made.value)
    }

    /// The pipeline itself, on plain numbers: batches cut by count or by bytes, chunks of uneven work, outputs in
    /// input order however the workers finish.
    @Test func batchPipelineKeepsInputOrder() throws {
        for (items, bytes) in [(37, 1 << 20), (1_000, 100)] {
            let pipeline = BatchPipeline<Int, Int>(
                batchItems: items, batchBytes: bytes,
                chunks: { batch in Chunks.consecutive(count: batch.count, maxItems: 5, maxBytes: .max) { _ in 1 } },
                work: { chunk, output in
                    for n in chunk {
                        if n % 7 == 0 { Thread.sleep(forTimeInterval: 0.0005) }  // some chunks finish late
                        output(n * n)
                    }
                })
            var outputs = [Int]()
            try pipeline.run({ item in for n in 0..<1_000 { try item(n, 3) } }, sink: { outputs.append($0) })
            #expect(outputs == (0..<1_000).map { $0 * $0 })
        }
    }

    /// `extract` output read back on every core arrives in line order; a line that cannot be read is reported
    /// with its number, and the lines around it still load.
    @Test func annotationLinesLoadInLineOrderAndBadOnesAreReportedByNumber() throws {
        let folder = Repo.temporaryFolder("annotations-order")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let corpus = folder + "/docs.jsonl"
        let documents = (0..<300).map { i -> String in
            let text = String(repeating: "Officials in Tokyo met Reuters reporters on Tuesday number \(i). ", count: 1 + (i * 7) % 23)
            return #"{"id":"doc-\#(i)","date":"2026-11-27","text":"\#(text)"}"#
        }
        try (documents.joined(separator: "\n") + "\n").write(toFile: corpus, atomically: true, encoding: .utf8)
        var lines = [String]()
        try ParallelAnnotator().run([corpus], reader: CorpusReader()) { annotated in
            var out = JSONOutput()
            ExtractJSON.write(annotated, into: &out, options: .init(includeText: true))
            lines.append(String(decoding: out.bytes, as: UTF8.self))
        }
        // Lines 3 and 151 are broken, line 201 is blank (passed over, not an error).
        lines.insert("{oops", at: 2)
        lines.insert(#"{"id":"no-text"}"#, at: 150)
        lines.insert("  ", at: 200)
        let file = folder + "/annotations.jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)

        var ids = [String](), reports = [Diagnostic]()
        try Workspace.readAnnotations(file, report: { reports.append($0) }, transform: { $0.document.id }) { ids.append($0) }
        #expect(ids == (0..<300).map { "doc-\($0)" })
        #expect(reports.map(\.location) == [file + ":3", file + ":151"])
        #expect(reports.allSatisfy { $0.severity == .skipped })
    }
}

/// A result that counts how many of its kind were made and freed.
private final class Tracked: Sendable {
    let freed: Counter
    init(made: Counter, freed: Counter) {
        self.freed = freed
        made.increment()
    }
    deinit { freed.increment() }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

import Corpus
import Foundation
import NewsGraph
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

        let pipeline = ParallelAnnotator(batchDocuments: 4, batchBytes: 1 << 20)
        var seen = [String]()
        try pipeline.run([file], reader: CorpusReader(), transform: { $0.document.id }) { seen.append($0) }
        #expect(seen == (0..<157).map { "doc-\($0)" })
    }
}

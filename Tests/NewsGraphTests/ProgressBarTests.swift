import Corpus
import Foundation
import Testing
@testable import NewsGraph

@Suite struct ProgressBarTests {
    @Test func lineShowsShareDocumentsSpeedAndTimeLeft() {
        let line = ProgressBar.line(bytes: 5_000_000, documents: 4_000, total: 20_000_000, seconds: 2)
        #expect(line == "[######..................]  25%  4000 documents  2.5 MB/s  0:06 left")
        #expect(ProgressBar.line(bytes: 1_500_000, documents: 1, total: nil, seconds: 1) == "1 document  1.5 MB  1.5 MB/s")
        #expect(ProgressBar.line(bytes: 30, documents: 2, total: 20, seconds: 1).hasPrefix("[########################] 100%"))
        #expect(ProgressBar.line(bytes: 0, documents: 7, total: nil, seconds: 3) == "7 documents")
    }

    @Test func readerCountsTheBytesItReadAndKnowsTheInputSize() throws {
        let folder = Repo.temporaryFolder("progress")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let lines = #"{"id": "a", "text": "Japan met China."}"# + "\n" + #"{"id": "b", "text": "Paris."}"# + "\n"
        try Data(lines.utf8).write(to: URL(fileURLWithPath: folder + "/corpus.jsonl"))
        try Data("Tokyo is big.".utf8).write(to: URL(fileURLWithPath: folder + "/note.txt"))
        #expect(CorpusReader.inputSize([folder]) == lines.utf8.count + 13)
        #expect(CorpusReader.inputSize([folder, "-"]) == nil)
        let reader = CorpusReader()
        var documents = 0
        reader.read([folder]) { _ in documents += 1 }
        #expect(documents == 3)
        #expect(reader.bytesRead == lines.utf8.count + 13)
    }
}

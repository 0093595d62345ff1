import Foundation
import Testing
@testable import Corpus

/// JSON-lines input is split at line feeds across read chunks: no line is lost, split or merged.
@Suite struct LineReaderTests {
    @Test func linesSurviveChunkBoundariesEmptyLinesAndAMissingFinalNewline() throws {
        let lines = ["{\"id\":\"a\"}", "", "x", String(repeating: "long line ", count: 40), "é\r", "last"]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        for chunkSize in [1, 3, 7, 64, 1 << 20] {
            let handle = try #require(FileHandle(forReadingAtPath: path))
            defer { try? handle.close() }
            var seen = [String]()
            LineReader.forEachLine(handle, chunkSize: chunkSize) { seen.append(String(decoding: $0, as: UTF8.self)) }
            #expect(seen == lines, "chunk size \(chunkSize)")
        }
    }

    /// A read that fails (here: a folder opened as a file) is returned, not taken for the end of the input.
    @Test func aFailedReadIsReturned() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let handle = try #require(FileHandle(forReadingAtPath: folder))
        defer { try? handle.close() }
        var lines = 0
        let failure = LineReader.forEachLine(handle) { _ in lines += 1 }
        #expect(failure?.code == EISDIR)
        #expect(failure?.description == "Is a directory")
        #expect(lines == 0)
        let path = folder + "/ok.jsonl"
        try "a\nb".write(toFile: path, atomically: true, encoding: .utf8)
        let file = try #require(FileHandle(forReadingAtPath: path))
        defer { try? file.close() }
        #expect(LineReader.forEachLine(file) { _ in lines += 1 } == nil)
        #expect(lines == 2)
    }

    @Test func newlineSearchStartsWhereItIsTold() {
        let bytes = Array("ab\ncd\n".utf8)
        #expect(LineReader.newline(in: bytes, from: 0) == 2)
        #expect(LineReader.newline(in: bytes, from: 3) == 5)
        #expect(LineReader.newline(in: bytes, from: 6) == nil)
        #expect(LineReader.newline(in: [], from: 0) == nil)
        // Only the bytes before `end` are searched: the rest of a reused read buffer is stale.
        #expect(LineReader.newline(in: bytes, from: 3, end: 5) == nil)
        #expect(LineReader.newline(in: bytes, from: 0, end: 3) == 2)
    }
}

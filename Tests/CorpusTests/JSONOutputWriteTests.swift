import Foundation
import Testing
@testable import Corpus

/// Lines written straight from their own buffers, up to 1,024 per system call, arrive whole and in order.
@Suite struct JSONOutputWriteTests {
    @Test func linesArriveWholeAndInOrderAcrossManyCalls() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        // More lines than one call takes, some empty, some long.
        let outputs = (0..<2_500).map { i -> JSONOutput in
            var out = JSONOutput(capacity: 64)
            if i % 7 != 3 {
                out.beginObject()
                out.member("n", String(repeating: "é", count: i % 300))
                out.endObject()
                out.newline()
            }
            return out
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        try JSONOutput.write(outputs, to: fd)
        close(fd)
        let expected = outputs.flatMap(\.bytes)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(expected))
        #expect(expected.count > 300_000)
    }

    @Test func aFailedWriteIsThrown() {
        #expect(throws: SystemCallError.self) {
            var out = JSONOutput()
            out.beginObject()
            out.endObject()
            try JSONOutput.write([out], to: -1)
        }
    }
}

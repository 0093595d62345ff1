import Foundation
import NewsGraph
import Store
import Testing

/// SIGKILL in the middle of `newsgraph add`: the store must open and hold exactly what it held before.
@Suite(.serialized) struct InterruptionTests {
    /// The `newsgraph` executable built beside the test bundle.
    static var executable: String {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while url.path != "/" && !FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("newsgraph").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("newsgraph").path
    }

    func fingerprint(_ path: String) throws -> [String] {
        let store = try GraphStore.open(at: path, readonly: true)
        defer { try? store.close() }
        return try store.read { r in
            let totals = try r.documentTotals()
            return try ["documents", "actors", "aliases", "edges", "evidence", "graph_events"].map { "\($0)=\(try r.count($0))" }
                + ["sentences=\(totals.sentences)", "mentions=\(totals.mentions)"]
        }
    }

    @Test func killedAddLeavesTheStoreAsItWas() throws {
        let corpus = Repo.shared + "/corpus/reuters21578.jsonl"
        try #require(FileManager.default.fileExists(atPath: corpus), "needs ../shared")
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable), "newsgraph not built at \(Self.executable)")
        let (folder, _) = try buildInto("kill", [Repo.seeds])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = folder + "/newsgraph.sqlite"
        let before = try fingerprint(store)

        for delay in [0.5, 1.5, 3.0] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.executable)
            process.arguments = ["add", corpus, "--out", folder]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            let wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(wasRunning, "add finished before it could be killed (after \(delay) s)")
            #expect(try fingerprint(store) == before, "store changed after SIGKILL at \(delay) s")
        }
        // And it still takes a normal add afterwards.
        let small = folder + "/one.jsonl"
        try Data(#"{"id": "extra", "date": "2025-10-25", "text": "Japan and China met in Tokyo."}"#.utf8)
            .write(to: URL(fileURLWithPath: small))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["add", small, "--out", folder]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try fingerprint(store)[0] == "documents=6")
    }
}

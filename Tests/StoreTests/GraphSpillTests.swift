import Foundation
import Graph
import Testing
@testable import Store

@Suite struct GraphSpillTests {
    func spill() throws -> (GraphSpill, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ng-spill-\(UUID().uuidString)").path
        return (try GraphSpill(beside: path), path)
    }

    func event(_ i: Int) -> GraphEvent {
        GraphEvent(id: "doc-\(i / 7)#e\(i % 7 + 1)", document: "doc-\(i / 7)", type: i % 3 == 0 ? "meet" : "statement",
                   cameo: i % 2 == 0 ? "036" : nil, trigger: "met", date: i % 5 == 0 ? nil : "2025-10-\(10 + i % 20)",
                   end: i % 11 == 0 ? "2025-11" : nil, dateText: i % 4 == 0 ? "on “Tuesday”" : nil,
                   actors: (0..<(i % 4)).map { "actor-\($0)" }, sentence: "Sentence \(i), with Tōkyō and “quotes”.")
    }

    /// More than one page (4,096 records), read back whole, by several threads at once.
    @Test func eventsComeBackAsSpilled() throws {
        let (spill, _) = try spill()
        defer { spill.remove() }
        let events = (0..<9_000).map(event)
        for e in events { try spill.append(e) }
        try spill.finishWriting()
        #expect(spill.eventCount == 9_000)
        #expect(try spill.eventList.all() == events)

        let list = spill.eventList
        let counts = Counts(4)
        DispatchQueue.concurrentPerform(iterations: 4) { k in
            counts.set(k, (try? list.all().count) ?? -1)
        }
        #expect(counts.values == [9_000, 9_000, 9_000, 9_000])
    }

    /// The files are unlinked as soon as they are open: nothing is left behind, even by a killed process.
    @Test func nothingIsLeftOnDisk() throws {
        let (spill, path) = try spill()
        try spill.append(event(1))
        try spill.finishWriting()
        #expect(!FileManager.default.fileExists(atPath: path + ".events"))
        #expect(try spill.eventList.all() == [event(1)])
        spill.remove()
        #expect(throws: SpillError.self) { try spill.eventList.all() }
    }
}

private final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int]
    init(_ n: Int) { stored = Array(repeating: 0, count: n) }
    func set(_ i: Int, _ v: Int) { lock.withLock { stored[i] = v } }
    var values: [Int] { lock.withLock { stored } }
}

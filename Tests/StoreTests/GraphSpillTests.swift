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
    @Test func eventsAndEvidenceComeBackAsSpilled() throws {
        let (spill, _) = try spill()
        defer { spill.remove() }
        let events = (0..<9_000).map(event)
        for e in events { try spill.append(e) }
        for i in 0..<5_000 {
            try spill.append(source: i % 13, target: 13 + i % 17,
                             Evidence(document: "doc-\(i)", sentence: "s\(i)", date: i % 3 == 0 ? nil : "2025-10-24"))
        }
        try spill.finishWriting()
        #expect(spill.eventCount == 9_000)
        #expect(try spill.eventList.all() == events)
        var evidence = [(Int, Int, Evidence)]()
        try spill.forEachEvidence { evidence.append(($0, $1, $2)) }
        #expect(evidence.count == 5_000)
        #expect(evidence[4_999].0 == 4_999 % 13 && evidence[4_999].1 == 13 + 4_999 % 17)
        #expect(evidence[4_999].2 == Evidence(document: "doc-4999", sentence: "s4999", date: "2025-10-24"))
        #expect(evidence[3].2.date == nil)

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
        #expect(!FileManager.default.fileExists(atPath: path + ".evidence"))
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

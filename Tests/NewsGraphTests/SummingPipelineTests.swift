import Foundation
import Corpus
import GRDB
@testable import NewsGraph
import Store
import Testing

/// The hand-off between the store's thread and the summing worker: everything arrives, in order, with
/// queues far smaller than the traffic, and neither side hangs when the other stops early.
@Suite(.timeLimit(.minutes(1))) struct SummingPipelineTests {
    /// Runs `work` on a worker thread the way `Workspace.storeGraph` does, and feeds it `inputs` from this thread.
    func run(_ inputs: [Int], inboxLimit: Int, foundLimit: Int, failWriteAt: Int? = nil,
             work: @escaping @Sendable (SummingPipeline<Int, Int>) -> Void) -> (written: [Int], error: Error?) {
        let pipeline = SummingPipeline<Int, Int>(inboxLimit: inboxLimit, foundLimit: foundLimit)
        Thread.detachNewThread {
            work(pipeline)
            pipeline.finishWork()
        }
        var written = [Int]()
        struct WriteFailed: Error {}
        func write(_ rows: [Int]) throws {
            for row in rows {
                if let failWriteAt, written.count == failWriteAt { throw WriteFailed() }
                written.append(row)
            }
        }
        do {
            for input in inputs { try pipeline.feed(input, write: write) }
            try pipeline.finishInput(write: write)
            pipeline.waitForWorker()
            return (written, nil)
        } catch {
            pipeline.cancel()
            pipeline.waitForWorker()
            return (written, error)
        }
    }

    @Test func everyFoundRowArrivesInOrderThroughSmallQueues() {
        // Each input makes 0 to 6 rows: some inputs make none, some more than the found queue holds.
        let (written, error) = run(Array(0..<2_000), inboxLimit: 2, foundLimit: 3) { pipeline in
            while let n = pipeline.next() {
                for k in 0..<(n % 7) { pipeline.send(n * 10 + k) }
            }
            pipeline.finishSending()
            Thread.sleep(forTimeInterval: 0.05)  // work after the last row (a build's analytics)
        }
        #expect(error == nil)
        #expect(written == (0..<2_000).flatMap { n in (0..<(n % 7)).map { n * 10 + $0 } })
    }

    @Test func aWorkerThatStopsEarlyDoesNotHangTheStoreSide() {
        let (written, error) = run(Array(0..<1_000), inboxLimit: 4, foundLimit: 4) { pipeline in
            var seen = 0
            while seen < 10, let n = pipeline.next() {
                pipeline.send(n)
                seen += 1
            }
            // Stops (as after a decoding error), leaving inputs unread.
        }
        #expect(error == nil)
        #expect(written == Array(0..<10))
    }

    @Test func aFailingWriteStopsTheWorker() {
        let (written, error) = run(Array(0..<1_000), inboxLimit: 4, foundLimit: 4, failWriteAt: 50) { pipeline in
            while let n = pipeline.next() { pipeline.send(n) }
        }
        #expect(error != nil)
        #expect(written == Array(0..<50))
    }

    /// A damaged stored contribution fails the add with the document's id, and the store keeps what it held.
    @Test func damagedContributionFailsTheAddAndLeavesTheStore() throws {
        let (folder, _) = try buildInto("damaged", [Repo.seeds], quickAnalytics: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/newsgraph.sqlite"
        let queue = try DatabaseQueue(path: path)
        let damaged = try queue.write { db -> String in
            try db.execute(sql: "UPDATE document_bodies SET contribution = x'FF01' WHERE rowid = 1")
            return try String.fetchOne(db, sql: "SELECT id FROM documents WHERE rowid = 1") ?? ""
        }
        try queue.close()
        func counts() throws -> [Int] {
            let store = try GraphStore.open(at: path, readonly: true)
            defer { try? store.close() }
            return try store.read { r in try ["documents", "edges", "evidence", "graph_events"].map { try r.count($0) } }
        }
        let before = try counts()
        // Another window makes the add sum every stored document, the damaged one too (an add that only brings
        // new documents sums just those, and would not read it).
        var options = testOptions(folder, quickAnalytics: true)
        options.window = .paragraph
        let extra = folder + "/extra.jsonl"
        try Data(#"{"id": "extra", "date": "2025-10-25", "text": "Japan and China met in Tokyo."}"#.utf8)
            .write(to: URL(fileURLWithPath: extra))
        #expect {
            _ = try Workspace.add(options: options) { put in try options.annotator.run([extra], reader: CorpusReader(), sink: { try put($0) }) }
        } throws: { error in
            "\(error)".contains(damaged)
        }
        #expect(try counts() == before)
    }
}

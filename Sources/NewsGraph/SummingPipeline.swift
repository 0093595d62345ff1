import Foundation

/// Hands stored contributions (`Input`) from the store's thread to a worker that sums the graph, and the evidence and
/// events the worker finds (`Found`) back to the store's thread, which writes their rows while the worker goes on.
///
/// Why: SQLite's connection, and the transaction a build or add runs in, belong to one thread. Summing and
/// writing the rows one after the other left a core idle through both; side by side they take about as
/// long as the longer of the two.
///
/// The store's thread never waits while found rows are queued, and the worker waits for room only while
/// found rows are queued, so neither can wait on the other forever. At most `inboxLimit` contributions and
/// `foundLimit` rows wait in the queues: memory stays flat.
final class SummingPipeline<Input, Found>: @unchecked Sendable {
    let inboxLimit: Int
    let foundLimit: Int

    private let condition = NSCondition()
    private var inbox = [Input]()
    private var inboxStart = 0
    private var inputFinished = false
    private var found = [Found]()
    private var workerFinished = false
    /// The worker will send no more rows (it may still be working: a build's analytics come after).
    private var sendingFinished = false
    private var cancelled = false

    init(inboxLimit: Int = 64, foundLimit: Int = 4_096) {
        self.inboxLimit = max(1, inboxLimit)
        self.foundLimit = max(1, foundLimit)
    }

    // MARK: The worker's side

    /// The next contribution, waiting for one; nil when there are no more (or the store's side stopped).
    func next() -> Input? {
        condition.lock()
        defer { condition.unlock() }
        while inboxStart == inbox.count, !inputFinished, !cancelled { condition.wait() }
        guard inboxStart < inbox.count, !cancelled else { return nil }
        let item = inbox[inboxStart]
        inboxStart += 1
        if inboxStart == inbox.count {
            inbox.removeAll(keepingCapacity: true)
            inboxStart = 0
        }
        condition.broadcast()
        return item
    }

    /// Queues a found row for the store's thread, waiting while the queue is full.
    func send(_ row: Found) {
        condition.lock()
        defer { condition.unlock() }
        while found.count >= foundLimit, !cancelled { condition.wait() }
        found.append(row)
        if found.count == 1 || found.count >= foundLimit { condition.broadcast() }
    }

    /// The worker will send no more rows.
    func finishSending() {
        condition.lock()
        sendingFinished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The worker is done (its result, or its error, is where the caller keeps it).
    func finishWork() {
        condition.lock()
        workerFinished = true
        condition.broadcast()
        condition.unlock()
    }

    // MARK: The store's side

    /// Queues `contribution` for the worker, first writing (with `write`) every row the worker has found.
    /// False, without queueing, when the worker has finished early (it failed; its error says why).
    @discardableResult
    func feed(_ contribution: Input, write: ([Found]) throws -> Void) throws -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while true {
            try writeFound(write)
            if workerFinished { return false }
            if inbox.count - inboxStart < inboxLimit {
                inbox.append(contribution)
                condition.broadcast()
                return true
            }
            condition.wait()
        }
    }

    /// No more contributions: writes the rows the worker finds until it will send no more (or is done).
    func finishInput(write: ([Found]) throws -> Void) throws {
        condition.lock()
        defer { condition.unlock() }
        inputFinished = true
        condition.broadcast()
        while true {
            try writeFound(write)
            if sendingFinished || workerFinished { return }
            condition.wait()
        }
    }

    /// Stops both sides: the worker's `next` returns nil and `send` no longer waits.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the worker has finished.
    func waitForWorker() {
        condition.lock()
        while !workerFinished { condition.wait() }
        condition.unlock()
    }

    /// Writes the queued rows until none are left. Called, and returns (even by throwing), with the lock
    /// held; the lock is released while `write` runs, so the worker can go on.
    private func writeFound(_ write: ([Found]) throws -> Void) throws {
        while !found.isEmpty {
            let rows = found
            found.removeAll(keepingCapacity: true)
            condition.broadcast()
            condition.unlock()
            defer { condition.lock() }
            try write(rows)
        }
    }
}

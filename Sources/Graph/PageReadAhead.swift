import Foundation

/// Reads pages on a thread of its own, at most `ahead` pages before the one being visited, and hands them to
/// the visiting thread in order.
///
/// The reader stops at the first error (the visitor gets it in the failed page's turn) and whenever the
/// visitor stops; `forEach` returns only once the reader has stopped, so nothing reads after it returns
/// (the store it reads from may then be closed).
final class PageReadAhead: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready = [Result<[GraphEvent], Error>]()
    private var finished = false
    private var stopped = false
    private let ahead: Int

    private init(ahead: Int) { self.ahead = max(1, ahead) }

    static func forEach(_ pages: [Range<Int>], ahead: Int = 2, read: @escaping EventList.PageReader,
                        _ visit: ([GraphEvent]) throws -> Void) throws {
        let queue = PageReadAhead(ahead: ahead)
        Thread.detachNewThread { queue.produce(pages, read: read) }
        defer { queue.stopAndWait() }
        while let page = queue.next() { try visit(try page.get()) }
    }

    private func produce(_ pages: [Range<Int>], read: EventList.PageReader) {
        defer {
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        for range in pages {
            condition.lock()
            while ready.count >= ahead, !stopped { condition.wait() }
            let stop = stopped
            condition.unlock()
            if stop { return }
            let page = Result { try read(range) }
            condition.lock()
            ready.append(page)
            condition.broadcast()
            condition.unlock()
            if case .failure = page { return }
        }
    }

    /// The next page, waiting for it; nil after the last.
    private func next() -> Result<[GraphEvent], Error>? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty, !finished { condition.wait() }
        guard !ready.isEmpty else { return nil }
        condition.broadcast()
        return ready.removeFirst()
    }

    private func stopAndWait() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}

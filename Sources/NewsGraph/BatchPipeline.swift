import Dispatch

/// Items gathered into batches on the calling thread, each batch worked on by every core, and the outputs handed
/// to a sink in input order, on the calling thread: how articles are annotated (`ParallelAnnotator`) and how
/// `extract` output made elsewhere is read back (`Workspace.readAnnotations`).
///
/// Batches are bounded by count and bytes, so memory stays flat however long the input is: at most
/// `maxBatchesInFlight` batches are worked on while the next is gathered and the oldest finished one is handed
/// on. A batch starts as soon as it is gathered, so the workers need not idle at the end of one batch while this
/// thread, which shares the cores with them, gathers the next.
struct BatchPipeline<Item: Sendable, Output: Sendable>: Sendable {
    var batchItems: Int
    var batchBytes: Int
    /// Cuts a batch into consecutive ranges covering it, each taken by one worker.
    var chunks: @Sendable ([Item]) -> [Range<Int>]
    /// Works on one chunk, handing on exactly one output per item, in the chunk's order.
    var work: @Sendable (ArraySlice<Item>, (Output) -> Void) -> Void

    /// How many batches may be worked on at once: with one, the cores idled at every batch's end until this
    /// thread had gathered the next.
    static var maxBatchesInFlight: Int { 2 }

    /// `produce` hands each item and its size in bytes to its argument; `sink` gets every output in input order.
    func run(_ produce: (_ item: (Item, Int) throws -> Void) throws -> Void, sink: (Output) throws -> Void) throws {
        // `produce` calls back into code that calls `sink`: both are only used during this call.
        try withoutActuallyEscaping(sink) { sink in
            var batch = [Item]()
            var bytes = 0
            var inFlight = [InFlight<Output>]()  // oldest first

            func sinkOldest() throws {
                let running = inFlight.removeFirst()
                running.group.wait()
                try running.results.consume(sink)
            }
            // The next batch starts before the finished one is handed to `sink`, so the workers work while this
            // thread stores or writes (a build's store writes are as long as its annotation).
            func launch() throws {
                let items = batch
                batch = []
                bytes = 0
                inFlight.append(start(items))
                if inFlight.count > Self.maxBatchesInFlight { try sinkOldest() }
            }
            try produce { item, size in
                batch.append(item)
                bytes += size
                if batch.count >= batchItems || bytes >= batchBytes { try launch() }
            }
            if !batch.isEmpty { try launch() }
            while !inFlight.isEmpty { try sinkOldest() }
        }
    }

    private func start(_ items: [Item]) -> InFlight<Output> {
        let results = ResultSlots<Output>(count: items.count)
        let group = DispatchGroup()
        let ranges = chunks(items)
        let work = self.work
        DispatchQueue.global().async(group: group) {
            DispatchQueue.concurrentPerform(iterations: ranges.count) { c in
                var next = ranges[c].lowerBound
                work(items[ranges[c]]) { output in
                    results.set(next, output)
                    next += 1
                }
                // The slots are raw memory: one left unset would be read as a value.
                precondition(next == ranges[c].upperBound, "BatchPipeline: a chunk's work must hand on one output per item")
            }
        }
        return InFlight(group: group, results: results)
    }
}

/// How a batch is cut into the chunks its workers take.
enum Chunks {
    /// Consecutive ranges of `count` items, each up to `maxItems` items and, past its first item, `maxBytes` bytes
    /// (`size` gives an item's): an item larger than the bound has a range of its own.
    static func consecutive(count: Int, maxItems: Int, maxBytes: Int, size: (Int) -> Int) -> [Range<Int>] {
        var ranges = [Range<Int>]()
        var first = 0, bytes = 0
        for i in 0..<count {
            let itemSize = size(i)
            if i > first, i - first >= maxItems || bytes + itemSize > maxBytes {
                ranges.append(first..<i)
                first = i
                bytes = 0
            }
            bytes += itemSize
        }
        if first < count { ranges.append(first..<count) }
        return ranges
    }
}

private struct InFlight<T: Sendable> {
    let group: DispatchGroup
    let results: ResultSlots<T>
}

/// One slot per item of a batch, each written by exactly one worker before the batch's group is left: the group's
/// wait orders those writes before any read.
///
/// Raw memory rather than `[T?]`: this code is generic and not specialized for its callers in other modules, and
/// every write to a `[T?]` looked up the metadata of `Optional<T>` and `Array<Optional<T>>` in the runtime, about
/// 1,300 instructions per document.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T>
    private let count: Int
    /// Slots before this one have been handed on (moved out); the rest are still to be freed.
    private var consumed = 0

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
    }

    /// Fills slot `index`, once.
    func set(_ index: Int, _ value: T) {
        (slots + index).initialize(to: value)
    }

    /// Hands each result on in order, moving it out of its slot. Call only after every slot was set.
    func consume(_ body: (T) throws -> Void) rethrows {
        while consumed < count {
            let value = (slots + consumed).move()
            consumed += 1
            try body(value)
        }
    }

    /// The last reference goes only after the workers are done (their closure holds one), so every slot not
    /// handed on is set.
    deinit {
        (slots + consumed).deinitialize(count: count - consumed)
        slots.deallocate()
    }
}

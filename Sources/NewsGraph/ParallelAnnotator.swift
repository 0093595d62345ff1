import Annotation
import Corpus
import Dispatch

/// Annotates a stream of documents on every core and hands the results on in input order.
///
/// Documents are gathered into batches bounded by count and bytes, so memory stays flat however large the
/// corpus is (a few batches at a time: one read, two or three annotated, one handed on). While batches are
/// annotated (all cores, `concurrentPerform`; each worker takes a group of documents through the stages
/// together), the oldest finished one goes to `sink` and the next is read; per-document work that needs no
/// order (encoding a JSON line, preparing store rows) runs in the workers too, through `transform`. Results
/// reach `sink` in input order, on the calling thread.
public struct ParallelAnnotator: Sendable {
    public var annotator: Annotator
    public var batchDocuments: Int
    public var batchBytes: Int
    /// Documents a worker annotates together, stage by stage (`Annotator.annotate(_:)` on a group), bounded
    /// by count and by bytes of text: a group holds every stage's working data for all its documents at once,
    /// and one long document already keeps a stage's code in cache for a while.
    public var groupDocuments: Int
    public var groupBytes: Int

    public init(annotator: Annotator = Annotator(), batchDocuments: Int = 512, batchBytes: Int = 4 << 20,
                groupDocuments: Int = 64, groupBytes: Int = 64 << 10) {
        self.annotator = annotator
        self.batchDocuments = batchDocuments
        self.batchBytes = batchBytes
        self.groupDocuments = groupDocuments
        self.groupBytes = groupBytes
    }

    /// Reads `inputs` with `reader` and calls `sink` with each annotated document, in input order.
    public func run(_ inputs: [String], reader: CorpusReader, sink: (AnnotatedDocument) throws -> Void) throws {
        try run(inputs, reader: reader, transform: { $0 }, sink: sink)
    }

    /// Reads, annotates and transforms in the workers; `sink` gets the transformed results in input order.
    public func run<T: Sendable>(_ inputs: [String], reader: CorpusReader,
                                 transform: @escaping @Sendable (AnnotatedDocument) -> T,
                                 sink: (T) throws -> Void) throws {
        var batch = [Document]()
        var bytes = 0
        // Oldest first. Two batches may be annotated at once: a batch starts as soon as it is read, so the
        // workers need not idle at the end of one batch while this thread, which shares the cores with them,
        // finishes reading the next.
        var inFlight = [InFlight<T>]()

        func sinkOldest() throws {
            let running = inFlight.removeFirst()
            running.group.wait()
            try running.results.consume(sink)
        }
        func drain() throws {
            while !inFlight.isEmpty { try sinkOldest() }
        }
        // The next batch starts before the finished one is handed to `sink`, so the workers annotate while
        // this thread stores or writes (a build's store writes are as long as its annotation).
        func launch() throws {
            let documents = batch
            batch = []
            bytes = 0
            inFlight.append(start(documents, transform))
            if inFlight.count > ParallelAnnotator.maxBatchesInFlight { try sinkOldest() }
        }
        try reader.read(inputs) { document in
            batch.append(document)
            bytes += document.text.utf8.count
            if batch.count >= batchDocuments || bytes >= batchBytes { try launch() }
        }
        if !batch.isEmpty { try launch() }
        try drain()
    }

    /// How many batches may be annotated at once: with one, the cores idled at every batch's end until this
    /// thread had read the next.
    static let maxBatchesInFlight = 2

    /// Annotates a batch on all cores; results keep the batch's order.
    public func annotate(_ documents: [Document]) -> [AnnotatedDocument] {
        let running = start(documents) { $0 }
        running.group.wait()
        var annotated = [AnnotatedDocument]()
        annotated.reserveCapacity(documents.count)
        running.results.consume { annotated.append($0) }
        return annotated
    }

    private func start<T: Sendable>(_ documents: [Document],
                                    _ transform: @escaping @Sendable (AnnotatedDocument) -> T) -> InFlight<T> {
        let results = ResultSlots<T>(count: documents.count)
        let group = DispatchGroup()
        let annotator = self.annotator
        let groups = groups(of: documents)
        DispatchQueue.global().async(group: group) {
            DispatchQueue.concurrentPerform(iterations: groups.count) { g in
                let first = groups[g].lowerBound
                for (k, annotated) in annotator.annotate(documents[groups[g]]).enumerated() {
                    results.set(first + k, transform(annotated))
                }
            }
        }
        return InFlight(group: group, results: results)
    }
}

extension ParallelAnnotator {
    /// Consecutive ranges of `documents`, each up to `groupDocuments` documents and, past its first document,
    /// `groupBytes` of text.
    func groups(of documents: [Document]) -> [Range<Int>] {
        var groups = [Range<Int>]()
        var first = 0, bytes = 0
        for (i, document) in documents.enumerated() {
            let size = document.text.utf8.count
            if i > first, i - first >= groupDocuments || bytes + size > groupBytes {
                groups.append(first..<i)
                first = i
                bytes = 0
            }
            bytes += size
        }
        if first < documents.count { groups.append(first..<documents.count) }
        return groups
    }
}

private struct InFlight<T: Sendable> {
    let group: DispatchGroup
    let results: ResultSlots<T>
}

/// One slot per document of a batch, each written by exactly one worker before the batch's group is left:
/// the group's wait orders those writes before any read.
///
/// Raw memory rather than `[T?]`: this code is generic and not specialized for its callers in other modules,
/// and every write to a `[T?]` looked up the metadata of `Optional<T>` and `Array<Optional<T>>` in the runtime,
/// about 1,300 instructions per document.
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

import Annotation
import Corpus
import Dispatch

/// Annotates a stream of documents on every core and hands the results on in input order.
///
/// Documents are gathered into batches bounded by count and bytes, so memory stays flat however large
/// the corpus is; each batch is annotated with `concurrentPerform` and emitted in order.
public struct ParallelAnnotator: Sendable {
    public var annotator: Annotator
    public var batchDocuments: Int
    public var batchBytes: Int

    public init(annotator: Annotator = Annotator(), batchDocuments: Int = 256, batchBytes: Int = 4 << 20) {
        self.annotator = annotator
        self.batchDocuments = batchDocuments
        self.batchBytes = batchBytes
    }

    /// Reads `inputs` with `reader` and calls `sink` with each annotated document, in input order.
    public func run(_ inputs: [String], reader: CorpusReader, sink: (AnnotatedDocument) throws -> Void) throws {
        var batch = [Document]()
        var bytes = 0
        func flush() throws {
            guard !batch.isEmpty else { return }
            for annotated in annotate(batch) { try sink(annotated) }
            batch.removeAll(keepingCapacity: true)
            bytes = 0
        }
        try reader.read(inputs) { document in
            batch.append(document)
            bytes += document.text.utf8.count
            if batch.count >= batchDocuments || bytes >= batchBytes { try flush() }
        }
        try flush()
    }

    /// Annotates a batch on all cores; results keep the batch's order.
    public func annotate(_ documents: [Document]) -> [AnnotatedDocument] {
        if documents.count == 1 { return [annotator.annotate(documents[0])] }
        var results = [AnnotatedDocument?](repeating: nil, count: documents.count)
        let annotator = self.annotator
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: documents.count) { i in
                out[i] = annotator.annotate(documents[i])
            }
        }
        return results.map { $0! }
    }
}

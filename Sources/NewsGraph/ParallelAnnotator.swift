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
        let annotator = self.annotator
        let pipeline = BatchPipeline<Document, T>(
            batchItems: batchDocuments, batchBytes: batchBytes, chunks: { [self] in groups(of: $0) },
            work: { documents, output in
                for annotated in annotator.annotate(documents) { output(transform(annotated)) }
            })
        try pipeline.run({ item in try reader.read(inputs) { try item($0, $0.text.utf8.count) } }, sink: sink)
    }
}

extension ParallelAnnotator {
    /// Consecutive ranges of `documents`, each up to `groupDocuments` documents and, past its first document,
    /// `groupBytes` of text.
    func groups(of documents: [Document]) -> [Range<Int>] {
        Chunks.consecutive(count: documents.count, maxItems: groupDocuments, maxBytes: groupBytes) {
            documents[$0].text.utf8.count
        }
    }
}

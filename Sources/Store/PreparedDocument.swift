import Actors
import Annotation
import Corpus
import Graph

/// A document's store row, worked out from its annotations before the write: the content hash, the counts
/// for summaries, and the graph contribution encoded as one value. Building one is pure work on plain data,
/// so the annotating workers do it; the single writer thread then only binds values.
public struct PreparedDocument: Sendable {
    let document: Document
    let hash: String
    let sentences: Int
    let mentions: Int
    let contribution: [UInt8]
    /// The document's actors and their mention counts, for a build to register as it stores documents.
    public let actors: [DocumentActor]
    public let mentionCounts: [Int]

    public init(_ annotated: AnnotatedDocument) {
        let contribution = DocumentContribution(annotated)
        document = annotated.document
        hash = StoreWriter.contentHash(annotated)
        sentences = annotated.sentences.count
        mentions = annotated.mentions.count
        self.contribution = ContributionCodec.encode(contribution)
        actors = contribution.actors
        mentionCounts = contribution.mentionCounts
    }
}

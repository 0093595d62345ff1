import Annotation

/// A document's store rows, worked out from its annotations before the write: the content hash, the folded
/// texts of the sentences worth keeping, per-actor counts and the joined list fields. Building one is pure
/// work on plain data, so the annotating workers do it; the single writer thread then only binds values.
public struct PreparedDocument: Sendable {
    public let annotated: AnnotatedDocument
    let hash: String
    /// Sentence index → folded text, for the sentences that name an actor or hold an event.
    let sentenceTexts: [Int: String]
    let actorAliases: [String]
    let actorTitles: [String]
    let actorMentions: [Int]
    /// For each mention, the index of its actor in `annotated.actors` (-1 when it is not listed).
    let mentionActors: [Int]
    let eventActors: [String]

    public init(_ annotated: AnnotatedDocument) {
        self.init(annotated, sentenceTexts: annotated.contentSentenceTexts())
    }

    /// `sentenceTexts` must be `annotated.contentSentenceTexts()` (shared with the graph's contribution so it
    /// is computed once).
    public init(_ annotated: AnnotatedDocument, sentenceTexts: [Int: String]) {
        self.annotated = annotated
        hash = StoreWriter.contentHash(annotated)
        self.sentenceTexts = sentenceTexts
        let index = Dictionary(annotated.actors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var counts = [Int](repeating: 0, count: annotated.actors.count)
        var mentionActors = [Int]()
        mentionActors.reserveCapacity(annotated.mentions.count)
        for m in annotated.mentions {
            let i = index[m.actor] ?? -1
            if i >= 0 { counts[i] += 1 }
            mentionActors.append(i)
        }
        actorMentions = counts
        self.mentionActors = mentionActors
        actorAliases = annotated.actors.map { ListField.join($0.aliases) }
        actorTitles = annotated.actors.map { ListField.join($0.titles) }
        eventActors = annotated.events.map { ListField.join($0.actors) }
    }
}

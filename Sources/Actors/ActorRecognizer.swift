import Corpus
import Language

/// Finds the actors of a document: proper-name mentions, typed and resolved to document-level actors.
///
/// PLACEHOLDER: the real recognizer (gazetteers, titles, acronyms, resolution) replaces this body.
public struct ActorRecognizer: Sendable {
    public init() {}

    public func recognize(_ text: Text, tokens: [Token], sentences: [Sentence]) -> ActorAnnotation {
        ActorAnnotation()
    }
}

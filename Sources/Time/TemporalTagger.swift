import Corpus
import Language

/// Finds temporal expressions and normalizes them against the document creation date.
///
/// PLACEHOLDER: the real tagger replaces this body.
public struct TemporalTagger: Sendable {
    public init() {}

    public func tag(_ text: Text, tokens: [Token], sentences: [Sentence], documentDate: CalendarDate?) -> [TimeExpression] {
        []
    }
}

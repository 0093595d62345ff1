import Actors
import Corpus
import Language
import Time

/// Finds events: a trigger per clause, its type, its actors and its date.
///
/// PLACEHOLDER: the real extractor replaces this body.
public struct EventExtractor: Sendable {
    public init() {}

    public func extract(_ text: Text, tokens: [Token], sentences: [Sentence], mentions: [Mention],
                        times: [TimeExpression], documentDate: CalendarDate?) -> [Event] {
        []
    }
}

import Actors
import Corpus
import Events
import Language
import Time

/// A document with everything the annotation stage found in it. Plain data: the graph, the store and
/// `extract`'s JSON are all made from it.
public struct AnnotatedDocument: Sendable {
    public var document: Document
    public var text: Text
    public var sentences: [Sentence]
    public var mentions: [Mention]
    public var actors: [DocumentActor]
    public var times: [TimeExpression]
    public var events: [Event]

    public init(document: Document, text: Text, sentences: [Sentence], mentions: [Mention], actors: [DocumentActor],
                times: [TimeExpression], events: [Event]) {
        self.document = document
        self.text = text
        self.sentences = sentences
        self.mentions = mentions
        self.actors = actors
        self.times = times
        self.events = events
    }

    /// The folded texts of the sentences that name an actor or hold an event: what the graph quotes as
    /// evidence, each folded once however many mentions and events the sentence holds.
    /// Indexed by sentence, nil for the others: an array, where a dictionary hashed each mention's and event's
    /// sentence index.
    public func contentSentenceTexts() -> [String?] {
        var texts = [String?](filledWith: nil, count: sentences.count)
        for m in mentions where texts.indices.contains(m.sentence) && texts[m.sentence] == nil {
            texts[m.sentence] = sentenceText(m.sentence)
        }
        for e in events where texts.indices.contains(e.sentence) && texts[e.sentence] == nil {
            texts[e.sentence] = sentenceText(e.sentence)
        }
        return texts
    }

    /// The text of sentence `index`, with line breaks and runs of spaces folded (hard-wrapped input).
    /// "" for an index with no sentence (annotations loaded from a line without sentences).
    public func sentenceText(_ index: Int) -> String {
        guard sentences.indices.contains(index) else { return "" }
        return text.bytes.withUnsafeBufferPointer { all in
            TextCleanup.foldWhitespace(UnsafeBufferPointer(rebasing: all[sentences[index].range]))
        }
    }
}

public enum TextCleanup {
    /// Folds every run of whitespace (including line breaks) into one space.
    public static func foldWhitespace(_ s: String) -> String { s.withBorrowedUTF8 { foldWhitespace($0) } }

    /// `foldWhitespace` on UTF-8 bytes: one pass, straight into the new string's storage (this runs for
    /// every sentence the graph quotes).
    public static func foldWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            var count = 0, space = false
            for b in bytes {
                if b == 32 || b == 10 || b == 13 || b == 9 {
                    space = true
                } else {
                    if space && count > 0 {
                        out[count] = 32
                        count += 1
                    }
                    space = false
                    out[count] = b
                    count += 1
                }
            }
            return count
        }
    }
}

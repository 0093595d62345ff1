import Actors
import Corpus
import Language
import Time
@testable import Events

/// A document for extractor tests: real tokens and sentences, hand-built mentions and time expressions
/// (the recognizer and the tagger are other stages), located by substring.
struct Fixture {
    let string: String
    let text: Text
    let tokens: [Token]
    let sentences: [Sentence]
    var mentions = [Mention]()
    var times = [TimeExpression]()

    init(_ string: String) {
        self.string = string
        text = Text(string)
        tokens = Tokenizer.standard.tokenize(text)
        sentences = SentenceSplitter.standard.split(text, tokens: tokens)
    }

    /// Byte range of the first `needle` at or after the first `after` (if given).
    func range(of needle: String, after: String? = nil) -> Range<Int> {
        let hay = text.bytes, n = Array(needle.utf8)
        var from = 0
        if let after { from = range(of: after).lowerBound }
        var i = from
        while i + n.count <= hay.count {
            if Array(hay[i..<(i + n.count)]) == n { return i..<(i + n.count) }
            i += 1
        }
        fatalError("\(needle) not found in fixture")
    }

    func sentence(of range: Range<Int>) -> Int {
        sentences.firstIndex { $0.range.contains(range.lowerBound) } ?? 0
    }

    mutating func actor(_ needle: String, _ id: String, _ type: ActorType = .person, kind: MentionKind = .name,
                        after: String? = nil) {
        let r = range(of: needle, after: after)
        mentions.append(Mention(range: r, text: needle, actor: id, type: type, kind: kind, sentence: sentence(of: r)))
        mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
    }

    mutating func time(_ needle: String, _ value: String?, _ type: TimexType = .date, end: String? = nil,
                       after: String? = nil) {
        let r = range(of: needle, after: after)
        times.append(TimeExpression(range: r, text: needle, type: type, value: value, end: end, sentence: sentence(of: r)))
    }

    func extract(_ dct: String?) -> [Event] {
        EventExtractor().extract(text, tokens: tokens, sentences: sentences, mentions: mentions, times: times,
                                 documentDate: dct.flatMap { CalendarDate(iso: $0) })
    }
}

extension [Event] {
    /// The event whose trigger text is `trigger`.
    func with(_ trigger: String) -> Event? { first { $0.triggerText == trigger } }
}

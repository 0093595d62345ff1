import Actors
import Corpus
import Events
import Foundation
import Language
import Time

/// Reads back an `extract --text` line into an `AnnotatedDocument`: how annotations made elsewhere (another
/// machine, a Spark job running `extract` through `pipe`) enter a store.
public enum ExtractJSONReader {
    public enum ReadError: Error, CustomStringConvertible, Sendable {
        case malformed(String)

        public var description: String {
            switch self {
            case .malformed(let reason): return reason
            }
        }
    }

    public static func read(_ line: [UInt8]) throws(ReadError) -> AnnotatedDocument {
        try line.withUnsafeBufferPointer { (line) throws(ReadError) in try read(line) }
    }

    /// Reads the line in one pass with a `JSONCursor`, members in any order and unknown ones skipped, then
    /// turns its code-point offsets into byte offsets once the text is known.
    public static func read(_ line: UnsafeBufferPointer<UInt8>) throws(ReadError) -> AnnotatedDocument {
        let raw: RawLine
        do {
            raw = try RawLine(line)
        } catch {
            throw ReadError.malformed("malformed JSON: \(error.description)")
        }
        guard raw.isObject else { throw ReadError.malformed("expected a JSON object") }
        guard let id = raw.id else { throw ReadError.malformed("no \"id\"") }
        guard let textString = raw.text else {
            throw ReadError.malformed("no \"text\" in '\(id)': run extract with --text to produce loadable annotations")
        }
        let text = Text(textString)
        let bytesAt = ByteOffsets(text)
        func range(_ start: Int?, _ end: Int?) throws(ReadError) -> Range<Int> {
            guard let start, let end, let bs = bytesAt(start), let be = bytesAt(end), bs <= be else {
                throw ReadError.malformed("offset out of range in '\(id)'")
            }
            return bs..<be
        }
        let document = Document(id: id, title: raw.title, date: raw.date.flatMap { CalendarDate(iso: $0) },
                                source: raw.source, url: raw.url, text: textString)
        var sentences = [Sentence]()
        sentences.reserveCapacity(raw.sentences.count)
        for (i, pair) in raw.sentences.enumerated() {
            sentences.append(Sentence(range: try range(pair.start, pair.end), tokens: 0..<0,
                                      paragraph: i < raw.paragraphs.count ? raw.paragraphs[i] : i))
        }
        func sentenceIndex(_ n: Int?, _ r: Range<Int>) -> Int {
            if let n, n >= 0, n < sentences.count { return n }
            return sentences.firstIndex { $0.range.contains(r.lowerBound) } ?? 0
        }
        var mentions = [Mention]()
        mentions.reserveCapacity(raw.mentions.count)
        for m in raw.mentions {
            let r = try range(m.span.start, m.span.end)
            mentions.append(Mention(range: r, text: m.span.text ?? text[r], actor: m.actor ?? "",
                                    type: ActorType(rawValue: m.type ?? "") ?? .other,
                                    kind: MentionKind(rawValue: m.kind ?? "") ?? .name,
                                    title: m.title, sentence: sentenceIndex(m.sentence, r)))
        }
        var times = [TimeExpression]()
        times.reserveCapacity(raw.times.count)
        for t in raw.times {
            let r = try range(t.span.start, t.span.end)
            times.append(TimeExpression(range: r, text: t.span.text ?? text[r], type: TimexType(rawValue: t.type ?? "") ?? .date,
                                        value: t.value, end: t.rangeEnd, sentence: sentenceIndex(t.sentence, r)))
        }
        var events = [Event]()
        events.reserveCapacity(raw.events.count)
        for e in raw.events {
            let r = try range(e.trigger.start, e.trigger.end)
            events.append(Event(type: e.type ?? "other", cameo: e.cameo, trigger: r, triggerText: e.trigger.text ?? text[r],
                                date: e.date, end: e.end, dateText: e.dateText, actors: e.actors, source: e.source,
                                target: e.target, sentence: sentenceIndex(e.sentence, r)))
        }
        return AnnotatedDocument(document: document, text: text, sentences: sentences, mentions: mentions,
                                 actors: raw.actors, times: times, events: events)
    }
}

/// An `extract` line as written: offsets still in code points, every member optional (the checks and defaults
/// are `ExtractJSONReader.read`'s). A member of an unexpected kind reads as missing; an array item of one is left
/// out.
private struct RawLine {
    /// `"start"`, `"end"` and `"text"`: the members every located item (mention, time, trigger) opens with.
    struct Span {
        var start: Int?, end: Int?, text: String?

        /// Reads the value of `key` when it is one of a span's members; false, the value not taken, otherwise.
        mutating func read(_ key: JSONCursor.Key, _ c: inout JSONCursor) throws(JSONLineScanner.SyntaxError) -> Bool {
            switch key {
            case "start": start = try c.int()
            case "end": end = try c.int()
            case "text": text = try c.string()
            default: return false
            }
            return true
        }
    }
    struct RawMention {
        var span = Span(), actor: String?, type: String?, kind: String?, title: String?, sentence: Int?
    }
    struct RawTime {
        var span = Span(), type: String?, value: String?, rangeEnd: String?, sentence: Int?
    }
    struct RawEvent {
        var type: String?, cameo: String?, trigger = Span(), date: String?, end: String?, dateText: String?
        var actors = [String](), source: String?, target: String?, sentence: Int?
    }

    var isObject = false
    var id, date, title, source, url, text: String?
    var sentences = [(start: Int?, end: Int?)]()
    var paragraphs = [Int]()
    var mentions = [RawMention]()
    var actors = [DocumentActor]()
    var times = [RawTime]()
    var events = [RawEvent]()

    init(_ line: UnsafeBufferPointer<UInt8>) throws(JSONLineScanner.SyntaxError) {
        var c = JSONCursor(line)
        guard var object = try c.beginObject() else {
            try c.finish()
            return
        }
        isObject = true
        while let key = try c.nextKey(&object) {
            switch key {
            case "id": id = try c.string()
            case "date": date = try c.string()
            case "title": title = try c.string()
            case "source": source = try c.string()
            case "url": url = try c.string()
            case "text": text = try c.string()
            case "sentences":
                // Every item is kept, a malformed one as a pair without offsets (which `read` refuses): leaving it
                // out would give the sentences after it the wrong paragraphs and the mentions the wrong sentences.
                sentences = try Self.array(&c) { (c) throws(JSONLineScanner.SyntaxError) in
                    var pair = [Int?]()
                    _ = try Self.array(&c) { (c) throws(JSONLineScanner.SyntaxError) in pair.append(try c.int()); return nil as Int? }
                    return pair.count == 2 ? (pair[0], pair[1]) : (nil, nil)
                }
            case "paragraphs": paragraphs = try Self.array(&c) { (c) throws(JSONLineScanner.SyntaxError) in try c.int() }
            case "mentions": mentions = try Self.objects(&c, RawMention()) { (m, key, c) throws(JSONLineScanner.SyntaxError) in
                guard try !m.span.read(key, &c) else { return }
                switch key {
                case "actor": m.actor = try c.string()
                case "type": m.type = try c.string()
                case "kind": m.kind = try c.string()
                case "title": m.title = try c.string()
                case "sentence": m.sentence = try c.int()
                default: try c.skip()
                }
            }
            case "actors": actors = try Self.actors(&c)
            case "times": times = try Self.objects(&c, RawTime()) { (t, key, c) throws(JSONLineScanner.SyntaxError) in
                guard try !t.span.read(key, &c) else { return }
                switch key {
                case "type": t.type = try c.string()
                case "value": t.value = try c.string()
                case "rangeEnd": t.rangeEnd = try c.string()
                case "sentence": t.sentence = try c.int()
                default: try c.skip()
                }
            }
            case "events": events = try Self.objects(&c, RawEvent()) { (e, key, c) throws(JSONLineScanner.SyntaxError) in
                switch key {
                case "type": e.type = try c.string()
                case "cameo": e.cameo = try c.string()
                case "trigger":
                    guard var trigger = try c.beginObject() else { return }
                    while let key = try c.nextKey(&trigger) {
                        if try !e.trigger.read(key, &c) { try c.skip() }
                    }
                case "date": e.date = try c.string()
                case "end": e.end = try c.string()
                case "dateText": e.dateText = try c.string()
                case "actors": e.actors = try Self.strings(&c)
                case "source": e.source = try c.string()
                case "target": e.target = try c.string()
                case "sentence": e.sentence = try c.int()
                default: try c.skip()
                }
            }
            default: try c.skip()
            }
        }
        try c.finish()
    }

    /// The array at the cursor, each element read by `element` (nil leaves it out); empty for another value.
    static func array<T>(_ c: inout JSONCursor,
                         _ element: (inout JSONCursor) throws(JSONLineScanner.SyntaxError) -> T?)
        throws(JSONLineScanner.SyntaxError) -> [T] {
        guard var array = try c.beginArray() else { return [] }
        var items = [T]()
        while try c.nextElement(&array) {
            if let item = try element(&c) { items.append(item) }
        }
        return items
    }

    /// An array of objects, each member given to `member` to fill in an item begun as `empty`; other elements
    /// are left out.
    static func objects<T>(_ c: inout JSONCursor, _ empty: T,
                           _ member: (inout T, JSONCursor.Key, inout JSONCursor) throws(JSONLineScanner.SyntaxError) -> Void)
        throws(JSONLineScanner.SyntaxError) -> [T] {
        try array(&c) { (c) throws(JSONLineScanner.SyntaxError) -> T? in
            guard var object = try c.beginObject() else { return nil }
            var item = empty
            while let key = try c.nextKey(&object) { try member(&item, key, &c) }
            return item
        }
    }

    static func strings(_ c: inout JSONCursor) throws(JSONLineScanner.SyntaxError) -> [String] {
        try array(&c) { (c) throws(JSONLineScanner.SyntaxError) in try c.string() }
    }

    /// Actors need an id and a name; the rest has defaults.
    static func actors(_ c: inout JSONCursor) throws(JSONLineScanner.SyntaxError) -> [DocumentActor] {
        let raw = try objects(&c, (id: String?.none, name: String?.none, type: String?.none, aliases: [String](),
                                   titles: [String]())) { (a, key, c) throws(JSONLineScanner.SyntaxError) in
            switch key {
            case "id": a.id = try c.string()
            case "name": a.name = try c.string()
            case "type": a.type = try c.string()
            case "aliases": a.aliases = try strings(&c)
            case "titles": a.titles = try strings(&c)
            default: try c.skip()
            }
        }
        var actors = [DocumentActor]()
        actors.reserveCapacity(raw.count)
        for i in raw.indices {
            guard let id = raw[i].id, let name = raw[i].name else { continue }
            actors.append(DocumentActor(id: id, name: name, type: ActorType(rawValue: raw[i].type ?? "") ?? .other,
                                        aliases: raw[i].aliases, titles: raw[i].titles))
        }
        return actors
    }
}

/// Converts code-point offsets back to UTF-8 byte offsets.
struct ByteOffsets {
    /// The byte offset of each code point and of the end; nil when the text is ASCII and the two are the same.
    private let table: [Int]?
    private let count: Int

    init(_ text: Text) {
        count = text.count
        guard text.bytes.contains(where: { $0 >= 0x80 }) else {
            table = nil
            return
        }
        var table = [Int]()
        table.reserveCapacity(text.count + 1)
        for (i, b) in text.bytes.enumerated() where b & 0xC0 != 0x80 { table.append(i) }
        table.append(text.count)
        self.table = table
    }

    func callAsFunction(_ codePoint: Int) -> Int? {
        guard let table else { return codePoint >= 0 && codePoint <= count ? codePoint : nil }
        return codePoint >= 0 && codePoint < table.count ? table[codePoint] : nil
    }
}

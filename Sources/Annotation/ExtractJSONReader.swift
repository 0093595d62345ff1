import Actors
import Corpus
import Events
import Foundation
import Language
import Time

/// Reads back an `extract --text` line into an `AnnotatedDocument`: how annotations made elsewhere (another
/// machine, a Spark job running `extract` through `pipe`) enter a store.
public enum ExtractJSONReader {
    public enum ReadError: Error, CustomStringConvertible {
        case malformed(String)

        public var description: String {
            switch self {
            case .malformed(let reason): return reason
            }
        }
    }

    public static func read(_ line: [UInt8]) throws -> AnnotatedDocument {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line))
        } catch {
            throw ReadError.malformed("malformed JSON")
        }
        guard let o = object as? [String: Any] else { throw ReadError.malformed("expected a JSON object") }
        guard let id = o["id"] as? String else { throw ReadError.malformed("no \"id\"") }
        guard let textString = o["text"] as? String else {
            throw ReadError.malformed("no \"text\" in '\(id)': run extract with --text to produce loadable annotations")
        }
        let text = Text(textString)
        let bytesAt = ByteOffsets(text)
        func range(_ start: Any?, _ end: Any?) throws -> Range<Int> {
            guard let s = (start as? NSNumber)?.intValue, let e = (end as? NSNumber)?.intValue,
                  let bs = bytesAt(s), let be = bytesAt(e), bs <= be else {
                throw ReadError.malformed("offset out of range in '\(id)'")
            }
            return bs..<be
        }
        let document = Document(id: id, title: o["title"] as? String, date: (o["date"] as? String).flatMap { CalendarDate(iso: $0) },
                                source: o["source"] as? String, url: o["url"] as? String, text: textString)
        let paragraphs = (o["paragraphs"] as? [NSNumber])?.map(\.intValue) ?? []
        var sentences = [Sentence]()
        for (i, pair) in ((o["sentences"] as? [[NSNumber]]) ?? []).enumerated() where pair.count == 2 {
            sentences.append(Sentence(range: try range(pair[0], pair[1]), tokens: 0..<0,
                                      paragraph: i < paragraphs.count ? paragraphs[i] : i))
        }
        func sentenceIndex(_ any: Any?, _ r: Range<Int>) -> Int {
            if let n = (any as? NSNumber)?.intValue, n >= 0, n < sentences.count { return n }
            return sentences.firstIndex { $0.range.contains(r.lowerBound) } ?? 0
        }
        var mentions = [Mention]()
        for m in (o["mentions"] as? [[String: Any]]) ?? [] {
            let r = try range(m["start"], m["end"])
            mentions.append(Mention(range: r, text: m["text"] as? String ?? text[r], actor: m["actor"] as? String ?? "",
                                    type: ActorType(rawValue: m["type"] as? String ?? "") ?? .other,
                                    kind: MentionKind(rawValue: m["kind"] as? String ?? "") ?? .name,
                                    title: m["title"] as? String, sentence: sentenceIndex(m["sentence"], r)))
        }
        let actors = ((o["actors"] as? [[String: Any]]) ?? []).compactMap { a -> DocumentActor? in
            guard let id = a["id"] as? String, let name = a["name"] as? String else { return nil }
            return DocumentActor(id: id, name: name, type: ActorType(rawValue: a["type"] as? String ?? "") ?? .other,
                                 aliases: a["aliases"] as? [String] ?? [], titles: a["titles"] as? [String] ?? [])
        }
        var times = [TimeExpression]()
        for t in (o["times"] as? [[String: Any]]) ?? [] {
            let r = try range(t["start"], t["end"])
            times.append(TimeExpression(range: r, text: t["text"] as? String ?? text[r],
                                        type: TimexType(rawValue: t["type"] as? String ?? "") ?? .date,
                                        value: t["value"] as? String, end: t["rangeEnd"] as? String,
                                        sentence: sentenceIndex(t["sentence"], r)))
        }
        var events = [Event]()
        for e in (o["events"] as? [[String: Any]]) ?? [] {
            let trigger = e["trigger"] as? [String: Any] ?? [:]
            let r = try range(trigger["start"], trigger["end"])
            events.append(Event(type: e["type"] as? String ?? "other", cameo: e["cameo"] as? String, trigger: r,
                                triggerText: trigger["text"] as? String ?? text[r], date: e["date"] as? String,
                                end: e["end"] as? String, dateText: e["dateText"] as? String,
                                actors: e["actors"] as? [String] ?? [], source: e["source"] as? String,
                                target: e["target"] as? String, sentence: sentenceIndex(e["sentence"], r)))
        }
        return AnnotatedDocument(document: document, text: text, sentences: sentences, mentions: mentions, actors: actors,
                                 times: times, events: events)
    }
}

/// Converts code-point offsets back to UTF-8 byte offsets.
struct ByteOffsets {
    private let table: [Int]

    init(_ text: Text) {
        var table = [Int]()
        table.reserveCapacity(text.count + 1)
        for (i, b) in text.bytes.enumerated() where b & 0xC0 != 0x80 { table.append(i) }
        table.append(text.count)
        self.table = table
    }

    func callAsFunction(_ codePoint: Int) -> Int? {
        codePoint >= 0 && codePoint < table.count ? table[codePoint] : nil
    }
}

import Corpus
import Language

/// The `extract` output line for one document (the JSON contract in README.md, version 1).
///
/// Offsets are Unicode code points into the document's `text`, end exclusive. Keys are only ever added.
public enum ExtractJSON {
    public struct Options: Sendable {
        /// Also write the document `text` (needed to load the line back with `add --annotations`).
        public var includeText: Bool

        public init(includeText: Bool = false) { self.includeText = includeText }
    }

    public static func write(_ doc: AnnotatedDocument, into out: inout JSONOutput, options: Options = Options()) {
        let cp = CodePointMap(doc.text)
        out.beginObject()
        out.member("id", doc.document.id)
        out.member("date", doc.document.date?.description)
        out.member("title", doc.document.title)
        out.member("source", doc.document.source)
        out.member("url", doc.document.url)
        if options.includeText { out.member("text", doc.document.text) }

        // Each item of the arrays below is written as one record: its keys and punctuation as literals, with
        // room for its longest form reserved once (`JSONOutput.record`).
        let int = JSONRecord.maxIntBytes
        /// `{"start":…,"end":…,"text":…`, the opening every located item (mention, time, trigger) shares.
        func span(_ r: inout JSONRecord, _ range: Range<Int>, _ text: String) {
            r.raw("{\"start\":")
            r.int(cp(range.lowerBound))
            r.member(",\"end\":", cp(range.upperBound))
            r.member(",\"text\":", text)
        }
        out.key("sentences")
        out.beginArray()
        for s in doc.sentences {
            out.record(maxBytes: 3 + 2 * int) { r in
                r.raw("[")
                r.int(cp(s.range.lowerBound))
                r.raw(",")
                r.int(cp(s.range.upperBound))
                r.raw("]")
            }
        }
        out.endArray()
        out.key("paragraphs")
        out.beginArray()
        for s in doc.sentences { out.int(s.paragraph) }
        out.endArray()

        out.key("mentions")
        out.beginArray()
        for m in doc.mentions {
            let type = m.type.rawValue, kind = m.kind.rawValue
            let strings = JSONRecord.maxBytes(m.text) + JSONRecord.maxBytes(m.actor) + JSONRecord.maxBytes(type)
                + JSONRecord.maxBytes(kind) + (m.title.map(JSONRecord.maxBytes) ?? 0)
            out.record(maxBytes: 80 + 3 * int + strings) { r in
                span(&r, m.range, m.text)
                r.member(",\"actor\":", m.actor)
                r.member(",\"type\":", type)
                r.member(",\"kind\":", kind)
                r.member(",\"sentence\":", m.sentence)
                if let title = m.title { r.member(",\"title\":", title) }
                r.raw("}")
            }
        }
        out.endArray()

        out.key("actors")
        out.beginArray()
        for a in doc.actors {
            let type = a.type.rawValue
            let strings = JSONRecord.maxBytes(a.id) + JSONRecord.maxBytes(a.name) + JSONRecord.maxBytes(type)
                + JSONRecord.maxBytes(a.aliases) + JSONRecord.maxBytes(a.titles)
            out.record(maxBytes: 80 + strings) { r in
                r.raw("{\"id\":")
                r.string(a.id)
                r.member(",\"name\":", a.name)
                r.member(",\"type\":", type)
                r.raw(",\"aliases\":")
                r.strings(a.aliases)
                if !a.titles.isEmpty {
                    r.raw(",\"titles\":")
                    r.strings(a.titles)
                }
                r.raw("}")
            }
        }
        out.endArray()

        out.key("times")
        out.beginArray()
        for t in doc.times {
            let type = t.type.rawValue
            let strings = JSONRecord.maxBytes(t.text) + JSONRecord.maxBytes(type)
                + (t.value.map(JSONRecord.maxBytes) ?? 4) + (t.end.map(JSONRecord.maxBytes) ?? 0)
            out.record(maxBytes: 80 + 3 * int + strings) { r in
                span(&r, t.range, t.text)
                r.member(",\"type\":", type)
                r.member(",\"value\":", t.value)
                if let end = t.end { r.member(",\"rangeEnd\":", end) }
                r.member(",\"sentence\":", t.sentence)
                r.raw("}")
            }
        }
        out.endArray()

        out.key("events")
        out.beginArray()
        func maxBytes(_ value: String?) -> Int { value.map(JSONRecord.maxBytes) ?? 4 }  // or `null`
        for e in doc.events {
            let strings = JSONRecord.maxBytes(e.type) + maxBytes(e.cameo) + JSONRecord.maxBytes(e.triggerText)
                + maxBytes(e.date) + maxBytes(e.end) + maxBytes(e.dateText) + maxBytes(e.source) + maxBytes(e.target)
                + JSONRecord.maxBytes(e.actors)
            out.record(maxBytes: 160 + 3 * int + strings) { r in
                r.raw("{\"type\":")
                r.string(e.type)
                r.member(",\"cameo\":", e.cameo)
                r.raw(",\"trigger\":")
                span(&r, e.trigger, e.triggerText)
                r.raw("},\"date\":")
                r.string(e.date)
                r.member(",\"end\":", e.end)
                r.member(",\"dateText\":", e.dateText)
                r.raw(",\"actors\":")
                r.strings(e.actors)
                r.member(",\"source\":", e.source)
                r.member(",\"target\":", e.target)
                r.member(",\"sentence\":", e.sentence)
                r.raw("}")
            }
        }
        out.endArray()
        out.endObject()
    }
}

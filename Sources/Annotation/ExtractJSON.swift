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
                r.raw("{\"start\":")
                r.int(cp(m.range.lowerBound))
                r.raw(",\"end\":")
                r.int(cp(m.range.upperBound))
                r.raw(",\"text\":")
                r.string(m.text)
                r.raw(",\"actor\":")
                r.string(m.actor)
                r.raw(",\"type\":")
                r.string(type)
                r.raw(",\"kind\":")
                r.string(kind)
                r.raw(",\"sentence\":")
                r.int(m.sentence)
                if let title = m.title {
                    r.raw(",\"title\":")
                    r.string(title)
                }
                r.raw("}")
            }
        }
        out.endArray()

        out.key("actors")
        out.beginArray()
        for a in doc.actors {
            let type = a.type.rawValue
            var strings = JSONRecord.maxBytes(a.id) + JSONRecord.maxBytes(a.name) + JSONRecord.maxBytes(type)
            for alias in a.aliases { strings += JSONRecord.maxBytes(alias) + 1 }
            for t in a.titles { strings += JSONRecord.maxBytes(t) + 1 }
            out.record(maxBytes: 80 + strings) { r in
                r.raw("{\"id\":")
                r.string(a.id)
                r.raw(",\"name\":")
                r.string(a.name)
                r.raw(",\"type\":")
                r.string(type)
                r.raw(",\"aliases\":[")
                for (k, alias) in a.aliases.enumerated() {
                    if k > 0 { r.raw(",") }
                    r.string(alias)
                }
                r.raw("]")
                if !a.titles.isEmpty {
                    r.raw(",\"titles\":[")
                    for (k, t) in a.titles.enumerated() {
                        if k > 0 { r.raw(",") }
                        r.string(t)
                    }
                    r.raw("]")
                }
                r.raw("}")
            }
        }
        out.endArray()

        out.key("times")
        out.beginArray()
        for t in doc.times {
            let type = t.type.rawValue
            let strings = JSONRecord.maxBytes(t.text) + JSONRecord.maxBytes(type) + (t.value.map(JSONRecord.maxBytes) ?? 4)
                + (t.end.map(JSONRecord.maxBytes) ?? 0)
            out.record(maxBytes: 80 + 3 * int + strings) { r in
                r.raw("{\"start\":")
                r.int(cp(t.range.lowerBound))
                r.raw(",\"end\":")
                r.int(cp(t.range.upperBound))
                r.raw(",\"text\":")
                r.string(t.text)
                r.raw(",\"type\":")
                r.string(type)
                r.raw(",\"value\":")
                r.string(t.value)
                if let end = t.end {
                    r.raw(",\"rangeEnd\":")
                    r.string(end)
                }
                r.raw(",\"sentence\":")
                r.int(t.sentence)
                r.raw("}")
            }
        }
        out.endArray()

        out.key("events")
        out.beginArray()
        func maxBytes(_ value: String?) -> Int { value.map(JSONRecord.maxBytes) ?? 4 }  // or `null`
        for e in doc.events {
            var strings = JSONRecord.maxBytes(e.type) + maxBytes(e.cameo) + JSONRecord.maxBytes(e.triggerText)
                + maxBytes(e.date) + maxBytes(e.end) + maxBytes(e.dateText) + maxBytes(e.source) + maxBytes(e.target)
            for a in e.actors { strings += JSONRecord.maxBytes(a) + 1 }
            out.record(maxBytes: 160 + 3 * int + strings) { r in
                r.raw("{\"type\":")
                r.string(e.type)
                r.raw(",\"cameo\":")
                r.string(e.cameo)
                r.raw(",\"trigger\":{\"start\":")
                r.int(cp(e.trigger.lowerBound))
                r.raw(",\"end\":")
                r.int(cp(e.trigger.upperBound))
                r.raw(",\"text\":")
                r.string(e.triggerText)
                r.raw("},\"date\":")
                r.string(e.date)
                r.raw(",\"end\":")
                r.string(e.end)
                r.raw(",\"dateText\":")
                r.string(e.dateText)
                r.raw(",\"actors\":[")
                for (k, a) in e.actors.enumerated() {
                    if k > 0 { r.raw(",") }
                    r.string(a)
                }
                r.raw("],\"source\":")
                r.string(e.source)
                r.raw(",\"target\":")
                r.string(e.target)
                r.raw(",\"sentence\":")
                r.int(e.sentence)
                r.raw("}")
            }
        }
        out.endArray()
        out.endObject()
    }
}

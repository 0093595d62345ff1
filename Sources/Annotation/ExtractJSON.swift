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

        out.key("sentences")
        out.beginArray()
        for s in doc.sentences {
            out.beginArray()
            out.int(cp(s.range.lowerBound))
            out.int(cp(s.range.upperBound))
            out.endArray()
        }
        out.endArray()
        out.key("paragraphs")
        out.beginArray()
        for s in doc.sentences { out.int(s.paragraph) }
        out.endArray()

        out.key("mentions")
        out.beginArray()
        for m in doc.mentions {
            out.beginObject()
            out.member("start", cp(m.range.lowerBound))
            out.member("end", cp(m.range.upperBound))
            out.member("text", m.text)
            out.member("actor", m.actor)
            out.member("type", m.type.rawValue)
            out.member("kind", m.kind.rawValue)
            out.member("sentence", m.sentence)
            if let title = m.title { out.member("title", title) }
            out.endObject()
        }
        out.endArray()

        out.key("actors")
        out.beginArray()
        for a in doc.actors {
            out.beginObject()
            out.member("id", a.id)
            out.member("name", a.name)
            out.member("type", a.type.rawValue)
            out.key("aliases")
            out.beginArray()
            for alias in a.aliases { out.string(alias) }
            out.endArray()
            if !a.titles.isEmpty {
                out.key("titles")
                out.beginArray()
                for t in a.titles { out.string(t) }
                out.endArray()
            }
            out.endObject()
        }
        out.endArray()

        out.key("times")
        out.beginArray()
        for t in doc.times {
            out.beginObject()
            out.member("start", cp(t.range.lowerBound))
            out.member("end", cp(t.range.upperBound))
            out.member("text", t.text)
            out.member("type", t.type.rawValue)
            out.member("value", t.value)
            if let end = t.end { out.member("rangeEnd", end) }
            out.member("sentence", t.sentence)
            out.endObject()
        }
        out.endArray()

        out.key("events")
        out.beginArray()
        for e in doc.events {
            out.beginObject()
            out.member("type", e.type)
            out.member("cameo", e.cameo)
            out.key("trigger")
            out.beginObject()
            out.member("start", cp(e.trigger.lowerBound))
            out.member("end", cp(e.trigger.upperBound))
            out.member("text", e.triggerText)
            out.endObject()
            out.member("date", e.date)
            out.member("end", e.end)
            out.member("dateText", e.dateText)
            out.key("actors")
            out.beginArray()
            for a in e.actors { out.string(a) }
            out.endArray()
            out.member("source", e.source)
            out.member("target", e.target)
            out.member("sentence", e.sentence)
            out.endObject()
        }
        out.endArray()
        out.endObject()
    }
}

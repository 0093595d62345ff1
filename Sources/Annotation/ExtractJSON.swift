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
        // The items below are read in place, through the arrays' buffers: `for m in doc.mentions` copied each
        // (a retain and a release of every string in it).
        doc.mentions.withUnsafeBufferPointer { mentions in
            for i in mentions.indices {
                let type = mentions[i].type.rawValue, kind = mentions[i].kind.rawValue
                let strings = JSONRecord.maxBytes(mentions[i].text) + JSONRecord.maxBytes(mentions[i].actor)
                    + JSONRecord.maxBytes(type) + JSONRecord.maxBytes(kind)
                    + (mentions[i].title.map(JSONRecord.maxBytes) ?? 0)
                out.record(maxBytes: 80 + 3 * int + strings) { r in
                    span(&r, mentions[i].range, mentions[i].text)
                    r.member(",\"actor\":", mentions[i].actor)
                    r.member(",\"type\":", type)
                    r.member(",\"kind\":", kind)
                    r.member(",\"sentence\":", mentions[i].sentence)
                    if let title = mentions[i].title { r.member(",\"title\":", title) }
                    r.raw("}")
                }
            }
        }
        out.endArray()

        out.key("actors")
        out.beginArray()
        doc.actors.withUnsafeBufferPointer { actors in
            for i in actors.indices {
                let type = actors[i].type.rawValue
                let strings = JSONRecord.maxBytes(actors[i].id) + JSONRecord.maxBytes(actors[i].name)
                    + JSONRecord.maxBytes(type) + JSONRecord.maxBytes(actors[i].aliases)
                    + JSONRecord.maxBytes(actors[i].titles)
                out.record(maxBytes: 80 + strings) { r in
                    r.raw("{\"id\":")
                    r.string(actors[i].id)
                    r.member(",\"name\":", actors[i].name)
                    r.member(",\"type\":", type)
                    r.raw(",\"aliases\":")
                    r.strings(actors[i].aliases)
                    if !actors[i].titles.isEmpty {
                        r.raw(",\"titles\":")
                        r.strings(actors[i].titles)
                    }
                    r.raw("}")
                }
            }
        }
        out.endArray()

        out.key("times")
        out.beginArray()
        doc.times.withUnsafeBufferPointer { times in
            for i in times.indices {
                let type = times[i].type.rawValue
                let strings = JSONRecord.maxBytes(times[i].text) + JSONRecord.maxBytes(type)
                    + (times[i].value.map(JSONRecord.maxBytes) ?? 4) + (times[i].end.map(JSONRecord.maxBytes) ?? 0)
                out.record(maxBytes: 80 + 3 * int + strings) { r in
                    span(&r, times[i].range, times[i].text)
                    r.member(",\"type\":", type)
                    r.member(",\"value\":", times[i].value)
                    if let end = times[i].end { r.member(",\"rangeEnd\":", end) }
                    r.member(",\"sentence\":", times[i].sentence)
                    r.raw("}")
                }
            }
        }
        out.endArray()

        out.key("events")
        out.beginArray()
        func maxBytes(_ value: String?) -> Int { value.map(JSONRecord.maxBytes) ?? 4 }  // or `null`
        doc.events.withUnsafeBufferPointer { events in
            for i in events.indices {
                let strings = JSONRecord.maxBytes(events[i].type) + maxBytes(events[i].cameo)
                    + JSONRecord.maxBytes(events[i].triggerText) + maxBytes(events[i].date) + maxBytes(events[i].end)
                    + maxBytes(events[i].dateText) + maxBytes(events[i].source) + maxBytes(events[i].target)
                    + JSONRecord.maxBytes(events[i].actors)
                out.record(maxBytes: 160 + 3 * int + strings) { r in
                    r.raw("{\"type\":")
                    r.string(events[i].type)
                    r.member(",\"cameo\":", events[i].cameo)
                    r.raw(",\"trigger\":")
                    span(&r, events[i].trigger, events[i].triggerText)
                    r.raw("},\"date\":")
                    r.string(events[i].date)
                    r.member(",\"end\":", events[i].end)
                    r.member(",\"dateText\":", events[i].dateText)
                    r.raw(",\"actors\":")
                    r.strings(events[i].actors)
                    r.member(",\"source\":", events[i].source)
                    r.member(",\"target\":", events[i].target)
                    r.member(",\"sentence\":", events[i].sentence)
                    r.raw("}")
                }
            }
        }
        out.endArray()
        out.endObject()
    }
}

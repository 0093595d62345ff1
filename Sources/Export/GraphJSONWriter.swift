import Actors
import Graph

/// Writes `graph.json`, the contract other programs read:
///
/// ```
/// {"documents": [{"id","title","date","source"}],
///  "actors": [{"id","name","type","aliases","mentions","documents","first","last",
///              "degree","weighted_degree","pagerank","betweenness","component","community"}],
///  "edges": [{"source","target","weight","documents","first","last","association","event_types",
///             "evidence_count","evidence":[{"document","sentence","date"}]}],
///  "events": [{"id","document","type","cameo","trigger","date","end","dateText","actors","sentence"}]}
/// ```
/// Edge `source`/`target` are actor ids; missing values are `null`. Keys may be added, never removed.
/// `evidence` lists an edge's first evidence sentences (`BuildOptions.evidencePerEdge`; the store keeps every
/// one, `newsgraph query edge` lists them), `evidence_count` how many there are in all.
/// One record per line keeps the file greppable and diffs small.
public enum GraphJSONWriter {
    public static func write(_ graph: ActorGraph, to path: String) throws {
        try AtomicFile.writeBytes(to: path) { out in try encode(graph, into: &out) }
    }

    static func encode(_ graph: ActorGraph, into out: inout ByteSink) throws {
        out.append("{\"documents\":[")
        for (i, d) in graph.documents.enumerated() {
            out.append(i == 0 ? "\n{" : ",\n{")
            out.jsonKey("id", first: true); out.jsonString(d.id)
            out.jsonKey("title"); out.jsonString(d.title)
            out.jsonKey("date"); out.jsonString(d.date)
            out.jsonKey("source"); out.jsonString(d.source)
            out.append(UInt8(ascii: "}"))
        }
        out.append("],\n\"actors\":[")
        for (i, n) in graph.nodes.enumerated() {
            out.append(i == 0 ? "\n{" : ",\n{")
            out.jsonKey("id", first: true); out.jsonString(n.id)
            out.jsonKey("name"); out.jsonString(n.name)
            out.jsonKey("type"); out.jsonString(n.type.rawValue)
            out.jsonKey("aliases"); out.jsonStrings(n.aliases)
            out.jsonKey("mentions"); out.jsonNumber(n.mentions)
            out.jsonKey("documents"); out.jsonNumber(n.documents)
            out.jsonKey("first"); out.jsonString(n.first)
            out.jsonKey("last"); out.jsonString(n.last)
            out.jsonKey("degree"); out.jsonNumber(n.metrics.degree)
            out.jsonKey("weighted_degree"); out.jsonNumber(n.metrics.weightedDegree)
            out.jsonKey("pagerank"); out.jsonNumber(n.metrics.pagerank)
            out.jsonKey("betweenness"); out.jsonNumber(n.metrics.betweenness)
            out.jsonKey("component"); out.jsonNumber(n.metrics.component)
            out.jsonKey("community"); out.jsonNumber(n.metrics.community)
            out.append(UInt8(ascii: "}"))
        }
        out.append("],\n\"edges\":[")
        for (i, e) in graph.edges.enumerated() {
            out.append(i == 0 ? "\n{" : ",\n{")
            out.jsonKey("source", first: true); out.jsonString(graph.nodes[e.source].id)
            out.jsonKey("target"); out.jsonString(graph.nodes[e.target].id)
            out.jsonKey("weight"); out.jsonNumber(e.weight)
            out.jsonKey("documents"); out.jsonNumber(e.documents)
            out.jsonKey("first"); out.jsonString(e.first)
            out.jsonKey("last"); out.jsonString(e.last)
            out.jsonKey("association"); out.jsonNumber(e.association)
            out.jsonKey("event_types"); out.jsonStrings(e.eventTypes)
            out.jsonKey("evidence_count"); out.jsonNumber(e.weight)  // one sentence per window
            out.jsonKey("evidence")
            out.append(UInt8(ascii: "["))
            for (j, ev) in e.evidence.enumerated() {
                out.append(j == 0 ? "{" : ",{")
                out.jsonKey("document", first: true); out.jsonString(ev.document)
                out.jsonKey("sentence"); out.jsonString(ev.sentence)
                out.jsonKey("date"); out.jsonString(ev.date)
                out.append(UInt8(ascii: "}"))
            }
            out.append("]}")
        }
        out.append("],\n\"events\":[")
        var i = 0
        try graph.events.forEach { ev in
            out.append(i == 0 ? "\n{" : ",\n{")
            i += 1
            out.jsonKey("id", first: true); out.jsonString(ev.id)
            out.jsonKey("document"); out.jsonString(ev.document)
            out.jsonKey("type"); out.jsonString(ev.type)
            out.jsonKey("cameo"); out.jsonString(ev.cameo)
            out.jsonKey("trigger"); out.jsonString(ev.trigger)
            out.jsonKey("date"); out.jsonString(ev.date)
            out.jsonKey("end"); out.jsonString(ev.end)
            out.jsonKey("dateText"); out.jsonString(ev.dateText)
            out.jsonKey("actors"); out.jsonStrings(ev.actors)
            out.jsonKey("sentence"); out.jsonString(ev.sentence)
            out.append(UInt8(ascii: "}"))
        }
        out.append("]}\n")
    }
}

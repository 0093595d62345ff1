import Actors
import Corpus
import Graph
import XML

/// Writes the actor graph as GEXF 1.2 (Gephi's format), streamed through libxml2.
///
/// The graph is `mode="dynamic"` with `timeformat="date"`: nodes and edges carry `start`/`end` from their
/// first and last dates, so Gephi's timeline can play the graph forward. Lists are "; "-joined strings, as in
/// GraphML.
public enum GEXFWriter {
    static let nodeAttributes: [(title: String, type: String)] = [
        ("actor_id", "string"), ("type", "string"), ("aliases", "string"), ("mentions", "integer"),
        ("documents", "integer"), ("first", "string"), ("last", "string"), ("degree", "integer"),
        ("weighted_degree", "double"), ("pagerank", "double"), ("betweenness", "double"),
        ("component", "integer"), ("community", "integer"),
    ]
    static let edgeAttributes: [(title: String, type: String)] = [
        ("documents", "integer"), ("association", "double"), ("first", "string"), ("last", "string"),
        ("event_types", "string"), ("evidence_count", "integer"), ("evidence", "string"),
    ]

    public static func write(_ graph: ActorGraph, to path: String, options: GraphMLOptions = GraphMLOptions()) throws {
        try AtomicFile.write(to: path) { temporary in
            let xml = try XMLStreamWriter(path: temporary, indent: options.indent)
            writeDocument(graph, options: options, to: xml)
            try xml.finish()
        }
    }

    static func writeDocument(_ graph: ActorGraph, options: GraphMLOptions, to xml: XMLStreamWriter) {
        xml.startDocument()
        xml.startElement("gexf", namespace: "http://www.gexf.net/1.2draft")
        xml.attribute("version", "1.2")
        xml.startElement("meta")
        xml.element("creator", text: "NewsGraph")
        xml.element("description", text: "actors linked by co-occurrence in news sentences")
        xml.endElement()
        xml.startElement("graph")
        xml.attribute("mode", "dynamic")
        xml.attribute("defaultedgetype", "undirected")
        xml.attribute("timeformat", "date")
        declare(nodeAttributes, class: "node", to: xml)
        declare(edgeAttributes, class: "edge", to: xml)

        xml.startElement("nodes")
        let nodeIDs = ExportText.nodeIDs(graph.nodes.count)
        for (i, node) in graph.nodes.enumerated() {
            var tag: [(name: String, value: String)] = [("id", nodeIDs[i]), ("label", node.name)]
            // GEXF intervals are closed days; an actor seen once spans that day.
            if let first = dateOnly(node.first) { tag.append(("start", first)) }
            if let last = dateOnly(node.last) ?? dateOnly(node.first) { tag.append(("end", last)) }
            xml.element("node", attributes: tag) {
                let m = node.metrics
                // A node always has its id among its values, so `<attvalues>` is never empty. The values go out
                // one by one, in the declared order, without an array of their texts for each node.
                xml.element("attvalues", attributes: []) {
                    attvalue(0, node.id, to: xml)
                    attvalue(1, node.type.rawValue, to: xml)
                    if !node.aliases.isEmpty { attvalue(2, ExportText.list(node.aliases), to: xml) }
                    xml.emptyElement(attvalueShapes[3], number: node.mentions)
                    xml.emptyElement(attvalueShapes[4], number: node.documents)
                    attvalue(5, node.first, to: xml)
                    attvalue(6, node.last, to: xml)
                    xml.emptyElement(attvalueShapes[7], number: m.degree)
                    attvalue(8, ExportText.number(m.weightedDegree), to: xml)
                    attvalue(9, ExportText.number(m.pagerank), to: xml)
                    attvalue(10, ExportText.number(m.betweenness), to: xml)
                    xml.emptyElement(attvalueShapes[11], number: m.component)
                    xml.emptyElement(attvalueShapes[12], number: m.community)
                }
            }
        }
        xml.endElement()

        xml.startElement("edges")
        for (i, edge) in graph.edges.enumerated() {
            var tag: [(name: String, value: String)] = [
                ("id", "e\(i)"), ("source", nodeIDs[edge.source]), ("target", nodeIDs[edge.target]),
                ("weight", String(edge.weight)),
            ]
            if let first = dateOnly(edge.first) { tag.append(("start", first)) }
            if let last = dateOnly(edge.last) ?? dateOnly(edge.first) { tag.append(("end", last)) }
            xml.element("edge", attributes: tag) {
                // An edge always has its document count among its values, so `<attvalues>` is never empty.
                xml.element("attvalues", attributes: []) {
                    xml.emptyElement(attvalueShapes[0], number: edge.documents)
                    attvalue(1, ExportText.number(edge.association), to: xml)
                    attvalue(2, edge.first, to: xml)
                    attvalue(3, edge.last, to: xml)
                    if !edge.eventTypes.isEmpty { attvalue(4, ExportText.list(edge.eventTypes), to: xml) }
                    xml.emptyElement(attvalueShapes[5], number: edge.weight)  // evidence_count: one sentence per window
                    if !edge.evidence.isEmpty {
                        attvalue(6, ExportText.evidence(edge.evidence, count: options.evidenceSentences,
                                                        maxLength: options.evidenceMaxLength), to: xml)
                    }
                }
            }
        }
        xml.endElement()
        xml.endElement()  // graph
        xml.endElement()  // gexf
    }

    static func declare(_ attributes: [(title: String, type: String)], class domain: String, to xml: XMLStreamWriter) {
        xml.startElement("attributes")
        xml.attribute("class", domain)
        xml.attribute("mode", "static")
        for (i, a) in attributes.enumerated() {
            xml.startElement("attribute")
            xml.attribute("id", String(i))
            xml.attribute("title", a.title)
            xml.attribute("type", a.type)
            xml.endElement()
        }
        xml.endElement()
    }

    /// `<attvalue for="i" value="…"/>` for a present, non-empty value (the index is the declared attribute id).
    @inline(__always)
    static func attvalue(_ i: Int, _ value: String?, to xml: XMLStreamWriter) {
        guard let value, !value.isEmpty else { return }
        xml.emptyElement(attvalueShapes[i], value: value)
    }

    /// `<attvalue for="i" value="`…`"/>` for each declared attribute id, put together once rather than for each
    /// of a million attvalues.
    static let attvalueShapes = (0..<max(nodeAttributes.count, edgeAttributes.count)).map {
        FixedElement.empty("attvalue", ("for", String($0)), valueAttribute: "value")
    }

    /// `timeformat="date"` wants `YYYY-MM-DD`; anything else is left out rather than written wrong.
    static func dateOnly(_ iso: String?) -> String? {
        guard let iso else { return nil }
        let utf8 = iso.utf8
        // The first ten characters are the first ten bytes when those are ASCII and the next byte, if any, is
        // ASCII too (it cannot join the tenth character): then no grapheme breaking is needed.
        if utf8.count == 10 {
            return CalendarDate(iso: iso) != nil ? iso : nil
        }
        if utf8.count > 10, utf8[utf8.index(utf8.startIndex, offsetBy: 10)] < 0x80 {
            guard let day = String(utf8.prefix(10)), CalendarDate(iso: day) != nil else { return nil }
            return day
        }
        let day = String(iso.prefix(10))
        guard day.utf8.count == 10, CalendarDate(iso: day) != nil else { return nil }
        return day
    }
}

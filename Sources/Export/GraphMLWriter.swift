import Actors
import Corpus
import Graph
import XML

/// What a GraphML export contains.
public struct GraphMLOptions: Sendable {
    /// Write a bipartite actor–event graph instead of the actor co-occurrence graph: every event becomes a
    /// node (`kind` = "event", with `type`, `date`, `trigger`, `document`, `cameo`) linked to its actors.
    public var eventsAsNodes: Bool
    /// How many evidence sentences go into an edge's `evidence` attribute, and its length cap in characters.
    public var evidenceSentences: Int
    public var evidenceMaxLength: Int
    /// Line breaks and indentation (bigger files; off by default).
    public var indent: Bool

    public init(eventsAsNodes: Bool = false, evidenceSentences: Int = 3, evidenceMaxLength: Int = 1_000,
                indent: Bool = false) {
        self.eventsAsNodes = eventsAsNodes
        self.evidenceSentences = evidenceSentences
        self.evidenceMaxLength = evidenceMaxLength
        self.indent = indent
    }
}

/// Writes the actor graph as GraphML, streamed through libxml2 so memory stays flat in graph size.
///
/// Every attribute is declared with a `<key>` (`attr.name`, `attr.type`, `for`). GraphML has no list type:
/// `aliases` and `event_types` are one string joined with "; ", and `evidence` joins the first sentences with
/// " | ". Node ids are `n0…` (actor ids need not be XML NMTOKENs); the actor id is the `actor_id` attribute.
/// Missing values (an actor without dates) are left out, as GraphML intends. Edge `weight` is a double, the
/// name and type Gephi, networkx and igraph treat as the edge weight.
public enum GraphMLWriter {
    struct Key {
        let id: String
        let domain: String
        let name: String
        let type: String
        var description: String? = nil
    }

    static let nodeKeys: [Key] = [
        Key(id: "v_label", domain: "node", name: "label", type: "string"),
        Key(id: "v_actor_id", domain: "node", name: "actor_id", type: "string"),
        Key(id: "v_kind", domain: "node", name: "kind", type: "string",
            description: "actor, or event in the actor-event variant"),
        Key(id: "v_type", domain: "node", name: "type", type: "string",
            description: "actor type (person, country, organization, location, other) or event type"),
        Key(id: "v_aliases", domain: "node", name: "aliases", type: "string",
            description: "other names of the actor, joined with '; '"),
        Key(id: "v_mentions", domain: "node", name: "mentions", type: "int"),
        Key(id: "v_documents", domain: "node", name: "documents", type: "int"),
        Key(id: "v_first", domain: "node", name: "first", type: "string", description: "ISO date"),
        Key(id: "v_last", domain: "node", name: "last", type: "string", description: "ISO date"),
        Key(id: "v_degree", domain: "node", name: "degree", type: "int"),
        Key(id: "v_weighted_degree", domain: "node", name: "weighted_degree", type: "double"),
        Key(id: "v_pagerank", domain: "node", name: "pagerank", type: "double"),
        Key(id: "v_betweenness", domain: "node", name: "betweenness", type: "double"),
        Key(id: "v_component", domain: "node", name: "component", type: "int"),
        Key(id: "v_community", domain: "node", name: "community", type: "int"),
    ]

    static let eventNodeKeys: [Key] = [
        Key(id: "v_date", domain: "node", name: "date", type: "string", description: "TIMEX3 value"),
        Key(id: "v_trigger", domain: "node", name: "trigger", type: "string"),
        Key(id: "v_document", domain: "node", name: "document", type: "string"),
        Key(id: "v_cameo", domain: "node", name: "cameo", type: "string"),
        Key(id: "v_sentence", domain: "node", name: "sentence", type: "string"),
    ]

    static let edgeKeys: [Key] = [
        Key(id: "e_weight", domain: "edge", name: "weight", type: "double",
            description: "number of sentences naming both actors"),
        Key(id: "e_documents", domain: "edge", name: "documents", type: "int"),
        Key(id: "e_association", domain: "edge", name: "association", type: "double",
            description: "normalized PMI in [-1, 1]"),
        Key(id: "e_first", domain: "edge", name: "first", type: "string", description: "ISO date"),
        Key(id: "e_last", domain: "edge", name: "last", type: "string", description: "ISO date"),
        Key(id: "e_event_types", domain: "edge", name: "event_types", type: "string",
            description: "event types joined with '; '"),
        Key(id: "e_evidence_count", domain: "edge", name: "evidence_count", type: "int"),
        Key(id: "e_evidence", domain: "edge", name: "evidence", type: "string",
            description: "first evidence sentences joined with ' | '"),
    ]

    public static func write(_ graph: ActorGraph, to path: String, options: GraphMLOptions = GraphMLOptions()) throws {
        try AtomicFile.write(to: path) { temporary in
            let xml = try XMLStreamWriter(path: temporary, indent: options.indent)
            try writeDocument(graph, options: options, to: xml)
            try xml.finish()
        }
    }

    /// The GraphML document as a string (for tests and small graphs).
    public static func string(_ graph: ActorGraph, options: GraphMLOptions = GraphMLOptions()) throws -> String {
        let xml = try XMLStreamWriter(indent: options.indent)
        try writeDocument(graph, options: options, to: xml)
        return try xml.finishToString()
    }

    static func writeDocument(_ graph: ActorGraph, options: GraphMLOptions, to xml: XMLStreamWriter) throws {
        xml.startDocument()
        xml.startElement("graphml", namespace: "http://graphml.graphdrawing.org/xmlns")
        xml.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        xml.attribute("xsi:schemaLocation",
                      "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
        xml.element("desc", text: options.eventsAsNodes
            ? "NewsGraph actor-event graph: actors and events as nodes, an edge for each actor of an event"
            : "NewsGraph actor graph: actors linked by co-occurrence in sentences")
        for key in nodeKeys + (options.eventsAsNodes ? eventNodeKeys : []) + edgeKeys {
            xml.startElement("key")
            xml.attribute("id", key.id)
            xml.attribute("for", key.domain)
            xml.attribute("attr.name", key.name)
            xml.attribute("attr.type", key.type)
            if let d = key.description { xml.element("desc", text: d) }
            xml.endElement()
        }
        xml.startElement("graph")
        xml.attribute("id", "G")
        xml.attribute("edgedefault", "undirected")

        for (i, node) in graph.nodes.enumerated() {
            xml.element("node", attributes: [("id", "n\(i)")]) {
                data(xml, "v_label", node.name)
                data(xml, "v_actor_id", node.id)
                data(xml, "v_kind", "actor")
                data(xml, "v_type", node.type.rawValue)
                if !node.aliases.isEmpty { data(xml, "v_aliases", ExportText.list(node.aliases)) }
                data(xml, "v_mentions", node.mentions)
                data(xml, "v_documents", node.documents)
                if let first = node.first { data(xml, "v_first", first) }
                if let last = node.last { data(xml, "v_last", last) }
                let m = node.metrics
                data(xml, "v_degree", m.degree)
                data(xml, "v_weighted_degree", m.weightedDegree)
                data(xml, "v_pagerank", m.pagerank)
                data(xml, "v_betweenness", m.betweenness)
                data(xml, "v_component", m.component)
                data(xml, "v_community", m.community)
            }
        }

        if options.eventsAsNodes {
            try writeEvents(graph, to: xml)
        } else {
            for (i, edge) in graph.edges.enumerated() {
                xml.element("edge", attributes: [("id", "e\(i)"), ("source", "n\(edge.source)"), ("target", "n\(edge.target)")]) {
                    data(xml, "e_weight", Double(edge.weight))
                    data(xml, "e_documents", edge.documents)
                    data(xml, "e_association", edge.association)
                    if let first = edge.first { data(xml, "e_first", first) }
                    if let last = edge.last { data(xml, "e_last", last) }
                    if !edge.eventTypes.isEmpty { data(xml, "e_event_types", ExportText.list(edge.eventTypes)) }
                    data(xml, "e_evidence_count", edge.weight)  // one evidence sentence per window
                    if !edge.evidence.isEmpty {
                        data(xml, "e_evidence", ExportText.evidence(edge.evidence, count: options.evidenceSentences,
                                                                    maxLength: options.evidenceMaxLength))
                }
                }
            }
        }
        xml.endElement()  // graph
        xml.endElement()  // graphml
    }

    /// Event nodes `v0…` and one edge per (event, actor); actors unknown to the graph are skipped.
    static func writeEvents(_ graph: ActorGraph, to xml: XMLStreamWriter) throws {
        var index = [String: Int](minimumCapacity: graph.nodes.count)
        for (i, node) in graph.nodes.enumerated() { index[node.id] = i }
        var i = 0
        try graph.events.forEach { event in
            defer { i += 1 }
            xml.startElement("node")
            xml.attribute("id", "v\(i)")
            data(xml, "v_label", event.trigger)
            data(xml, "v_actor_id", event.id)
            data(xml, "v_kind", "event")
            data(xml, "v_type", event.type)
            if let date = event.date { data(xml, "v_date", date) }
            data(xml, "v_trigger", event.trigger)
            data(xml, "v_document", event.document)
            if let cameo = event.cameo { data(xml, "v_cameo", cameo) }
            data(xml, "v_sentence", event.sentence)
            xml.endElement()
        }
        var edgeNumber = 0
        i = 0
        try graph.events.forEach { event in
            defer { i += 1 }
            var seen = Set<Int>()
            for actor in event.actors {
                guard let n = index[actor], seen.insert(n).inserted else { continue }
                xml.startElement("edge")
                xml.attribute("id", "e\(edgeNumber)")
                xml.attribute("source", "n\(n)")
                xml.attribute("target", "v\(i)")
                data(xml, "e_weight", 1.0)
                data(xml, "e_documents", 1)
                if let date = event.date, let period = CalendarPeriod(timex: date) {
                    data(xml, "e_first", period.start.description)
                    data(xml, "e_last", period.start.description)
                }
                data(xml, "e_event_types", event.type)
                xml.endElement()
                edgeNumber += 1
            }
        }
    }

    @inline(__always)
    static func data(_ xml: XMLStreamWriter, _ key: String, _ value: String) {
        xml.element("data", attribute: "key", key, text: value)
    }

    @inline(__always)
    static func data(_ xml: XMLStreamWriter, _ key: String, _ value: Int) {
        xml.element("data", attribute: "key", key, number: value)
    }

    @inline(__always)
    static func data(_ xml: XMLStreamWriter, _ key: String, _ value: Double) {
        xml.element("data", attribute: "key", key, number: value)
    }
}

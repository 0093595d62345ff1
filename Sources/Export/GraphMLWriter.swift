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
        /// `<data key="id">`…`</data>`, put together once.
        let data: FixedElement

        init(id: String, domain: String, name: String, type: String, description: String? = nil) {
            self.id = id
            self.domain = domain
            self.name = name
            self.type = type
            self.description = description
            data = .text("data", attribute: "key", id)
        }

        // The keys, each with its `<data>` shape made once.
        static let vLabel = Key(id: "v_label", domain: "node", name: "label", type: "string")
        static let vActorID = Key(id: "v_actor_id", domain: "node", name: "actor_id", type: "string")
        static let vKind = Key(id: "v_kind", domain: "node", name: "kind", type: "string",
            description: "actor, or event in the actor-event variant")
        static let vType = Key(id: "v_type", domain: "node", name: "type", type: "string",
            description: "actor type (person, country, organization, location, other) or event type")
        static let vAliases = Key(id: "v_aliases", domain: "node", name: "aliases", type: "string",
            description: "other names of the actor, joined with '; '")
        static let vMentions = Key(id: "v_mentions", domain: "node", name: "mentions", type: "int")
        static let vDocuments = Key(id: "v_documents", domain: "node", name: "documents", type: "int")
        static let vFirst = Key(id: "v_first", domain: "node", name: "first", type: "string", description: "ISO date")
        static let vLast = Key(id: "v_last", domain: "node", name: "last", type: "string", description: "ISO date")
        static let vDegree = Key(id: "v_degree", domain: "node", name: "degree", type: "int")
        static let vWeightedDegree = Key(id: "v_weighted_degree", domain: "node", name: "weighted_degree",
                                         type: "double")
        static let vPagerank = Key(id: "v_pagerank", domain: "node", name: "pagerank", type: "double")
        static let vBetweenness = Key(id: "v_betweenness", domain: "node", name: "betweenness", type: "double")
        static let vComponent = Key(id: "v_component", domain: "node", name: "component", type: "int")
        static let vCommunity = Key(id: "v_community", domain: "node", name: "community", type: "int")
        static let vDate = Key(id: "v_date", domain: "node", name: "date", type: "string", description: "TIMEX3 value")
        static let vTrigger = Key(id: "v_trigger", domain: "node", name: "trigger", type: "string")
        static let vDocument = Key(id: "v_document", domain: "node", name: "document", type: "string")
        static let vCameo = Key(id: "v_cameo", domain: "node", name: "cameo", type: "string")
        static let vSentence = Key(id: "v_sentence", domain: "node", name: "sentence", type: "string")
        static let eWeight = Key(id: "e_weight", domain: "edge", name: "weight", type: "double",
            description: "number of sentences naming both actors")
        static let eDocuments = Key(id: "e_documents", domain: "edge", name: "documents", type: "int")
        static let eAssociation = Key(id: "e_association", domain: "edge", name: "association", type: "double",
            description: "normalized PMI in [-1, 1]")
        static let eFirst = Key(id: "e_first", domain: "edge", name: "first", type: "string", description: "ISO date")
        static let eLast = Key(id: "e_last", domain: "edge", name: "last", type: "string", description: "ISO date")
        static let eEventTypes = Key(id: "e_event_types", domain: "edge", name: "event_types", type: "string",
            description: "event types joined with '; '")
        static let eEvidenceCount = Key(id: "e_evidence_count", domain: "edge", name: "evidence_count", type: "int")
        static let eEvidence = Key(id: "e_evidence", domain: "edge", name: "evidence", type: "string",
            description: "first evidence sentences joined with ' | '")
    }

    static let nodeKeys: [Key] = [
        .vLabel, .vActorID, .vKind, .vType, .vAliases, .vMentions, .vDocuments, .vFirst, .vLast, .vDegree,
        .vWeightedDegree, .vPagerank, .vBetweenness, .vComponent, .vCommunity,
    ]

    static let eventNodeKeys: [Key] = [
        .vDate, .vTrigger, .vDocument, .vCameo, .vSentence,
    ]

    static let edgeKeys: [Key] = [
        .eWeight, .eDocuments, .eAssociation, .eFirst, .eLast, .eEventTypes, .eEvidenceCount, .eEvidence,
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

        let nodeIDs = ExportText.nodeIDs(graph.nodes.count)
        for (i, node) in graph.nodes.enumerated() {
            xml.element("node", attributes: [("id", nodeIDs[i])]) {
                data(xml, .vLabel, node.name)
                data(xml, .vActorID, node.id)
                data(xml, .vKind, "actor")
                data(xml, .vType, node.type.rawValue)
                if !node.aliases.isEmpty { data(xml, .vAliases, ExportText.list(node.aliases)) }
                data(xml, .vMentions, node.mentions)
                data(xml, .vDocuments, node.documents)
                if let first = node.first { data(xml, .vFirst, first) }
                if let last = node.last { data(xml, .vLast, last) }
                let m = node.metrics
                data(xml, .vDegree, m.degree)
                data(xml, .vWeightedDegree, m.weightedDegree)
                data(xml, .vPagerank, m.pagerank)
                data(xml, .vBetweenness, m.betweenness)
                data(xml, .vComponent, m.component)
                data(xml, .vCommunity, m.community)
            }
        }

        if options.eventsAsNodes {
            try writeEvents(graph, to: xml)
        } else {
            for (i, edge) in graph.edges.enumerated() {
                xml.element("edge", attributes: [("id", "e\(i)"), ("source", nodeIDs[edge.source]),
                                                 ("target", nodeIDs[edge.target])]) {
                    data(xml, .eWeight, Double(edge.weight))
                    data(xml, .eDocuments, edge.documents)
                    data(xml, .eAssociation, edge.association)
                    if let first = edge.first { data(xml, .eFirst, first) }
                    if let last = edge.last { data(xml, .eLast, last) }
                    if !edge.eventTypes.isEmpty { data(xml, .eEventTypes, ExportText.list(edge.eventTypes)) }
                    data(xml, .eEvidenceCount, edge.weight)  // one evidence sentence per window
                    if !edge.evidence.isEmpty {
                        data(xml, .eEvidence, ExportText.evidence(edge.evidence, count: options.evidenceSentences,
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
            data(xml, .vLabel, event.trigger)
            data(xml, .vActorID, event.id)
            data(xml, .vKind, "event")
            data(xml, .vType, event.type)
            if let date = event.date { data(xml, .vDate, date) }
            data(xml, .vTrigger, event.trigger)
            data(xml, .vDocument, event.document)
            if let cameo = event.cameo { data(xml, .vCameo, cameo) }
            data(xml, .vSentence, event.sentence)
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
                data(xml, .eWeight, 1.0)
                data(xml, .eDocuments, 1)
                if let date = event.date, let period = CalendarPeriod(timex: date) {
                    data(xml, .eFirst, period.start.description)
                    data(xml, .eLast, period.start.description)
                }
                data(xml, .eEventTypes, event.type)
                xml.endElement()
                edgeNumber += 1
            }
        }
    }

    @inline(__always)
    static func data(_ xml: XMLStreamWriter, _ key: Key, _ value: String) {
        xml.element(key.data, text: value)
    }

    @inline(__always)
    static func data(_ xml: XMLStreamWriter, _ key: Key, _ value: Int) {
        xml.element(key.data, number: value)
    }

    @inline(__always)
    static func data(_ xml: XMLStreamWriter, _ key: Key, _ value: Double) {
        xml.element(key.data, number: value)
    }
}

import Actors

/// A document as the graph lists it (its text stays in the store).
public struct GraphDocument: Hashable, Sendable {
    public var id: String
    public var title: String?
    /// ISO date (`YYYY-MM-DD`) or nil.
    public var date: String?
    public var source: String?

    public init(id: String, title: String?, date: String?, source: String?) {
        self.id = id
        self.title = title
        self.date = date
        self.source = source
    }
}

/// Structural measures of one actor in the graph, computed by `GraphAnalytics`.
public struct NodeMetrics: Hashable, Sendable {
    public var degree: Int = 0
    public var weightedDegree: Double = 0
    public var pagerank: Double = 0
    /// Brandes betweenness, normalized as networkx does for undirected graphs: 2 / ((n-1)(n-2)).
    public var betweenness: Double = 0
    /// Connected component number, 0 for the largest.
    public var component: Int = 0
    /// Community number (Louvain), 0 for the largest.
    public var community: Int = 0

    public init() {}
}

/// One canonical actor: a node of the relationship graph.
public struct ActorNode: Hashable, Sendable {
    public var id: String
    public var name: String
    public var type: ActorType
    /// Every other surface form seen for the actor, sorted.
    public var aliases: [String]
    public var mentions: Int
    public var documents: Int
    /// First and last date (ISO) of the documents or events naming the actor.
    public var first: String?
    public var last: String?
    public var metrics: NodeMetrics
    /// Co-occurrence windows (sentences, paragraphs or documents) that name the actor: the marginal count
    /// behind its links' association, kept so that later documents can be summed onto the graph.
    public var windows: Int

    public init(id: String, name: String, type: ActorType, aliases: [String] = [], mentions: Int = 0, documents: Int = 0,
                first: String? = nil, last: String? = nil, metrics: NodeMetrics = NodeMetrics(), windows: Int = 0) {
        self.id = id
        self.name = name
        self.type = type
        self.aliases = aliases
        self.mentions = mentions
        self.documents = documents
        self.first = first
        self.last = last
        self.metrics = metrics
        self.windows = windows
    }
}

/// A sentence that names both ends of an edge.
public struct Evidence: Hashable, Sendable {
    public var document: String
    public var sentence: String
    /// The document's date (ISO), if it has one.
    public var date: String?

    public init(document: String, sentence: String, date: String?) {
        self.document = document
        self.sentence = sentence
        self.date = date
    }
}

/// An undirected link between two actors that co-occur.
public struct ActorEdge: Hashable, Sendable {
    /// Node indices into `ActorGraph.nodes`, `source < target`.
    public var source: Int
    public var target: Int
    /// Number of distinct sentences (windows) naming both actors.
    public var weight: Int
    public var documents: Int
    public var first: String?
    public var last: String?
    /// Association that discounts ubiquitous actors (normalized PMI over windows, in [-1, 1]).
    public var association: Double
    /// Event types of events whose actors include both ends, sorted.
    public var eventTypes: [String]
    /// The first evidence sentences, in document order: all of them for a graph built in memory, the first
    /// few (`GraphBuilder.evidencePerEdge`) when the rest went to the store. There is one per window naming
    /// both ends, so there are `weight` of them in all.
    public var evidence: [Evidence]

    public init(source: Int, target: Int, weight: Int, documents: Int, first: String?, last: String?,
                association: Double = 0, eventTypes: [String] = [], evidence: [Evidence] = []) {
        self.source = source
        self.target = target
        self.weight = weight
        self.documents = documents
        self.first = first
        self.last = last
        self.association = association
        self.eventTypes = eventTypes
        self.evidence = evidence
    }
}

/// An event as the graph and timeline list it, with global actor ids.
public struct GraphEvent: Hashable, Sendable {
    public var id: String
    public var document: String
    public var type: String
    public var cameo: String?
    public var trigger: String
    /// TIMEX3 value or nil (undated).
    public var date: String?
    public var end: String?
    public var dateText: String?
    public var actors: [String]
    public var sentence: String

    public init(id: String, document: String, type: String, cameo: String?, trigger: String, date: String?, end: String?,
                dateText: String?, actors: [String], sentence: String) {
        self.id = id
        self.document = document
        self.type = type
        self.cameo = cameo
        self.trigger = trigger
        self.date = date
        self.end = end
        self.dateText = dateText
        self.actors = actors
        self.sentence = sentence
    }
}

/// The relationship graph of actors, with the documents and events behind it.
public struct ActorGraph: Sendable {
    public var documents: [GraphDocument]
    public var nodes: [ActorNode]
    public var edges: [ActorEdge]
    /// Held in memory for a graph built in memory; read a page at a time from the spill during a build, or
    /// from the store for a stored graph.
    public var events: EventList
    /// Co-occurrence windows summed over every document (see `ActorNode.windows`).
    public var windows: Int

    public init(documents: [GraphDocument] = [], nodes: [ActorNode] = [], edges: [ActorEdge] = [], events: [GraphEvent] = [],
                windows: Int = 0) {
        self.init(documents: documents, nodes: nodes, edges: edges, events: EventList(events), windows: windows)
    }

    public init(documents: [GraphDocument], nodes: [ActorNode], edges: [ActorEdge], events: EventList, windows: Int = 0) {
        self.documents = documents
        self.nodes = nodes
        self.edges = edges
        self.events = events
        self.windows = windows
    }
}

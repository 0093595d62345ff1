import Actors
import Corpus

/// The measure `GraphFilter.top` ranks actors by.
public enum ActorRanking: String, CaseIterable, Codable, Hashable, Sendable {
    case degree, pagerank, betweenness, mentions
    case weightedDegree = "weighted-degree"
}

/// A selection of the actor graph, shared by exports and queries. Every field is optional; an empty filter
/// keeps the graph as it is. Criteria apply in this order, each on what the previous ones left:
///
/// 1. date range (`from`, `to`, ISO dates, partial ones allowed: `2005`, `2005-06`): edges whose [first, last]
///    overlaps the range stay, with their evidence outside the range (or undated) dropped; actors stay when they
///    keep an edge or their own [first, last] overlaps. Weights, counts and first/last are left as recorded.
/// 2. actor types;
/// 3. minimum edge weight and minimum association: weaker edges go, and actors that lose all their edges go too
///    (actors that had none stay);
/// 4. ego network: actors within `egoRadius` edges of `ego` (none when `ego` is not in the graph);
/// 5. top N actors by `rankBy`, using the metrics stored on the nodes (ties: earlier node first).
///
/// Edges stay when both ends stay. Events stay when one of their actors stays (and, with a date range, when
/// their date, or their document's, overlaps it); their actor lists keep only actors that stay.
/// Stored metrics are those of the full graph: run `GraphAnalytics.annotate` on the result to recompute them.
public struct GraphFilter: Hashable, Sendable {
    public var from: String?
    public var to: String?
    public var actorTypes: Set<ActorType>?
    public var minWeight: Int?
    public var minAssociation: Double?
    public var top: Int?
    public var rankBy: ActorRanking
    /// Actor id at the centre of an ego network.
    public var ego: String?
    public var egoRadius: Int
    /// Whether the result lists the documents that still apply; finding them reads every event (a drawing
    /// that needs no documents says false).
    public var listsDocuments = true

    public init(from: String? = nil, to: String? = nil, actorTypes: Set<ActorType>? = nil, minWeight: Int? = nil,
                minAssociation: Double? = nil, top: Int? = nil, rankBy: ActorRanking = .pagerank, ego: String? = nil,
                egoRadius: Int = 1) {
        self.from = from
        self.to = to
        self.actorTypes = actorTypes
        self.minWeight = minWeight
        self.minAssociation = minAssociation
        self.top = top
        self.rankBy = rankBy
        self.ego = ego
        self.egoRadius = egoRadius
    }

    public var isEmpty: Bool {
        !hasDateRange && actorTypes == nil && minWeight == nil && minAssociation == nil && top == nil && ego == nil
    }

    public var hasDateRange: Bool { from != nil || to != nil }

    /// Throws when the graph's events are stored and cannot be read (they are read to find the documents
    /// that stay; the kept events themselves are filtered as they are read later).
    public func apply(to graph: ActorGraph) throws -> ActorGraph {
        guard !isEmpty else { return graph }
        let nodeCount = graph.nodes.count
        var keepNode = [Bool](repeating: true, count: nodeCount)
        var keepEdge = [Bool](repeating: true, count: graph.edges.count)
        var edges = graph.edges

        // 1. Date range.
        if hasDateRange {
            var hasEdge = [Bool](repeating: false, count: nodeCount)
            for i in edges.indices {
                guard overlaps(first: edges[i].first, last: edges[i].last) else { keepEdge[i] = false; continue }
                edges[i].evidence.removeAll { evidence in
                    guard let date = evidence.date else { return true }
                    return !overlaps(first: date, last: date)
                }
                hasEdge[edges[i].source] = true
                hasEdge[edges[i].target] = true
            }
            for v in 0..<nodeCount {
                keepNode[v] = hasEdge[v] || overlaps(first: graph.nodes[v].first, last: graph.nodes[v].last)
            }
        }
        // 2. Actor types.
        if let types = actorTypes {
            for v in 0..<nodeCount where !types.contains(graph.nodes[v].type) { keepNode[v] = false }
        }
        func dropEdgesOfDroppedNodes() {
            for i in edges.indices where keepEdge[i] && !(keepNode[edges[i].source] && keepNode[edges[i].target]) {
                keepEdge[i] = false
            }
        }
        dropEdgesOfDroppedNodes()
        // 3. Edge thresholds.
        if minWeight != nil || minAssociation != nil {
            var hadEdge = [Bool](repeating: false, count: nodeCount)
            var hasEdge = [Bool](repeating: false, count: nodeCount)
            for i in edges.indices where keepEdge[i] {
                let edge = edges[i]
                hadEdge[edge.source] = true
                hadEdge[edge.target] = true
                if let w = minWeight, edge.weight < w { keepEdge[i] = false; continue }
                if let a = minAssociation, edge.association < a { keepEdge[i] = false; continue }
                hasEdge[edge.source] = true
                hasEdge[edge.target] = true
            }
            for v in 0..<nodeCount where hadEdge[v] && !hasEdge[v] { keepNode[v] = false }
        }
        // 4. Ego network.
        if let ego {
            let centre = graph.nodes.indices.first { graph.nodes[$0].id == ego && keepNode[$0] }
            let kept = edges.indices.filter { keepEdge[$0] }.map { (edges[$0].source, edges[$0].target, 1.0) }
            keepNode = Self.within(radius: egoRadius, of: centre, nodeCount: nodeCount, edges: kept)
            dropEdgesOfDroppedNodes()
        }
        // 5. Top N.
        if let top {
            let ranked = (0..<nodeCount).filter { keepNode[$0] }.map { ($0, score(graph.nodes[$0])) }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            keepNode = [Bool](repeating: false, count: nodeCount)
            for (v, _) in ranked.prefix(max(0, top)) { keepNode[v] = true }
            dropEdgesOfDroppedNodes()
        }
        return try rebuild(graph, keepNode: keepNode, keepEdge: keepEdge, edges: edges)
    }

    /// Nodes within `radius` hops of `centre` (breadth-first); nothing when there is no centre.
    static func within(radius: Int, of centre: Int?, nodeCount: Int, edges: [(Int, Int, Double)]) -> [Bool] {
        var reached = [Bool](repeating: false, count: nodeCount)
        guard let centre else { return reached }
        let adjacency = AdjacencyArrays(nodeCount: nodeCount, edges: edges)
        reached[centre] = true
        var frontier = [centre]
        var hops = 0
        while hops < radius && !frontier.isEmpty {
            var next = [Int]()
            for v in frontier {
                for i in Int(adjacency.offsets[v])..<Int(adjacency.offsets[v + 1]) {
                    let w = Int(adjacency.neighbors[i])
                    if !reached[w] { reached[w] = true; next.append(w) }
                }
            }
            frontier = next
            hops += 1
        }
        return reached
    }

    private func score(_ node: ActorNode) -> Double {
        switch rankBy {
        case .degree: return Double(node.metrics.degree)
        case .pagerank: return node.metrics.pagerank
        case .betweenness: return node.metrics.betweenness
        case .mentions: return Double(node.mentions)
        case .weightedDegree: return node.metrics.weightedDegree
        }
    }

    /// The kept nodes in their original order, edges remapped to the new indices, events and documents that still apply.
    private func rebuild(_ graph: ActorGraph, keepNode: [Bool], keepEdge: [Bool], edges: [ActorEdge]) throws -> ActorGraph {
        var newIndex = [Int](repeating: -1, count: graph.nodes.count)
        var nodes = [ActorNode]()
        for (v, node) in graph.nodes.enumerated() where keepNode[v] {
            newIndex[v] = nodes.count
            nodes.append(node)
        }
        var keptEdges = [ActorEdge]()
        for (i, edge) in edges.enumerated() where keepEdge[i] {
            var e = edge
            // The map is increasing, so source < target still holds.
            e.source = newIndex[edge.source]
            e.target = newIndex[edge.target]
            keptEdges.append(e)
        }
        let keptIDs = Set(nodes.map(\.id))
        let documentDates = Dictionary(graph.documents.map { ($0.id, $0.date) }, uniquingKeysWith: { a, _ in a })
        let filter = self
        let events = graph.events.compactMap { event in
            let actors = event.actors.filter { keptIDs.contains($0) }
            guard !actors.isEmpty else { return nil }
            if filter.hasDateRange {
                let span = Self.span(ofTimex: event.date) ?? (documentDates[event.document] ?? nil).map { ($0, $0) }
                guard let span, filter.overlaps(first: span.0, last: span.1) else { return nil }
            }
            var e = event
            e.actors = actors
            return e
        }
        guard listsDocuments else { return ActorGraph(documents: [], nodes: nodes, edges: keptEdges, events: events) }
        let onlyDates = actorTypes == nil && minWeight == nil && minAssociation == nil && top == nil && ego == nil
        var referenced = Set<String>()
        if !onlyDates {
            for edge in keptEdges { for evidence in edge.evidence { referenced.insert(evidence.document) } }
            try events.forEach { referenced.insert($0.document) }
        }
        let documents = graph.documents.filter { document in
            if hasDateRange {
                guard let date = document.date, overlaps(first: date, last: date) else { return false }
            }
            return onlyDates || referenced.contains(document.id)
        }
        return ActorGraph(documents: documents, nodes: nodes, edges: keptEdges, events: events)
    }

    /// Whether [first, last] meets [from, to]. Dates compare on their common prefix, so `2005` overlaps
    /// `2005-06-01` and a partial `to` covers its whole period. Undated items (both nil) never overlap.
    func overlaps(first: String?, last: String?) -> Bool {
        guard let start = first ?? last, let end = last ?? first else { return false }
        if let from, Self.compare(end, from) < 0 { return false }
        if let to, Self.compare(start, to) > 0 { return false }
        return true
    }

    /// Compares two ISO dates on their common prefix: -1, 0 (one contains the other) or 1.
    static func compare(_ a: String, _ b: String) -> Int {
        var i = a.utf8.makeIterator(), j = b.utf8.makeIterator()
        while let x = i.next(), let y = j.next() {
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    /// The first and last ISO day (or prefix) a TIMEX3 date value covers; nil when it names no calendar period.
    static func span(ofTimex value: String?) -> (String, String)? {
        guard let value, let period = CalendarPeriod(timex: value) else { return nil }
        let start = period.start
        switch period.precision {
        case .time, .day, .month, .year, .decade, .century:
            // These values are ISO prefixes themselves ("2005-06", "199"); a time keeps its day.
            let prefix = String(value.prefix(10))
            return (prefix, prefix)
        case .week:
            return (start.description, start.adding(days: 6).description)
        case .quarter, .season:
            let months = value.contains("-H") ? 6 : 3
            return (start.description, start.adding(months: months).adding(days: -1).description)
        }
    }
}

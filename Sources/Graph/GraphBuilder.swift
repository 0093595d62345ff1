import Foundation
import Actors

/// What counts as "together" for a co-occurrence link.
public enum CooccurrenceWindow: String, CaseIterable, Sendable {
    case sentence, paragraph, document
}

/// Builds the actor graph from document contributions: resolves document actors to canonical actors,
/// counts co-occurrences per window, keeps evidence, scores association, attaches events and analytics.
public struct GraphBuilder: Sendable {
    public var window: CooccurrenceWindow
    /// Evidence sentences an edge keeps, the first in document order (a sink, when given, receives every
    /// one); nil keeps every one.
    public var evidencePerEdge: Int?
    public var analytics: AnalyticsOptions

    public init(window: CooccurrenceWindow = .sentence, evidencePerEdge: Int? = nil,
                analytics: AnalyticsOptions = AnalyticsOptions()) {
        self.window = window
        self.evidencePerEdge = evidencePerEdge
        self.analytics = analytics
    }

    public func build(_ contributions: [DocumentContribution]) -> ActorGraph {
        // Neither an array nor a build without a sink has anything that can fail.
        try! build(from: { _, body in for c in contributions { try body(c) } })
    }

    /// Builds the graph from contributions handed over one at a time, so they need not all be in memory:
    /// `source` hands every contribution, in document order, to its second argument. It is called twice,
    /// first with `actorsOnly` true (alias resolution needs only each document's actors and mention counts;
    /// windows and events may then be left empty), then for everything.
    ///
    /// With a `sink`, every evidence sentence and every event goes to it as it is found, and the graph keeps
    /// only the first `evidencePerEdge` sentences per edge and no events: memory then follows actors and
    /// edges, not the corpus. (A store's build sums through `GraphSummation` itself, with the actors it
    /// registered while storing the documents.)
    public func build(from source: (_ actorsOnly: Bool, _ body: (DocumentContribution) throws -> Void) throws -> Void,
                      sink: GraphSink? = nil) throws -> ActorGraph {
        var registry = ActorRegistry()
        try source(true) { c in registry.add(c.actors, mentions: c.mentionCounts) }
        var summation = GraphSummation(self, registry: registry)
        try source(false) { c in try summation.add(c, sink: sink) }
        return summation.finish()
    }

    /// `graph` with every node's analytics (degree, PageRank, betweenness, components, communities).
    public func rank(_ graph: ActorGraph) -> ActorGraph {
        var ranked = graph
        let metrics = GraphAnalytics.compute(nodeCount: graph.nodes.count,
                                             edges: graph.edges.map { ($0.source, $0.target, Double($0.weight)) },
                                             options: analytics)
        for i in ranked.nodes.indices { ranked.nodes[i].metrics = metrics[i] }
        return ranked
    }

    /// A co-occurrence window: the actors it names and how to quote it as evidence.
    struct Group {
        var actors: [Int32]
        var sentences: [DocumentContribution.Window]

        /// The evidence text for a pair: the one sentence, or the sentences naming either actor.
        func text(_ a: Int32, _ b: Int32, _ local: [Int32]) -> String {
            if sentences.count == 1 { return sentences[0].text }
            let naming = sentences.filter { w in w.actors.contains { local[Int($0)] == a || local[Int($0)] == b } }
            return naming.prefix(2).map(\.text).joined(separator: " … ")
        }
    }

    func groups(_ c: DocumentContribution) -> [Group] {
        switch window {
        case .sentence:
            return c.windows.map { Group(actors: $0.actors, sentences: [$0]) }
        case .paragraph:
            var result = [Group]()
            for w in c.windows {
                if let last = result.last, last.sentences[0].paragraph == w.paragraph {
                    result[result.count - 1].actors.append(contentsOf: w.actors)
                    result[result.count - 1].sentences.append(w)
                } else {
                    result.append(Group(actors: w.actors, sentences: [w]))
                }
            }
            return result
        case .document:
            return c.windows.isEmpty ? [] : [Group(actors: c.windows.flatMap(\.actors), sentences: c.windows)]
        }
    }

    /// The distinct nodes of some document actors, ascending (actors without a node left out), into a
    /// buffer reused across windows and events: a window names a handful of actors, and sets and arrays
    /// made for each of ~140,000 windows cost more than the counting.
    static func nodes(of actors: [Int32], _ local: [Int32], into members: inout [Int32]) {
        members.removeAll(keepingCapacity: true)
        for a in actors where local[Int(a)] >= 0 { members.append(local[Int(a)]) }
        guard members.count > 1 else { return }
        members.sort()
        var kept = 1
        for i in 1..<members.count where members[i] != members[kept - 1] {
            members[kept] = members[i]
            kept += 1
        }
        members.removeLast(members.count - kept)
    }

    static func widen(_ first: inout String?, _ last: inout String?, with date: String?) {
        guard let date else { return }
        if first == nil || date < first! { first = date }
        if last == nil || date > last! { last = date }
    }
}

/// Where a graph build sends what a large graph should not hold in memory (a store, as rows).
public struct GraphSink {
    /// Every evidence sentence with its edge's ends (node indices, source < target), in document order.
    public var evidence: (_ source: Int, _ target: Int, Evidence) throws -> Void
    /// Every event, in document order, with its document's date (which a stored event's sentence keeps).
    public var event: (GraphEvent, _ documentDate: String?) throws -> Void

    public init(evidence: @escaping (_ source: Int, _ target: Int, Evidence) throws -> Void,
                event: @escaping (GraphEvent, _ documentDate: String?) throws -> Void) {
        self.evidence = evidence
        self.event = event
    }
}

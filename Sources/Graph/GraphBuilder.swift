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

    private struct EdgeKey: Hashable {
        var a: Int32
        var b: Int32
    }

    private struct EdgeAccumulator {
        var weight = 0
        var documents = 0
        var lastDocument = -1
        var first: String?
        var last: String?
        var evidence = [Evidence]()
        var eventTypes = Set<String>()
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
    /// edges, not the corpus.
    ///
    /// `actors`, when the caller has it, is every document's actors already added (a build fills it as it
    /// stores the documents); `source` is then called once, for everything.
    public func build(from source: (_ actorsOnly: Bool, _ body: (DocumentContribution) throws -> Void) throws -> Void,
                      sink: GraphSink? = nil, actors: ActorRegistry? = nil) throws -> ActorGraph {
        // 1. Canonical actors.
        var registry = actors ?? ActorRegistry()
        if actors == nil {
            try source(true) { c in
                registry.add(c.actors, mentions: c.mentionCounts)
            }
        }
        let (globals, canonicalID) = registry.resolve()
        // Each document actor's id, merged or not, to its node: one lookup per actor per document.
        var nodeOf = [String: Int32](minimumCapacity: globals.count + canonicalID.count)
        var nodes = [ActorNode]()
        for g in globals {
            nodeOf[g.id] = Int32(nodes.count)
            nodes.append(ActorNode(id: g.id, name: g.name, type: g.type, aliases: g.aliases))
        }
        let nodeIndex = nodeOf
        for (id, canonical) in canonicalID { nodeOf[id] = nodeIndex[canonical] ?? -1 }

        // 2. Nodes' counts and dates; co-occurrence windows; events.
        var edges = [EdgeKey: EdgeAccumulator]()
        var actorWindows = [Int](repeating: 0, count: nodes.count)
        var totalWindows = 0
        var events = [GraphEvent]()
        var lastDocumentOfNode = [Int](repeating: -1, count: nodes.count)

        var documents = [GraphDocument]()
        var members = [Int32]()  // a window's or an event's nodes, reused
        try source(false) { c in
            let d = documents.count
            documents.append(c.document)
            let date = c.document.date
            let local: [Int32] = c.actors.map { actor in nodeOf[actor.id] ?? -1 }
            for (i, n) in local.enumerated() where n >= 0 {
                let node = Int(n)
                nodes[node].mentions += c.mentionCounts[i]
                if lastDocumentOfNode[node] != d {
                    lastDocumentOfNode[node] = d
                    nodes[node].documents += 1
                    var (first, last) = (nodes[node].first, nodes[node].last)
                    Self.widen(&first, &last, with: date)
                    (nodes[node].first, nodes[node].last) = (first, last)
                }
            }
            for group in groups(c) {
                totalWindows += 1
                Self.nodes(of: group.actors, local, into: &members)
                for m in members { actorWindows[Int(m)] += 1 }
                guard members.count >= 2 else { continue }
                for x in 0..<members.count {
                    for y in (x + 1)..<members.count {
                        // Made only when kept or sent: a paragraph window's evidence joins sentences.
                        var made: Evidence?
                        func evidence() -> Evidence {
                            if let made { return made }
                            made = Evidence(document: c.document.id, sentence: group.text(members[x], members[y], local), date: date)
                            return made!
                        }
                        // Updated in place: a copy out of the dictionary and back would copy the evidence
                        // array on every append, quadratic in an edge's weight.
                        Self.count(&edges[EdgeKey(a: members[x], b: members[y]), default: EdgeAccumulator()], document: d,
                                   date: date, keep: evidencePerEdge, evidence)
                        try sink?.evidence(Int(members[x]), Int(members[y]), evidence())
                    }
                }
            }
            for (e, record) in c.events.enumerated() {
                var ids = [String]()
                for a in record.actors where local[Int(a)] >= 0 {
                    let id = nodes[Int(local[Int(a)])].id
                    if !ids.contains(id) { ids.append(id) }  // in the order the event names them
                }
                let event = GraphEvent(id: "\(c.document.id)#e\(e + 1)", document: c.document.id, type: record.type,
                                       cameo: record.cameo, trigger: record.trigger, date: record.date, end: record.end,
                                       dateText: record.dateText, actors: ids, sentence: record.sentenceText)
                if let sink { try sink.event(event) } else { events.append(event) }
                Self.nodes(of: record.actors, local, into: &members)
                for x in 0..<members.count {
                    for y in (x + 1)..<members.count {
                        edges[EdgeKey(a: members[x], b: members[y])]?.eventTypes.insert(record.type)
                    }
                }
            }
        }

        // 3. Edges with association (NPMI over windows), in a stable order.
        let n = Double(max(totalWindows, 1))
        var edgeList = edges.map { (key: EdgeKey, acc: EdgeAccumulator) -> ActorEdge in
            let pab = Double(acc.weight) / n
            let pa = Double(actorWindows[Int(key.a)]) / n
            let pb = Double(actorWindows[Int(key.b)]) / n
            let npmi = pab >= 1 ? 1 : log(pab / (pa * pb)) / -log(pab)
            return ActorEdge(source: Int(key.a), target: Int(key.b), weight: acc.weight, documents: acc.documents,
                             first: acc.first, last: acc.last, association: npmi, eventTypes: acc.eventTypes.sorted(),
                             evidence: acc.evidence)
        }
        edgeList.sort { ($0.source, $0.target) < ($1.source, $1.target) }

        // 4. Analytics.
        let metrics = GraphAnalytics.compute(nodeCount: nodes.count,
                                             edges: edgeList.map { ($0.source, $0.target, Double($0.weight)) },
                                             options: analytics)
        for i in nodes.indices { nodes[i].metrics = metrics[i] }

        return ActorGraph(documents: documents, nodes: nodes, edges: edgeList, events: events)
    }

    /// A co-occurrence window: the actors it names and how to quote it as evidence.
    private struct Group {
        var actors: [Int32]
        var sentences: [DocumentContribution.Window]

        /// The evidence text for a pair: the one sentence, or the sentences naming either actor.
        func text(_ a: Int32, _ b: Int32, _ local: [Int32]) -> String {
            if sentences.count == 1 { return sentences[0].text }
            let naming = sentences.filter { w in w.actors.contains { local[Int($0)] == a || local[Int($0)] == b } }
            return naming.prefix(2).map(\.text).joined(separator: " … ")
        }
    }

    private func groups(_ c: DocumentContribution) -> [Group] {
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
    private static func nodes(of actors: [Int32], _ local: [Int32], into members: inout [Int32]) {
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

    private static func count(_ acc: inout EdgeAccumulator, document d: Int, date: String?, keep: Int?,
                              _ evidence: () -> Evidence) {
        acc.weight += 1
        if acc.lastDocument != d {
            acc.lastDocument = d
            acc.documents += 1
            widen(&acc.first, &acc.last, with: date)
        }
        if keep.map({ acc.evidence.count < $0 }) ?? true { acc.evidence.append(evidence()) }
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
    /// Every event, in document order.
    public var event: (GraphEvent) throws -> Void

    public init(evidence: @escaping (_ source: Int, _ target: Int, Evidence) throws -> Void,
                event: @escaping (GraphEvent) throws -> Void) {
        self.evidence = evidence
        self.event = event
    }
}

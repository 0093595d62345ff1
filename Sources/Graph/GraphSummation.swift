import Foundation
import Actors

/// A graph being summed one document contribution at a time: canonical actors from an `ActorRegistry`, their
/// counts and dates, co-occurrence edges with their evidence, and events.
///
/// A build starts one empty. An `add` that only brings new documents resumes one from the stored graph
/// (`resume(_:renamed:)`) and sums just the new documents onto it: every sum is order-preserving, so the
/// result is the graph a build of every document, old ones first, would give.
public struct GraphSummation {
    let builder: GraphBuilder
    /// The canonical actors, sorted by id, with their sums so far.
    public private(set) var nodes: [ActorNode]
    /// Each document actor's id, merged or not, to its node (-1: none): one lookup per actor per document.
    private var nodeOf: [String: Int32]
    private var edges: [EdgeKey: EdgeAccumulator]
    private var totalWindows: Int
    private var documents: [GraphDocument]
    private var events: [GraphEvent]
    private var lastDocumentOfNode: [Int]
    /// A window's or an event's nodes, reused.
    private var members = [Int32]()
    /// Every document actor's id, merged or not, to its canonical actor's id.
    public let canonicalID: [String: String]

    /// An empty graph over the canonical actors of `registry`.
    public init(_ builder: GraphBuilder, registry: ActorRegistry) {
        let (globals, canonicalID) = registry.resolve()
        var nodeOf = [String: Int32](minimumCapacity: globals.count + canonicalID.count)
        var nodes = [ActorNode]()
        nodes.reserveCapacity(globals.count)
        for g in globals {
            nodeOf[g.id] = Int32(nodes.count)
            nodes.append(ActorNode(id: g.id, name: g.name, type: g.type, aliases: g.aliases))
        }
        let nodeIndex = nodeOf
        for (id, canonical) in canonicalID { nodeOf[id] = nodeIndex[canonical] ?? -1 }
        self.builder = builder
        self.canonicalID = canonicalID
        self.nodes = nodes
        self.nodeOf = nodeOf
        self.edges = [:]
        self.totalWindows = 0
        self.documents = []
        self.events = []
        self.lastDocumentOfNode = [Int](repeating: -1, count: nodes.count)
    }

    /// Carries `previous` (a summed graph, its edges holding their first `evidencePerEdge` sentences) over to
    /// this summation's canonical actors, which must be empty so far and made from a registry that holds every
    /// document's actors, `previous`'s and those still to be added. `renamed` maps a node of `previous` to the
    /// node it is now (a lone surname taken by a full name first seen since); every other keeps its id.
    ///
    /// False, leaving the summation unusable, when a node of `previous` has no node now (its actors resolve
    /// to others) or two would land on one: their sums would have to be split or could overlap, and only
    /// summing every document again gives them exactly.
    public mutating func resume(_ previous: ActorGraph, renamed: [String: String] = [:]) -> Bool {
        var newIndex = [Int32]()
        newIndex.reserveCapacity(previous.nodes.count)
        var taken = Set<Int32>()
        for old in previous.nodes {
            let id = renamed[old.id] ?? old.id
            guard let n = nodeOf[id], n >= 0, nodes[Int(n)].id == id, taken.insert(n).inserted else { return false }
            newIndex.append(n)
            nodes[Int(n)].mentions = old.mentions
            nodes[Int(n)].documents = old.documents
            nodes[Int(n)].first = old.first
            nodes[Int(n)].last = old.last
            nodes[Int(n)].windows = old.windows
        }
        edges.reserveCapacity(previous.edges.count)
        for e in previous.edges {
            // A renamed end can move past the other: ends are kept in index order.
            let (a, b) = (newIndex[e.source], newIndex[e.target])
            edges[EdgeKey(a: min(a, b), b: max(a, b))] = EdgeAccumulator(
                weight: e.weight, documents: e.documents, first: e.first, last: e.last, evidence: e.evidence,
                eventTypes: Set(e.eventTypes))
        }
        totalWindows = previous.windows
        documents = previous.documents
        return true
    }

    /// Adds one document's actors, windows and events. With a `sink`, every evidence sentence and every event
    /// goes to it, and the graph keeps only the first `evidencePerEdge` sentences per edge and no events.
    public mutating func add(_ c: DocumentContribution, sink: GraphSink?) throws {
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
                GraphBuilder.widen(&first, &last, with: date)
                (nodes[node].first, nodes[node].last) = (first, last)
            }
        }
        let keep = builder.evidencePerEdge
        for group in builder.groups(c) {
            totalWindows += 1
            GraphBuilder.nodes(of: group.actors, local, into: &members)
            for m in members { nodes[Int(m)].windows += 1 }
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
                               date: date, keep: keep, evidence)
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
            if let sink { try sink.event(event, date) } else { events.append(event) }
            GraphBuilder.nodes(of: record.actors, local, into: &members)
            for x in 0..<members.count {
                for y in (x + 1)..<members.count {
                    edges[EdgeKey(a: members[x], b: members[y])]?.eventTypes.insert(record.type)
                }
            }
        }
    }

    /// The graph: edges with their association (NPMI over windows) in a stable order, and analytics.
    public func finish() -> ActorGraph { builder.rank(finishUnranked()) }

    /// The graph without its analytics (every node's metrics zero), which `GraphBuilder.rank` adds: what does
    /// not need them (a store's links) can be done while they are computed.
    public func finishUnranked() -> ActorGraph {
        let n = Double(max(totalWindows, 1))
        var edgeList = edges.map { (key: EdgeKey, acc: EdgeAccumulator) -> ActorEdge in
            let pab = Double(acc.weight) / n
            let pa = Double(nodes[Int(key.a)].windows) / n
            let pb = Double(nodes[Int(key.b)].windows) / n
            let npmi = pab >= 1 ? 1 : log(pab / (pa * pb)) / -log(pab)
            return ActorEdge(source: Int(key.a), target: Int(key.b), weight: acc.weight, documents: acc.documents,
                             first: acc.first, last: acc.last, association: npmi, eventTypes: acc.eventTypes.sorted(),
                             evidence: acc.evidence)
        }
        edgeList.sort { ($0.source, $0.target) < ($1.source, $1.target) }
        return ActorGraph(documents: documents, nodes: nodes, edges: edgeList, events: events, windows: totalWindows)
    }

    private static func count(_ acc: inout EdgeAccumulator, document d: Int, date: String?, keep: Int?,
                              _ evidence: () -> Evidence) {
        acc.weight += 1
        if acc.lastDocument != d {
            acc.lastDocument = d
            acc.documents += 1
            GraphBuilder.widen(&acc.first, &acc.last, with: date)
        }
        if keep.map({ acc.evidence.count < $0 }) ?? true { acc.evidence.append(evidence()) }
    }
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

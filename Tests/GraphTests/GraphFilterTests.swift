import Actors
import Testing
@testable import Graph

/// A hand-built graph:
///
///     alice(person) —3— acme(org) —1— bob(person)      carol(person, alone, 2006)
///          \                            /
///           1 ——— france(country) —5——
///
/// Dates: alice–acme 2005-01..2005-03, acme–bob 2006-06, alice–france 2005-02..2006-08, france–bob 2007-01.
private func sampleGraph() -> ActorGraph {
    func node(_ id: String, _ type: ActorType, mentions: Int, first: String?, last: String?, pagerank: Double)
        -> ActorNode {
        var metrics = NodeMetrics()
        metrics.pagerank = pagerank
        return ActorNode(id: id, name: id.capitalized, type: type, mentions: mentions, first: first, last: last,
                         metrics: metrics)
    }
    let nodes = [
        node("alice", .person, mentions: 9, first: "2005-01-10", last: "2006-08-01", pagerank: 0.3),
        node("acme", .organization, mentions: 4, first: "2005-01-10", last: "2006-06-02", pagerank: 0.25),
        node("bob", .person, mentions: 2, first: "2006-06-02", last: "2007-01-05", pagerank: 0.2),
        node("france", .country, mentions: 7, first: "2005-02-01", last: "2007-01-05", pagerank: 0.2),
        node("carol", .person, mentions: 1, first: "2006-03-03", last: "2006-03-03", pagerank: 0.05),
    ]
    let edges = [
        ActorEdge(source: 0, target: 1, weight: 3, documents: 2, first: "2005-01-10", last: "2005-03-01",
                  association: 0.6,
                  evidence: [Evidence(document: "d1", sentence: "s1", date: "2005-01-10"),
                             Evidence(document: "d2", sentence: "s2", date: "2005-03-01")]),
        ActorEdge(source: 0, target: 3, weight: 1, documents: 1, first: "2005-02-01", last: "2006-08-01",
                  association: 0.1,
                  evidence: [Evidence(document: "d3", sentence: "s3", date: "2005-02-01"),
                             Evidence(document: "d5", sentence: "s5", date: "2006-08-01")]),
        ActorEdge(source: 1, target: 2, weight: 1, documents: 1, first: "2006-06-02", last: "2006-06-02",
                  association: -0.2, evidence: [Evidence(document: "d4", sentence: "s4", date: "2006-06-02")]),
        ActorEdge(source: 2, target: 3, weight: 5, documents: 1, first: "2007-01-05", last: "2007-01-05",
                  association: 0.8, evidence: [Evidence(document: "d6", sentence: "s6", date: "2007-01-05")]),
    ]
    let documents = [("d1", "2005-01-10"), ("d2", "2005-03-01"), ("d3", "2005-02-01"), ("d4", "2006-06-02"),
                     ("d5", "2006-08-01"), ("d6", "2007-01-05"), ("d7", "2006-03-03")]
        .map { GraphDocument(id: $0.0, title: nil, date: $0.1, source: nil) }
    func event(_ id: String, _ document: String, _ date: String?, _ actors: [String]) -> GraphEvent {
        GraphEvent(id: id, document: document, type: "meet", cameo: nil, trigger: "met", date: date, end: nil,
                   dateText: nil, actors: actors, sentence: "")
    }
    let events = [
        event("e1", "d1", "2005-01-10", ["alice", "acme"]),
        event("e2", "d4", nil, ["acme", "bob"]),
        event("e3", "d6", "2007-01", ["bob", "france"]),
        event("e4", "d7", "2006-W09", ["carol"]),
    ]
    return ActorGraph(documents: documents, nodes: nodes, edges: edges, events: events)
}

/// Edges as "a-b" id pairs, to check remapping.
private func pairs(_ g: ActorGraph) -> [String] {
    g.edges.map { "\(g.nodes[$0.source].id)-\(g.nodes[$0.target].id)" }
}

@Suite struct GraphFilterTests {
    @Test func emptyFilterKeepsEverything() throws {
        let g = sampleGraph()
        let f = GraphFilter()
        #expect(f.isEmpty)
        let r = try f.apply(to: g)
        #expect(try r.nodes == g.nodes && r.edges == g.edges && r.events.all() == g.events.all() && r.documents == g.documents)
    }

    @Test func dateRange() throws {
        let r = try GraphFilter(from: "2005-02-15", to: "2006-06-30").apply(to: sampleGraph())
        // france–bob (2007) goes; carol (2006-03) stays on her own dates.
        #expect(r.nodes.map(\.id) == ["alice", "acme", "bob", "france", "carol"])
        #expect(pairs(r) == ["alice-acme", "alice-france", "acme-bob"])
        // Evidence outside the range is dropped; the edge itself is kept with its recorded weight.
        #expect(r.edges[0].evidence.map(\.sentence) == ["s2"])
        #expect(r.edges[0].weight == 3)
        #expect(r.edges[1].evidence.isEmpty)
        #expect(try r.events.all().map(\.id) == ["e2", "e4"])  // e2 dated by its document
        #expect(r.documents.map(\.id) == ["d2", "d4", "d7"])
        for edge in r.edges { #expect(edge.source < edge.target) }
    }

    @Test func partialDatesCoverTheirPeriod() throws {
        let r = try GraphFilter(from: "2007", to: "2007").apply(to: sampleGraph())
        #expect(r.nodes.map(\.id) == ["bob", "france"])
        #expect(pairs(r) == ["bob-france"])
        #expect(try r.events.all().map(\.id) == ["e3"])
        let year2005 = try GraphFilter(to: "2005-01").apply(to: sampleGraph())
        #expect(pairs(year2005) == ["alice-acme"])
        #expect(year2005.nodes.map(\.id) == ["alice", "acme"])
        #expect(GraphFilter.compare("2005", "2005-06-01") == 0)
        #expect(GraphFilter.compare("2005-07", "2005-06-30") > 0)
    }

    @Test func actorTypes() throws {
        let r = try GraphFilter(actorTypes: [.person, .country]).apply(to: sampleGraph())
        #expect(r.nodes.map(\.id) == ["alice", "bob", "france", "carol"])
        #expect(pairs(r) == ["alice-france", "bob-france"])
        // Events keep the actors that remain.
        #expect(try r.events.all().first { $0.id == "e1" }?.actors == ["alice"])
        #expect(try r.events.all().map(\.id) == ["e1", "e2", "e3", "e4"])
    }

    @Test func minimumWeightAndAssociation() throws {
        let heavy = try GraphFilter(minWeight: 3).apply(to: sampleGraph())
        #expect(pairs(heavy) == ["alice-acme", "bob-france"])
        #expect(heavy.nodes.map(\.id) == ["alice", "acme", "bob", "france", "carol"])
        let heavier = try GraphFilter(minWeight: 4).apply(to: sampleGraph())
        // alice and acme lose all their edges and go; carol never had one and stays.
        #expect(heavier.nodes.map(\.id) == ["bob", "france", "carol"])
        #expect(pairs(heavier) == ["bob-france"])
        let associated = try GraphFilter(minAssociation: 0.5).apply(to: sampleGraph())
        #expect(pairs(associated) == ["alice-acme", "bob-france"])
    }

    @Test func topActors() throws {
        let byPagerank = try GraphFilter(top: 2).apply(to: sampleGraph())
        #expect(byPagerank.nodes.map(\.id) == ["alice", "acme"])
        #expect(pairs(byPagerank) == ["alice-acme"])
        let byMentions = try GraphFilter(top: 2, rankBy: .mentions).apply(to: sampleGraph())
        #expect(byMentions.nodes.map(\.id) == ["alice", "france"])
        #expect(pairs(byMentions) == ["alice-france"])
        // Ties (bob and france at 0.2) go to the earlier node.
        let three = try GraphFilter(top: 3).apply(to: sampleGraph())
        #expect(three.nodes.map(\.id) == ["alice", "acme", "bob"])
        #expect(try GraphFilter(top: 0).apply(to: sampleGraph()).nodes.isEmpty)
    }

    @Test func egoNetwork() throws {
        let one = try GraphFilter(ego: "bob", egoRadius: 1).apply(to: sampleGraph())
        #expect(one.nodes.map(\.id) == ["acme", "bob", "france"])
        #expect(pairs(one) == ["acme-bob", "bob-france"])
        let zero = try GraphFilter(ego: "bob", egoRadius: 0).apply(to: sampleGraph())
        #expect(zero.nodes.map(\.id) == ["bob"] && zero.edges.isEmpty)
        let two = try GraphFilter(ego: "carol", egoRadius: 2).apply(to: sampleGraph())
        #expect(two.nodes.map(\.id) == ["carol"])
        #expect(try two.events.all().map(\.id) == ["e4"])
        #expect(two.documents.map(\.id) == ["d7"])
        #expect(try GraphFilter(ego: "nobody").apply(to: sampleGraph()).nodes.isEmpty)
        // The ego network is taken after the edge thresholds.
        let strong = try GraphFilter(minWeight: 2, ego: "alice", egoRadius: 2).apply(to: sampleGraph())
        #expect(strong.nodes.map(\.id) == ["alice", "acme"])
    }

    @Test func combinedFiltersRemapConsistently() throws {
        let r = try GraphFilter(from: "2005", to: "2006", actorTypes: [.person, .organization, .country], top: 3,
                            rankBy: .mentions).apply(to: sampleGraph())
        #expect(r.nodes.map(\.id) == ["alice", "acme", "france"])
        #expect(pairs(r) == ["alice-acme", "alice-france"])
        for edge in r.edges {
            #expect(edge.source < edge.target && edge.target < r.nodes.count)
        }
        let ids = Set(r.nodes.map(\.id))
        for event in try r.events.all() { #expect(!event.actors.isEmpty && event.actors.allSatisfy(ids.contains)) }
    }

    @Test func timexSpans() throws {
        #expect(GraphFilter.span(ofTimex: "2006-W09")! == ("2006-02-27", "2006-03-05"))
        #expect(GraphFilter.span(ofTimex: "2006-Q2")! == ("2006-04-01", "2006-06-30"))
        #expect(GraphFilter.span(ofTimex: "2006-06-02T10:00")! == ("2006-06-02", "2006-06-02"))
        #expect(GraphFilter.span(ofTimex: "PRESENT_REF") == nil)
    }
}

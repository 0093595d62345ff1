import Graph
import Testing
@testable import Store

@Suite struct AdjacencyTests {
    /// 0–1 (weight 1), 1–3 (1), 0–2 (5), 2–3 (5), 3–4 (2); 5 is isolated.
    func graph() -> ActorGraph {
        var g = ActorGraph()
        g.nodes = (0..<6).map { ActorNode(id: "a\($0)", name: "A\($0)", type: .person) }
        g.edges = [(0, 1, 1), (1, 3, 1), (0, 2, 5), (2, 3, 5), (3, 4, 2)].map {
            ActorEdge(source: $0.0, target: $0.1, weight: $0.2, documents: 1, first: nil, last: nil)
        }
        return g
    }

    @Test func linksAreListedHeaviestFirst() {
        let adjacency = Adjacency(graph())
        #expect(adjacency.neighbors(of: 0).map(\.neighbor) == [2, 1])
        #expect(adjacency.neighbors(of: 3).map(\.neighbor) == [2, 4, 1])
        #expect(adjacency.neighbors(of: 5).isEmpty)
    }

    @Test func shortestPathPrefersTheHeavierOfEqualChains() throws {
        let adjacency = Adjacency(graph())
        let steps = try #require(adjacency.shortestPath(from: 0, to: 4))
        #expect(steps.map(\.node) == [2, 3, 4])
        #expect(steps.map(\.edge) == [2, 3, 4])
        #expect(adjacency.shortestPath(from: 0, to: 5) == nil)
        #expect(adjacency.shortestPath(from: 4, to: 4)?.isEmpty == true)
        #expect(adjacency.shortestPath(from: 0, to: 99) == nil)
    }

    @Test func blobsRoundTrip() throws {
        let adjacency = Adjacency(graph())
        let reread = try #require(Adjacency(offsetsBlob: adjacency.offsetsBlob, linksBlob: adjacency.linksBlob))
        #expect(reread.offsets == adjacency.offsets)
        #expect(reread.links.map(\.neighbor) == adjacency.links.map(\.neighbor))
        #expect(reread.links.map(\.edge) == adjacency.links.map(\.edge))
        #expect(Adjacency(offsetsBlob: adjacency.offsetsBlob, linksBlob: adjacency.linksBlob.dropLast(8)) == nil)
    }
}

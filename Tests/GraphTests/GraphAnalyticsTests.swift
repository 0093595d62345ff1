import Testing
@testable import Graph

/// Relative difference, absolute for reference values below 1e-12 (as the networkx comparison script does).
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool {
    abs(b) < 1e-12 ? abs(a - b) <= 1e-12 : abs(a - b) / abs(b) <= tolerance
}

func unit(_ pairs: [(Int, Int)]) -> [(Int, Int, Double)] { pairs.map { ($0.0, $0.1, 1.0) } }

@Suite struct GraphAnalyticsTests {
    // Values below were computed with networkx 3.6 (pagerank alpha 0.85 at tol 1e-15, betweenness_centrality).

    @Test func pathGraph() {
        let m = GraphAnalytics.compute(nodeCount: 5, edges: unit([(0, 1), (1, 2), (2, 3), (3, 4)]))
        #expect(m.map(\.degree) == [1, 2, 2, 2, 1])
        let pagerank = [0.134527027027, 0.245945945946, 0.239054054054, 0.245945945946, 0.134527027027]
        let betweenness = [0.0, 0.5, 2.0 / 3.0, 0.5, 0.0]
        for v in 0..<5 {
            #expect(close(m[v].pagerank, pagerank[v]), "pagerank \(v): \(m[v].pagerank)")
            #expect(close(m[v].betweenness, betweenness[v]), "betweenness \(v): \(m[v].betweenness)")
        }
        #expect(m.allSatisfy { $0.component == 0 })
    }

    @Test func star() {
        let m = GraphAnalytics.compute(nodeCount: 5, edges: unit([(0, 1), (0, 2), (0, 3), (0, 4)]))
        #expect(m.map(\.degree) == [4, 1, 1, 1, 1])
        #expect(close(m[0].pagerank, 0.475675675676))
        for v in 1..<5 { #expect(close(m[v].pagerank, 0.131081081081)) }
        #expect(close(m[0].betweenness, 1.0))
        for v in 1..<5 { #expect(m[v].betweenness == 0) }
    }

    @Test func twoTrianglesJoinedByABridge() {
        let edges = unit([(0, 1), (0, 2), (1, 2), (2, 3), (3, 4), (3, 5), (4, 5)])
        let m = GraphAnalytics.compute(nodeCount: 6, edges: edges)
        let pagerank = [0.14598540146, 0.14598540146, 0.20802919708, 0.20802919708, 0.14598540146, 0.14598540146]
        for v in 0..<6 { #expect(close(m[v].pagerank, pagerank[v])) }
        #expect(m.map(\.betweenness).map { ($0 * 1e9).rounded() / 1e9 } == [0, 0, 0.6, 0.6, 0, 0])
        // Louvain splits at the bridge; equal sizes, so the community of node 0 is numbered first.
        #expect(m.map(\.community) == [0, 0, 0, 1, 1, 1])
        let q = GraphAnalytics.modularity(nodeCount: 6, edges: edges, communities: m.map(\.community))
        #expect(abs(q - 2 * (3.0 / 7 - 0.25)) < 1e-12)
    }

    @Test func weightedPageRankAndDegree() {
        let m = GraphAnalytics.compute(nodeCount: 4, edges: [(0, 1, 1), (1, 2, 2), (0, 2, 3), (2, 3, 5)])
        #expect(m.map(\.weightedDegree) == [4, 3, 10, 5])
        let pagerank = [0.191362217094, 0.152023695585, 0.43446602619, 0.222148061131]
        for v in 0..<4 { #expect(close(m[v].pagerank, pagerank[v]), "pagerank \(v): \(m[v].pagerank)") }
        #expect(close(m[2].betweenness, 2.0 / 3.0))
    }

    @Test func disconnectedGraphWithIsolatedNode() {
        // Components {0,1}, {2,3,4,5}, {6}.
        let m = GraphAnalytics.compute(nodeCount: 7, edges: unit([(0, 1), (2, 3), (3, 4), (4, 5)]))
        #expect(m.map(\.component) == [1, 1, 0, 0, 0, 0, 2])
        let pagerank = [0.162601626016, 0.162601626016, 0.114106404222, 0.211096847811, 0.211096847811,
                        0.114106404222, 0.024390243902]
        for v in 0..<7 { #expect(close(m[v].pagerank, pagerank[v]), "pagerank \(v): \(m[v].pagerank)") }
        #expect(close(m[3].betweenness, 0.133333333333))
        #expect(m[6].degree == 0 && m[6].betweenness == 0)
        // The isolated node is a community of its own, numbered after the larger ones.
        #expect(m[6].community == Set(m.map(\.community)).count - 1)
        #expect(Set(m[0...1].map(\.community)).count == 1)
        #expect(Set(m[0...1].map(\.community)).isDisjoint(with: m[2...5].map(\.community)))
    }

    @Test func emptyGraphs() {
        #expect(GraphAnalytics.compute(nodeCount: 0, edges: []).isEmpty)
        let m = GraphAnalytics.compute(nodeCount: 3, edges: [])
        #expect(m.map(\.component) == [0, 1, 2])
        #expect(m.map(\.community) == [0, 1, 2])
        for v in 0..<3 {
            #expect(close(m[v].pagerank, 1.0 / 3))
            #expect(m[v].degree == 0 && m[v].betweenness == 0)
        }
        let single = GraphAnalytics.compute(nodeCount: 1, edges: [])
        #expect(single.count == 1 && close(single[0].pagerank, 1))
    }

    @Test func karateClub() {
        let m = GraphAnalytics.compute(nodeCount: 34, edges: unit(Karate.edges))
        #expect(Karate.edges.count == 78)
        for v in 0..<34 {
            #expect(close(m[v].pagerank, Karate.pagerank[v]), "pagerank \(v): \(m[v].pagerank)")
            #expect(close(m[v].betweenness, Karate.betweenness[v]), "betweenness \(v): \(m[v].betweenness)")
        }
        #expect(abs(m.map(\.pagerank).reduce(0, +) - 1) < 1e-12)
        let communities = m.map(\.community)
        #expect(Set(communities).count >= 2)
        let q = GraphAnalytics.modularity(nodeCount: 34, edges: unit(Karate.edges), communities: communities)
        #expect(q >= 0.37, "modularity \(q)")
        // Numbered by size, largest first.
        let sizes = (0..<Set(communities).count).map { c in communities.filter { $0 == c }.count }
        #expect(sizes == sizes.sorted(by: >))
    }

    /// Brandes against a brute force over all pairs (path counts from BFS distances) on random graphs.
    @Test func betweennessMatchesBruteForce() {
        var rng = SplitMix64(seed: 7)
        for trial in 0..<4 {
            let n = 30 + trial * 5
            var pairs = Set<[Int]>()
            while pairs.count < n * 2 {
                let a = Int(rng.next() % UInt64(n)), b = Int(rng.next() % UInt64(n))
                if a != b { pairs.insert([min(a, b), max(a, b)]) }
            }
            let edges = pairs.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0[0], $0[1], 1.0) }
            let expected = bruteForceBetweenness(n: n, edges: edges)
            for threads in [1, 2] {
                var options = AnalyticsOptions()
                options.threads = threads
                let m = GraphAnalytics.compute(nodeCount: n, edges: edges, options: options)
                for v in 0..<n { #expect(close(m[v].betweenness, expected[v], 1e-9), "trial \(trial) node \(v)") }
            }
        }
    }

    @Test func betweennessModes() {
        let edges = unit(Karate.edges)
        var options = AnalyticsOptions()
        options.betweenness = .skip
        #expect(GraphAnalytics.compute(nodeCount: 34, edges: edges, options: options).allSatisfy { $0.betweenness == 0 })
        // Sampling every node is exact.
        options.betweenness = .sampled(sources: 34, seed: 3)
        let all = GraphAnalytics.compute(nodeCount: 34, edges: edges, options: options)
        for v in 0..<34 { #expect(close(all[v].betweenness, Karate.betweenness[v])) }
        // A sample gives a rough, reproducible estimate that still finds the two leaders.
        options.betweenness = .sampled(sources: 20, seed: 3)
        let a = GraphAnalytics.compute(nodeCount: 34, edges: edges, options: options)
        let b = GraphAnalytics.compute(nodeCount: 34, edges: edges, options: options)
        #expect(a == b)
        let leaders = Set((0..<34).sorted { a[$0].betweenness > a[$1].betweenness }.prefix(2))
        #expect(leaders == [0, 33])
        // Automatic: exact below the limit, sampled above it.
        options.betweenness = .automatic
        options.exactBetweennessLimit = 10
        #expect(GraphAnalytics.resolvedMode(options, nodeCount: 34) != .exact)
        options.exactBetweennessLimit = 50_000
        #expect(GraphAnalytics.resolvedMode(options, nodeCount: 34) == .exact)
    }

    @Test func annotateStoresMetricsOnNodes() {
        let graph = ActorGraph(nodes: (0..<3).map { ActorNode(id: "a\($0)", name: "A\($0)", type: .person) },
                               edges: [ActorEdge(source: 0, target: 1, weight: 2, documents: 1, first: nil, last: nil),
                                       ActorEdge(source: 1, target: 2, weight: 1, documents: 1, first: nil, last: nil)])
        let annotated = GraphAnalytics.annotate(graph)
        #expect(annotated.nodes.map(\.metrics.degree) == [1, 2, 1])
        #expect(annotated.nodes.map(\.metrics.weightedDegree) == [2, 3, 1])
        #expect(annotated.nodes[1].metrics.betweenness == 1)
    }
}

/// Betweenness by definition: for each pair (s, t), v lies on σ(s,v)·σ(v,t) of the σ(s,t) shortest paths
/// when d(s,v) + d(v,t) = d(s,t). Normalized like networkx for undirected graphs.
func bruteForceBetweenness(n: Int, edges: [(Int, Int, Double)]) -> [Double] {
    var adjacency = [[Int]](repeating: [], count: n)
    for (a, b, _) in edges { adjacency[a].append(b); adjacency[b].append(a) }
    var dist = [[Int]](repeating: [Int](repeating: -1, count: n), count: n)
    var sigma = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for s in 0..<n {
        dist[s][s] = 0; sigma[s][s] = 1
        var queue = [s], head = 0
        while head < queue.count {
            let v = queue[head]; head += 1
            for w in adjacency[v] {
                if dist[s][w] < 0 { dist[s][w] = dist[s][v] + 1; queue.append(w) }
                if dist[s][w] == dist[s][v] + 1 { sigma[s][w] += sigma[s][v] }
            }
        }
    }
    var bc = [Double](repeating: 0, count: n)
    for s in 0..<n {
        for t in 0..<n where t != s && dist[s][t] > 0 {
            for v in 0..<n where v != s && v != t && dist[s][v] > 0 && dist[v][t] > 0
                && dist[s][v] + dist[v][t] == dist[s][t] {
                bc[v] += sigma[s][v] * sigma[v][t] / sigma[s][t]
            }
        }
    }
    return n > 2 ? bc.map { $0 / Double((n - 1) * (n - 2)) } : bc
}

import Foundation

/// How much betweenness to compute. Exact Brandes costs O(n·m), which grows quickly past ~50k nodes.
public enum BetweennessMode: Hashable, Sendable {
    /// Exact up to `AnalyticsOptions.exactBetweennessLimit` nodes, sampled (`automaticSamples` sources) above.
    case automatic
    /// Exact: every node is a BFS source.
    case exact
    /// Estimate from `sources` BFS sources drawn with a seeded generator, scaled by n / sources
    /// (unbiased; relative error roughly 1/√sources on central nodes, noisy on peripheral ones).
    case sampled(sources: Int, seed: UInt64)
    /// Leave betweenness at 0.
    case skip
}

/// Settings of `GraphAnalytics.compute`. The defaults reproduce networkx's defaults.
public struct AnalyticsOptions: Hashable, Sendable {
    public var betweenness: BetweennessMode = .automatic
    /// Largest node count for which `.automatic` betweenness is exact.
    public var exactBetweennessLimit = 5_000
    /// BFS sources `.automatic` uses above the limit.
    public var automaticSamples = 500
    public var pagerankAlpha = 0.85
    /// Stop PageRank when the L1 change of an iteration is below `n * tolerance` (networkx's rule; 1e-18 is near the
    /// rounding floor, and iteration also stops once the change no longer shrinks).
    public var pagerankTolerance = 1e-18
    public var louvainResolution = 1.0
    public var communities = true
    /// Worker threads for betweenness.
    public var threads = ProcessInfo.processInfo.activeProcessorCount

    public init() {}
}

/// Wall-clock seconds spent in each measure, for benchmarks.
public struct AnalyticsTimings: Sendable {
    public var pagerank = 0.0
    public var betweenness = 0.0
    public var components = 0.0
    public var communities = 0.0

    public init() {}
}

/// Degree, weighted degree, PageRank, betweenness, components and communities of an undirected weighted graph.
public enum GraphAnalytics {
    /// - Parameters:
    ///   - nodeCount: nodes are 0..<nodeCount.
    ///   - edges: undirected edges (a, b, weight), a != b, each pair at most once.
    public static func compute(nodeCount: Int, edges: [(Int, Int, Double)]) -> [NodeMetrics] {
        compute(nodeCount: nodeCount, edges: edges, options: AnalyticsOptions())
    }

    public static func compute(nodeCount: Int, edges: [(Int, Int, Double)], options: AnalyticsOptions) -> [NodeMetrics] {
        var timings = AnalyticsTimings()
        return compute(nodeCount: nodeCount, edges: edges, options: options, timings: &timings)
    }

    public static func compute(nodeCount: Int, edges: [(Int, Int, Double)], options: AnalyticsOptions,
                               timings: inout AnalyticsTimings) -> [NodeMetrics] {
        let graph = AdjacencyArrays(nodeCount: nodeCount, edges: edges)
        let strengths = graph.strengths()
        var clock = DispatchTime.now().uptimeNanoseconds
        func lap() -> Double {
            let now = DispatchTime.now().uptimeNanoseconds
            defer { clock = now }
            return Double(now - clock) / 1e9
        }

        let pagerank = PageRank.compute(graph, strengths: strengths, alpha: options.pagerankAlpha,
                                        tolerance: options.pagerankTolerance)
        timings.pagerank = lap()

        let betweenness: [Double]
        switch resolvedMode(options, nodeCount: nodeCount) {
        case .skip:
            betweenness = [Double](repeating: 0, count: nodeCount)
        case .sampled(let k, let seed):
            betweenness = Betweenness.compute(graph, sources: sampleSources(count: k, of: nodeCount, seed: seed),
                                              threads: options.threads)
        case .exact, .automatic:
            betweenness = Betweenness.compute(graph, threads: options.threads)
        }
        timings.betweenness = lap()

        let (componentLabels, componentCount) = Components.labels(graph)
        let components = numberGroupsBySize(componentLabels, labelCount: componentCount)
        timings.components = lap()

        var communities = [Int](repeating: 0, count: nodeCount)
        if options.communities {
            let (labels, count) = Louvain.communities(graph, resolution: options.louvainResolution)
            communities = numberGroupsBySize(labels, labelCount: count)
        }
        timings.communities = lap()

        var metrics = [NodeMetrics](repeating: NodeMetrics(), count: nodeCount)
        for v in 0..<nodeCount {
            metrics[v].degree = graph.degree(v)
            metrics[v].weightedDegree = strengths[v]
            metrics[v].pagerank = pagerank[v]
            metrics[v].betweenness = betweenness[v]
            metrics[v].component = components[v]
            metrics[v].community = communities[v]
        }
        return metrics
    }

    /// The metrics of `graph`'s nodes (edge `weight` as the weight), stored into each node's `metrics`.
    public static func annotate(_ graph: ActorGraph, options: AnalyticsOptions = AnalyticsOptions()) -> ActorGraph {
        var result = graph
        let metrics = compute(nodeCount: graph.nodes.count,
                              edges: graph.edges.map { ($0.source, $0.target, Double($0.weight)) }, options: options)
        for i in result.nodes.indices { result.nodes[i].metrics = metrics[i] }
        return result
    }

    /// Modularity (weighted, networkx's definition) of a partition given as a community number per node.
    public static func modularity(nodeCount: Int, edges: [(Int, Int, Double)], communities: [Int],
                                  resolution: Double = 1) -> Double {
        let graph = AdjacencyArrays(nodeCount: nodeCount, edges: edges)
        let m = graph.strengths().reduce(0, +) / 2
        guard m > 0 else { return 0 }
        let count = (communities.max() ?? -1) + 1
        return Louvain.modularity(graph, selfLoops: [Double](repeating: 0, count: nodeCount),
                                  partition: communities.map { Int32($0) }, count: count, m: m, resolution: resolution)
    }

    static func resolvedMode(_ options: AnalyticsOptions, nodeCount: Int) -> BetweennessMode {
        switch options.betweenness {
        case .automatic:
            return nodeCount <= options.exactBetweennessLimit
                ? .exact : .sampled(sources: options.automaticSamples, seed: 0x4E65_7773_4772_6170)
        case .sampled(let k, _) where k >= nodeCount:
            return .exact
        default:
            return options.betweenness
        }
    }

    /// `count` distinct nodes, drawn by a partial Fisher–Yates shuffle with SplitMix64 (reproducible everywhere).
    static func sampleSources(count: Int, of n: Int, seed: UInt64) -> [Int] {
        var random = SplitMix64(seed: seed)
        var nodes = Array(0..<n)
        let k = max(0, min(count, n))
        for i in 0..<k {
            let j = i + random.int(n - i)
            nodes.swapAt(i, j)
        }
        return Array(nodes[0..<k]).sorted()
    }
}

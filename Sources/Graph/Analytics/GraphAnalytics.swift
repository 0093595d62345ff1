/// Degree, weighted degree, PageRank, betweenness, components and communities of an undirected weighted graph.
///
/// PLACEHOLDER: the real implementation replaces this body.
public enum GraphAnalytics {
    /// - Parameters:
    ///   - nodeCount: nodes are 0..<nodeCount.
    ///   - edges: undirected edges (a, b, weight), a != b, each pair at most once.
    public static func compute(nodeCount: Int, edges: [(Int, Int, Double)]) -> [NodeMetrics] {
        var metrics = [NodeMetrics](repeating: NodeMetrics(), count: nodeCount)
        for (a, b, w) in edges {
            metrics[a].degree += 1
            metrics[b].degree += 1
            metrics[a].weightedDegree += w
            metrics[b].weightedDegree += w
        }
        return metrics
    }
}

/// Weighted PageRank with networkx's `pagerank` semantics on an undirected graph (each edge walked both ways):
/// uniform teleport, dangling nodes (no edge weight) spread their rank uniformly, start from 1/n.
///
/// networkx stops once the L1 change of an iteration falls below `n * tol`; we run to a far tighter
/// tolerance so our values are the fixed point that networkx approaches, not one of its intermediate steps.
enum PageRank {
    static func compute(_ graph: AdjacencyArrays, strengths: [Double], alpha: Double = 0.85,
                        tolerance: Double = 1e-18, maxIterations: Int = 10_000) -> [Double] {
        let n = graph.nodeCount
        guard n > 0 else { return [] }
        let uniform = 1.0 / Double(n)
        var x = [Double](repeating: uniform, count: n)
        var next = [Double](repeating: 0, count: n)
        // Share of its rank a node sends along each unit of edge weight (0 for dangling nodes).
        var share = [Double](repeating: 0, count: n)
        let inverse = strengths.map { $0 != 0 ? 1.0 / $0 : 0 }
        let dangling = (0..<n).filter { strengths[$0] == 0 }
        var previousError = Double.infinity
        var stalled = 0
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.neighbors.withUnsafeBufferPointer { neighbors in
                graph.weights.withUnsafeBufferPointer { weights in
                    for _ in 0..<maxIterations {
                        var danglingSum = 0.0
                        for v in dangling { danglingSum += x[v] }
                        for v in 0..<n { share[v] = x[v] * inverse[v] }
                        let base = alpha * danglingSum * uniform + (1 - alpha) * uniform
                        var error = 0.0
                        for v in 0..<n {
                            var incoming = 0.0
                            for i in Int(offsets[v])..<Int(offsets[v + 1]) {
                                incoming += weights[i] * share[Int(neighbors[i])]
                            }
                            let value = alpha * incoming + base
                            next[v] = value
                            error += abs(value - x[v])
                        }
                        swap(&x, &next)
                        if error < Double(n) * tolerance { break }
                        // Rounding can keep the change from ever reaching the tolerance: stop once it no longer shrinks.
                        if error >= previousError { stalled += 1; if stalled >= 3 { break } } else { stalled = 0 }
                        previousError = error
                    }
                }
            }
        }
        return x
    }
}

import Dispatch

/// Brandes betweenness on unweighted shortest paths, normalized as networkx's `betweenness_centrality(G)`
/// for undirected graphs: the sum over ordered (s, t) pairs divided by (n-1)(n-2).
///
/// Sources are split across threads (strided, for balance); each thread owns its BFS state and its partial sums,
/// which are added in a fixed order so the result does not depend on scheduling.
enum Betweenness {
    /// - Parameters:
    ///   - sources: the BFS sources; nil for all nodes (exact). With a subset, the sums are scaled by n / k.
    ///   - threads: worker count (1 runs inline).
    static func compute(_ graph: AdjacencyArrays, sources: [Int]? = nil, threads: Int) -> [Double] {
        let n = graph.nodeCount
        guard n > 2 else { return [Double](repeating: 0, count: n) }
        let sourceList = sources ?? Array(0..<n)
        let workers = max(1, min(threads, sourceList.count))
        let partials = UnsafeMutableBufferPointer<Double>.allocate(capacity: workers * n)
        partials.initialize(repeating: 0)
        defer { partials.deallocate() }
        let shared = DisjointSlices(base: partials.baseAddress!, length: n)
        let work: @Sendable (Int) -> Void = { worker in
            let slice = shared.slice(worker)
            accumulate(graph, sources: stride(from: worker, to: sourceList.count, by: workers).lazy.map { sourceList[$0] },
                       into: slice)
        }
        if workers == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers, execute: work)
        }
        var result = [Double](repeating: 0, count: n)
        for worker in 0..<workers {
            for v in 0..<n { result[v] += partials[worker * n + v] }
        }
        var scale = 1.0 / (Double(n - 1) * Double(n - 2))
        if sourceList.count < n { scale *= Double(n) / Double(sourceList.count) }
        for v in 0..<n { result[v] *= scale }
        return result
    }

    /// Adds, for each source, the dependency of every node (Brandes' delta) into `bc`.
    private static func accumulate(_ graph: AdjacencyArrays, sources: some Sequence<Int>,
                                   into bc: UnsafeMutableBufferPointer<Double>) {
        let n = graph.nodeCount
        let dist = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        let sigma = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        // (1 + delta[w]) / sigma[w]: what each successor passes back to its predecessors per shortest path.
        let carry = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let order = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        dist.initialize(repeating: -1)
        sigma.initialize(repeating: 0)
        carry.initialize(repeating: 0)
        order.initialize(repeating: 0)
        defer { dist.deallocate(); sigma.deallocate(); carry.deallocate(); order.deallocate() }
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.neighbors.withUnsafeBufferPointer { neighbors in
                for s in sources {
                    // Forward: BFS counting shortest paths.
                    dist[s] = 0
                    sigma[s] = 1
                    order[0] = Int32(s)
                    var head = 0, tail = 1
                    while head < tail {
                        let v = Int(order[head]); head += 1
                        let next = dist[v] + 1
                        let paths = sigma[v]
                        for i in Int(offsets[v])..<Int(offsets[v + 1]) {
                            let w = Int(neighbors[i])
                            let dw = dist[w]
                            if dw < 0 {
                                dist[w] = next
                                order[tail] = Int32(w); tail += 1
                                sigma[w] = paths
                            } else if dw == next {
                                sigma[w] += paths
                            }
                        }
                    }
                    // Backward: pull dependencies from successors, farthest nodes first.
                    var index = tail - 1
                    while index > 0 {
                        let v = Int(order[index]); index -= 1
                        let next = dist[v] + 1
                        var sum = 0.0
                        for i in Int(offsets[v])..<Int(offsets[v + 1]) {
                            let w = Int(neighbors[i])
                            if dist[w] == next { sum += carry[w] }
                        }
                        let delta = sigma[v] * sum
                        bc[v] += delta
                        carry[v] = (1 + delta) / sigma[v]
                    }
                    for k in 0..<tail {
                        let v = Int(order[k])
                        dist[v] = -1
                        carry[v] = 0
                    }
                }
            }
        }
    }
}

/// Per-worker rows of one buffer; each worker writes only its own row, so sharing the pointer is safe.
private struct DisjointSlices: @unchecked Sendable {
    let base: UnsafeMutablePointer<Double>
    let length: Int

    func slice(_ index: Int) -> UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(start: base + index * length, count: length)
    }
}

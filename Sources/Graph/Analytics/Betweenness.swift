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

    /// What the forward BFS keeps per node, packed so that one cache line answers an arc.
    private struct NodeState {
        var dist: Int32 = -1
        /// Position of the node in the BFS order.
        var position: Int32 = 0
        /// Number of shortest paths from the source.
        var sigma: Double = 0
    }

    /// Adds, for each source, the dependency of every node (Brandes' delta) into `bc`.
    ///
    /// The forward BFS records each node's successors (as BFS positions) in one flat buffer, so the backward
    /// pass reads only DAG arcs, sequentially, instead of rescanning every adjacency row.
    private static func accumulate(_ graph: AdjacencyArrays, sources: some Sequence<Int>,
                                   into bc: UnsafeMutableBufferPointer<Double>) {
        let n = graph.nodeCount
        let state = UnsafeMutableBufferPointer<NodeState>.allocate(capacity: n)
        state.initialize(repeating: NodeState())
        let order = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        order.initialize(repeating: 0)
        // Successor positions of the node at BFS position k: successors[successorStart[k]..<successorStart[k + 1]].
        let successorStart = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n + 1)
        successorStart.initialize(repeating: 0)
        let successors = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(1, graph.neighbors.count))
        successors.initialize(repeating: 0)
        // (1 + delta) / sigma of the node at each BFS position: what it passes back per shortest path through it.
        let carry = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        carry.initialize(repeating: 0)
        defer {
            state.deallocate(); order.deallocate(); successorStart.deallocate(); successors.deallocate()
            carry.deallocate()
        }
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.neighbors.withUnsafeBufferPointer { neighbors in
                for s in sources {
                    // Forward: BFS counting shortest paths.
                    state[s] = NodeState(dist: 0, position: 0, sigma: 1)
                    order[0] = Int32(s)
                    var head = 0, tail = 1, arcs = 0
                    while head < tail {
                        let v = Int(order[head])
                        successorStart[head] = Int32(arcs)
                        head += 1
                        let next = state[v].dist + 1
                        let paths = state[v].sigma
                        for i in Int(offsets[v])..<Int(offsets[v + 1]) {
                            let w = Int(neighbors[i])
                            let dw = state[w].dist
                            if dw < 0 {
                                state[w] = NodeState(dist: next, position: Int32(tail), sigma: paths)
                                order[tail] = Int32(w)
                                successors[arcs] = Int32(tail)
                                tail += 1; arcs += 1
                            } else if dw == next {
                                state[w].sigma += paths
                                successors[arcs] = state[w].position
                                arcs += 1
                            }
                        }
                    }
                    successorStart[tail] = Int32(arcs)
                    // Backward: farthest nodes first, each pulls from its successors.
                    var k = tail - 1
                    while k > 0 {
                        var sum = 0.0
                        for a in Int(successorStart[k])..<Int(successorStart[k + 1]) { sum += carry[Int(successors[a])] }
                        let v = Int(order[k])
                        let sigma = state[v].sigma
                        let delta = sigma * sum
                        bc[v] += delta
                        carry[k] = (1 + delta) / sigma
                        k -= 1
                    }
                    for k in 0..<tail { state[Int(order[k])].dist = -1 }
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

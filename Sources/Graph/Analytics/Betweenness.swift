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
        let sourceList = sources ?? Array(0..<n)
        guard n > 2, !sourceList.isEmpty else { return [Double](repeating: 0, count: n) }
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
    ///
    /// Everything but the visited mark is indexed by BFS position, not node: the only per-node array touched
    /// per arc is `position` (4 bytes a node, so it stays in cache), a node's level is known from where its
    /// position falls, and the forward pass records successors as positions in one flat buffer so the backward
    /// pass reads only DAG arcs, sequentially, instead of rescanning every adjacency row.
    private static func accumulate(_ graph: AdjacencyArrays, sources: some Sequence<Int>,
                                   into bc: UnsafeMutableBufferPointer<Double>) {
        let n = graph.nodeCount
        func buffer<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
            let b = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
            b.initialize(repeating: value)
            return b
        }
        let position = buffer(n, Int32(-1))  // BFS position of each node, -1 when not reached
        let order = buffer(n, Int32(0))  // node at each position
        let sigma = buffer(n, 0.0)  // shortest paths from the source to the node at each position
        // (1 + delta) / sigma of the node at each position: what it passes back per shortest path through it.
        let carry = buffer(n, 0.0)
        // Successor positions of the node at position k: successors[successorStart[k]..<successorStart[k + 1]].
        let successorStart = buffer(n + 1, Int32(0))
        let successors = buffer(max(1, graph.neighbors.count), Int32(0))
        defer {
            position.deallocate(); order.deallocate(); sigma.deallocate(); carry.deallocate()
            successorStart.deallocate(); successors.deallocate()
        }
        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.neighbors.withUnsafeBufferPointer { neighbors in
                for s in sources {
                    // Forward: BFS counting shortest paths. Positions from `levelEnd` on hold the next level.
                    position[s] = 0
                    order[0] = Int32(s)
                    sigma[0] = 1
                    var head = 0, tail = 1, arcs = 0, levelEnd = 1
                    while head < tail {
                        if head == levelEnd { levelEnd = tail }
                        let v = Int(order[head])
                        let paths = sigma[head]
                        successorStart[head] = Int32(arcs)
                        head += 1
                        for i in Int(offsets[v])..<Int(offsets[v + 1]) {
                            let w = Int(neighbors[i])
                            let p = Int(position[w])
                            if p < 0 {
                                position[w] = Int32(tail)
                                order[tail] = Int32(w)
                                sigma[tail] = paths
                                successors[arcs] = Int32(tail)
                                tail += 1; arcs += 1
                            } else if p >= levelEnd {
                                sigma[p] += paths
                                successors[arcs] = Int32(p)
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
                        let delta = sigma[k] * sum
                        bc[Int(order[k])] += delta
                        carry[k] = (1 + delta) / sigma[k]
                        k -= 1
                    }
                    for k in 0..<tail { position[Int(order[k])] = -1 }
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

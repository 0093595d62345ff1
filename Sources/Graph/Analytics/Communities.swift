/// Connected components and Louvain communities.
enum Components {
    /// Component label of each node, in order of discovery (BFS from the lowest unlabeled node).
    static func labels(_ graph: AdjacencyArrays) -> (labels: [Int32], count: Int) {
        let n = graph.nodeCount
        var label = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var count: Int32 = 0
        for start in 0..<n where label[start] < 0 {
            label[start] = count
            queue[0] = Int32(start)
            var head = 0, tail = 1
            while head < tail {
                let v = Int(queue[head]); head += 1
                for i in Int(graph.offsets[v])..<Int(graph.offsets[v + 1]) {
                    let w = Int(graph.neighbors[i])
                    if label[w] < 0 { label[w] = count; queue[tail] = Int32(w); tail += 1 }
                }
            }
            count += 1
        }
        return (label, Int(count))
    }
}

/// Louvain community detection (Blondel et al. 2008) following networkx's `louvain_communities`:
/// weighted modularity with a resolution, local moving until no node gains, then aggregation of communities
/// into nodes, repeated while modularity grows by more than `threshold`.
///
/// Deterministic: nodes are visited in index order instead of networkx's seeded shuffle, so our partition is
/// a valid Louvain result but not necessarily networkx's.
enum Louvain {
    static func communities(_ graph: AdjacencyArrays, resolution: Double = 1, threshold: Double = 1e-7)
        -> (labels: [Int32], count: Int)
    {
        let n = graph.nodeCount
        var membership = (0..<n).map { Int32($0) }  // original node → node of the current level
        var level = graph
        var selfLoops = [Double](repeating: 0, count: n)
        let m = graph.strengths().reduce(0, +) / 2
        guard m > 0 else { return (membership, n) }
        var modularity = Self.modularity(level, selfLoops: selfLoops,
                                         partition: (0..<n).map { Int32($0) }, count: n, m: m, resolution: resolution)
        while true {
            let (partition, count, moved) = oneLevel(level, selfLoops: selfLoops, m: m, resolution: resolution)
            if !moved { break }
            for v in 0..<n { membership[v] = partition[Int(membership[v])] }
            let newModularity = Self.modularity(level, selfLoops: selfLoops, partition: partition, count: count,
                                                m: m, resolution: resolution)
            if newModularity - modularity <= threshold { break }
            modularity = newModularity
            (level, selfLoops) = aggregate(level, selfLoops: selfLoops, partition: partition, count: count)
        }
        // Every label of the last level is used by some original node, so labels are 0..<max+1.
        return (membership, membership.max().map { Int($0) + 1 } ?? 0)
    }

    /// Local moving: each node in turn joins the neighbouring community with the best positive modularity gain.
    /// Returns community labels compacted to 0..<count (in order of first node) and whether any node moved.
    private static func oneLevel(_ g: AdjacencyArrays, selfLoops: [Double], m: Double, resolution: Double)
        -> (partition: [Int32], count: Int, moved: Bool)
    {
        let n = g.nodeCount
        var community = (0..<n).map { Int32($0) }
        var degree = g.strengths()
        for v in 0..<n { degree[v] += 2 * selfLoops[v] }
        var total = degree  // Σ degrees of each community
        var weightTo = [Double](repeating: 0, count: n)
        var seen = [Bool](repeating: false, count: n)
        var touched = [Int32]()
        touched.reserveCapacity(64)
        var moved = false
        let twoMSquared = 2 * m * m
        var passes = 0
        var moves = 1
        while moves > 0 && passes < 1000 {
            moves = 0
            passes += 1
            for u in 0..<n {
                let own = Int(community[u])
                for i in Int(g.offsets[u])..<Int(g.offsets[u + 1]) {
                    let c = Int(community[Int(g.neighbors[i])])
                    if !seen[c] { seen[c] = true; touched.append(Int32(c)) }
                    weightTo[c] += g.weights[i]
                }
                let k = degree[u]
                total[own] -= k
                let removeCost = -weightTo[own] / m + resolution * total[own] * k / twoMSquared
                var best = own
                var bestGain = 0.0
                for c32 in touched {
                    let c = Int(c32)
                    let gain = removeCost + weightTo[c] / m - resolution * total[c] * k / twoMSquared
                    if gain > bestGain { bestGain = gain; best = c }
                }
                total[best] += k
                for c in touched { weightTo[Int(c)] = 0; seen[Int(c)] = false }
                touched.removeAll(keepingCapacity: true)
                if best != own {
                    community[u] = Int32(best)
                    moves += 1
                    moved = true
                }
            }
        }
        var relabel = [Int32](repeating: -1, count: n)
        var count: Int32 = 0
        for u in 0..<n {
            let c = Int(community[u])
            if relabel[c] < 0 { relabel[c] = count; count += 1 }
            community[u] = relabel[c]
        }
        return (community, Int(count), moved)
    }

    /// Modularity of `partition` on a level graph whose nodes may carry self-loops (weight counted once).
    static func modularity(_ g: AdjacencyArrays, selfLoops: [Double], partition: [Int32], count: Int, m: Double,
                           resolution: Double) -> Double {
        var inner = [Double](repeating: 0, count: count)
        var degreeSum = [Double](repeating: 0, count: count)
        for u in 0..<g.nodeCount {
            let c = Int(partition[u])
            inner[c] += selfLoops[u]
            degreeSum[c] += 2 * selfLoops[u]
            for i in Int(g.offsets[u])..<Int(g.offsets[u + 1]) {
                let w = g.weights[i]
                degreeSum[c] += w
                if partition[Int(g.neighbors[i])] == Int32(c) { inner[c] += w / 2 }
            }
        }
        var q = 0.0
        for c in 0..<count {
            q += inner[c] / m - resolution * (degreeSum[c] / (2 * m)) * (degreeSum[c] / (2 * m))
        }
        return q
    }

    /// One node per community; edges summed, edges inside a community become its self-loop.
    private static func aggregate(_ g: AdjacencyArrays, selfLoops: [Double], partition: [Int32], count: Int)
        -> (AdjacencyArrays, [Double])
    {
        let n = g.nodeCount
        // Members of each community, by counting sort.
        var start = [Int](repeating: 0, count: count + 1)
        for u in 0..<n { start[Int(partition[u]) + 1] += 1 }
        for c in 0..<count { start[c + 1] += start[c] }
        var fill = start
        var members = [Int32](repeating: 0, count: n)
        for u in 0..<n { let c = Int(partition[u]); members[fill[c]] = Int32(u); fill[c] += 1 }

        var newSelf = [Double](repeating: 0, count: count)
        var offsets = [Int32](repeating: 0, count: count + 1)
        var neighbors = [Int32]()
        var weights = [Double]()
        var weightTo = [Double](repeating: 0, count: count)
        var seen = [Bool](repeating: false, count: count)
        var touched = [Int32]()
        for c in 0..<count {
            for k in start[c]..<start[c + 1] {
                let u = Int(members[k])
                newSelf[c] += selfLoops[u]
                for i in Int(g.offsets[u])..<Int(g.offsets[u + 1]) {
                    let v = Int(g.neighbors[i])
                    let d = Int(partition[v])
                    if d == c {
                        if u < v { newSelf[c] += g.weights[i] }
                    } else {
                        if !seen[d] { seen[d] = true; touched.append(Int32(d)) }
                        weightTo[d] += g.weights[i]
                    }
                }
            }
            for d in touched {
                neighbors.append(d)
                weights.append(weightTo[Int(d)])
                weightTo[Int(d)] = 0
                seen[Int(d)] = false
            }
            touched.removeAll(keepingCapacity: true)
            offsets[c + 1] = Int32(neighbors.count)
        }
        return (AdjacencyArrays(nodeCount: count, offsets: offsets, neighbors: neighbors, weights: weights), newSelf)
    }
}

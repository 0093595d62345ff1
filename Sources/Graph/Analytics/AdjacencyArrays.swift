/// An undirected weighted graph as compressed sparse rows: the neighbours of node `v` are
/// `neighbors[offsets[v]..<offsets[v + 1]]`, each edge stored in both directions.
///
/// Flat `Int32` / `Double` arrays keep the hot loops of the analytics cache-friendly and free of hashing.
struct AdjacencyArrays: Sendable {
    let nodeCount: Int
    /// `nodeCount + 1` row starts.
    let offsets: [Int32]
    let neighbors: [Int32]
    let weights: [Double]

    /// Builds the rows from an edge list. Self-loops are ignored (the analytics expect none);
    /// neighbours within a row keep the order of the edge list.
    init(nodeCount: Int, edges: [(Int, Int, Double)]) {
        precondition(nodeCount < Int(Int32.max), "node count exceeds Int32 indices")
        var counts = [Int32](repeating: 0, count: nodeCount + 1)
        for (a, b, _) in edges where a != b {
            precondition(a >= 0 && a < nodeCount && b >= 0 && b < nodeCount, "edge end out of range")
            counts[a + 1] += 1
            counts[b + 1] += 1
        }
        for i in 0..<nodeCount { counts[i + 1] += counts[i] }
        var cursor = counts
        var neighbors = [Int32](repeating: 0, count: Int(counts[nodeCount]))
        var weights = [Double](repeating: 0, count: Int(counts[nodeCount]))
        for (a, b, w) in edges where a != b {
            let ia = Int(cursor[a]), ib = Int(cursor[b])
            neighbors[ia] = Int32(b); weights[ia] = w; cursor[a] += 1
            neighbors[ib] = Int32(a); weights[ib] = w; cursor[b] += 1
        }
        self.nodeCount = nodeCount
        self.offsets = counts
        self.neighbors = neighbors
        self.weights = weights
    }

    init(nodeCount: Int, offsets: [Int32], neighbors: [Int32], weights: [Double]) {
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.neighbors = neighbors
        self.weights = weights
    }

    @inline(__always) func degree(_ v: Int) -> Int { Int(offsets[v + 1] - offsets[v]) }

    /// Sum of the weights of each node's edges.
    func strengths() -> [Double] {
        var s = [Double](repeating: 0, count: nodeCount)
        for v in 0..<nodeCount {
            var total = 0.0
            for i in Int(offsets[v])..<Int(offsets[v + 1]) { total += weights[i] }
            s[v] = total
        }
        return s
    }
}

/// Numbers groups 0 = largest, ties broken by the group's smallest node index, so output is stable.
/// - Parameter labels: any group label per node (`0..<labelCount`).
/// - Returns: the renumbered label of each node.
func numberGroupsBySize(_ labels: [Int32], labelCount: Int) -> [Int] {
    var size = [Int](repeating: 0, count: labelCount)
    var smallest = [Int](repeating: Int.max, count: labelCount)
    for (v, l) in labels.enumerated() {
        size[Int(l)] += 1
        if v < smallest[Int(l)] { smallest[Int(l)] = v }
    }
    let used = (0..<labelCount).filter { size[$0] > 0 }
    let order = used.sorted { size[$0] != size[$1] ? size[$0] > size[$1] : smallest[$0] < smallest[$1] }
    var rank = [Int](repeating: -1, count: labelCount)
    for (r, l) in order.enumerated() { rank[l] = r }
    return labels.map { rank[Int($0)] }
}

import Foundation
import Graph

/// The graph's adjacency in compressed sparse row form, stored as two blobs (see `Schema`), so a path search
/// reads one row instead of every edge. Each actor's links are ordered heaviest first (ties by edge index),
/// which makes breadth-first search prefer strong first hops.
struct Adjacency {
    /// Actor i's links are `links[offsets[i] ..< offsets[i + 1]]`.
    var offsets: [Int32]
    var links: [(neighbor: Int32, edge: Int32)]

    init(offsets: [Int32], links: [(neighbor: Int32, edge: Int32)]) {
        self.offsets = offsets
        self.links = links
    }

    init(_ graph: ActorGraph) {
        let n = graph.nodes.count
        var counts = [Int32](repeating: 0, count: n + 1)
        for e in graph.edges {
            counts[e.source + 1] += 1
            counts[e.target + 1] += 1
        }
        for i in 0..<n { counts[i + 1] += counts[i] }
        offsets = counts
        var fill = Array(counts.dropLast())
        links = Array(repeating: (0, 0), count: Int(counts[n]))
        let order = graph.edges.indices.sorted { (graph.edges[$0].weight, $1) > (graph.edges[$1].weight, $0) }
        for i in order {
            let e = graph.edges[i]
            links[Int(fill[e.source])] = (Int32(e.target), Int32(i))
            fill[e.source] += 1
            links[Int(fill[e.target])] = (Int32(e.source), Int32(i))
            fill[e.target] += 1
        }
    }

    func neighbors(of node: Int) -> ArraySlice<(neighbor: Int32, edge: Int32)> {
        links[Int(offsets[node])..<Int(offsets[node + 1])]
    }

    /// The fewest-hop chain of (node, edge) steps from `a` to `b`, excluding `a`; nil when not connected.
    func shortestPath(from a: Int, to b: Int) -> [(node: Int, edge: Int)]? {
        let n = offsets.count - 1
        guard a >= 0, b >= 0, a < n, b < n else { return nil }
        if a == b { return [] }
        var previous = [Int32](repeating: -1, count: n)  // node → predecessor
        var via = [Int32](repeating: -1, count: n)  // node → edge it was reached by
        previous[a] = Int32(a)
        var frontier = [a]
        search: while !frontier.isEmpty {
            var next = [Int]()
            for node in frontier {
                for link in neighbors(of: node) where previous[Int(link.neighbor)] < 0 {
                    previous[Int(link.neighbor)] = Int32(node)
                    via[Int(link.neighbor)] = link.edge
                    if Int(link.neighbor) == b { break search }
                    next.append(Int(link.neighbor))
                }
            }
            frontier = next
        }
        guard previous[b] >= 0 else { return nil }
        var steps = [(node: Int, edge: Int)]()
        var node = b
        while node != a {
            steps.append((node, Int(via[node])))
            node = Int(previous[node])
        }
        return steps.reversed()
    }

    // MARK: Blobs

    var offsetsBlob: Data { Self.blob(offsets) }
    var linksBlob: Data {
        var flat = [Int32]()
        flat.reserveCapacity(2 * links.count)
        for link in links {
            flat.append(link.neighbor)
            flat.append(link.edge)
        }
        return Self.blob(flat)
    }

    init?(offsetsBlob: Data, linksBlob: Data) {
        let offsets = Self.int32s(offsetsBlob), flat = Self.int32s(linksBlob)
        guard !offsets.isEmpty, flat.count % 2 == 0, Int(offsets.last!) == flat.count / 2 else { return nil }
        self.offsets = offsets
        links = stride(from: 0, to: flat.count, by: 2).map { (flat[$0], flat[$0 + 1]) }
    }

    private static func blob(_ values: [Int32]) -> Data {
        // Stored into one allocation: appending four bytes at a time cost ~100 instructions a value.
        var data = Data(count: values.count * 4)
        data.withUnsafeMutableBytes { raw in
            for (i, v) in values.enumerated() {
                raw.storeBytes(of: v.littleEndian, toByteOffset: 4 * i, as: Int32.self)
            }
        }
        return data
    }

    private static func int32s(_ data: Data) -> [Int32] {
        data.withUnsafeBytes { raw in
            (0..<raw.count / 4).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self)) }
        }
    }
}

// Times GraphMLWriter.write on a random actor graph (fixed seed). Used by scripts/bench_graphml.py, which
// builds a graph of the same size and attribute set in python-igraph and times its write_graphml.
//
//   graphml-bench [nodes] [edges] [output.graphml] [json]
// (with `json`, also times GraphJSONWriter and GEXFWriter on the same graph, written next to the output)
// prints one JSON line: {"nodes":…,"edges":…,"seconds":…,"cpu_seconds":…,"bytes":…}
import Actors
import Export
import Foundation
import Graph

let arguments = CommandLine.arguments
let nodeCount = arguments.count > 1 ? Int(arguments[1]) ?? 100_000 : 100_000
let edgeCount = arguments.count > 2 ? Int(arguments[2]) ?? 1_000_000 : 1_000_000
let output = arguments.count > 3 ? arguments[3] : NSTemporaryDirectory() + "graphml-bench.graphml"

var random = SplitMix64(seed: 20_240_305)
func date(_ r: inout SplitMix64) -> String {
    let d = r.int(28) + 1, m = r.int(12) + 1
    return "2024-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
}
let types = ActorType.allCases
var nodes = [ActorNode]()
nodes.reserveCapacity(nodeCount)
for i in 0..<nodeCount {
    var metrics = NodeMetrics()
    metrics.degree = random.int(50)
    metrics.weightedDegree = Double(random.int(500))
    metrics.pagerank = random.double() / Double(nodeCount)
    metrics.betweenness = random.double() * 0.01
    metrics.component = random.int(10)
    metrics.community = random.int(200)
    nodes.append(ActorNode(id: "actor:\(i)", name: "Actor \(i)", type: types[random.int(types.count)],
                           mentions: random.int(1000), documents: random.int(100), first: date(&random),
                           last: date(&random), metrics: metrics))
}
var edges = [ActorEdge]()
edges.reserveCapacity(edgeCount)
for _ in 0..<edgeCount {
    var a = random.int(nodeCount), b = random.int(nodeCount)
    if a == b { b = (b + 1) % nodeCount }
    if a > b { swap(&a, &b) }
    edges.append(ActorEdge(source: a, target: b, weight: random.int(20) + 1, documents: random.int(10) + 1,
                           first: date(&random), last: date(&random), association: random.double() * 2 - 1))
}
let graph = ActorGraph(nodes: nodes, edges: edges)

/// CPU time of this process: robust when other jobs share the machine, unlike wall time.
func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
let clock = ContinuousClock()
let cpuStart = cpuSeconds()
let start = clock.now
do {
    try GraphMLWriter.write(graph, to: output)
} catch {
    FileHandle.standardError.write(Data("graphml-bench: \(error)\n".utf8))
    exit(1)
}
let elapsed = clock.now - start
let cpu = cpuSeconds() - cpuStart
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
var extra = ""
if arguments.count > 4, arguments[4] == "json" {
    for (name, write) in [("json", { try GraphJSONWriter.write(graph, to: output + ".json") }),
                          ("gexf", { try GEXFWriter.write(graph, to: output + ".gexf") })] as [(String, () throws -> Void)] {
        let t0 = clock.now
        try? write()
        let d = clock.now - t0
        extra += ",\"\(name)_seconds\":\(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)"
    }
}
print("{\"nodes\":\(nodeCount),\"edges\":\(edgeCount),\"seconds\":\(seconds),\"cpu_seconds\":\(cpu),\"bytes\":\(size)\(extra)}")

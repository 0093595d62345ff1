// graph-analytics: recomputes the node metrics of a graph.json (for checking GraphAnalytics against networkx).
//
//   graph-analytics IN.json [OUT.json] [--betweenness auto|exact|skip|sample=K] [--threads N]
//
// Reads "actors" (each with "id") and "edges" ("source", "target" as actor ids or indices, "weight"),
// writes "degree", "weighted_degree", "pagerank", "betweenness", "component", "community" into each actor,
// and prints timings on stderr. OUT defaults to IN (rewritten in place); "-" writes to stdout.
import Foundation
import Graph

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("graph-analytics: \(message)\n".utf8))
    exit(1)
}

var positional = [String]()
var options = AnalyticsOptions()
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--betweenness":
        guard let value = arguments.popFirst() else { fail("--betweenness needs a value") }
        switch value {
        case "auto": options.betweenness = .automatic
        case "exact": options.betweenness = .exact
        case "skip": options.betweenness = .skip
        default:
            guard value.hasPrefix("sample="), let k = Int(value.dropFirst(7)), k > 0 else { fail("bad --betweenness \(value)") }
            options.betweenness = .sampled(sources: k, seed: 1)
        }
    case "--threads":
        guard let value = arguments.popFirst(), let t = Int(value), t > 0 else { fail("--threads needs a number") }
        options.threads = t
    case "-h", "--help":
        print("usage: graph-analytics IN.json [OUT.json] [--betweenness auto|exact|skip|sample=K] [--threads N]")
        exit(0)
    default:
        positional.append(argument)
    }
}
guard let input = positional.first else { fail("usage: graph-analytics IN.json [OUT.json] [options]") }
let output = positional.count > 1 ? positional[1] : input

guard let data = FileManager.default.contents(atPath: input) else { fail("cannot read \(input)") }
guard var root = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
      var actors = root["actors"] as? [[String: Any]] else { fail("\(input): no \"actors\" array") }
let edgeObjects = root["edges"] as? [[String: Any]] ?? []

var index = [String: Int]()
for (i, actor) in actors.enumerated() {
    guard let id = actor["id"] else { fail("actor \(i) has no id") }
    index["\(id)"] = i
}
let actorCount = actors.count
let actorIndex = index
func node(_ value: Any?) -> Int? {
    if let s = value as? String { return actorIndex[s] }
    if let n = value as? Int, n >= 0, n < actorCount { return n }
    return nil
}
var weightByPair = [Int: Double]()  // key a * count + b, a < b
var pairOrder = [Int]()
for (i, edge) in edgeObjects.enumerated() {
    guard let a = node(edge["source"]), let b = node(edge["target"]) else { fail("edge \(i): unknown endpoint") }
    if a == b { continue }
    let w = (edge["weight"] as? NSNumber)?.doubleValue ?? 1
    let key = min(a, b) * actors.count + max(a, b)
    if weightByPair[key] == nil { pairOrder.append(key) }
    weightByPair[key, default: 0] += w
}
let edges = pairOrder.map { ($0 / actors.count, $0 % actors.count, weightByPair[$0]!) }

var timings = AnalyticsTimings()
let start = DispatchTime.now().uptimeNanoseconds
let metrics = GraphAnalytics.compute(nodeCount: actors.count, edges: edges, options: options, timings: &timings)
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9

for i in actors.indices {
    let m = metrics[i]
    actors[i]["degree"] = m.degree
    actors[i]["weighted_degree"] = m.weightedDegree
    actors[i]["pagerank"] = m.pagerank
    actors[i]["betweenness"] = m.betweenness
    actors[i]["component"] = m.component
    actors[i]["community"] = m.community
}
root["actors"] = actors
guard let out = try? JSONSerialization.data(withJSONObject: root, options: [.sortedKeys]) else { fail("cannot encode JSON") }
if output == "-" {
    FileHandle.standardOutput.write(out)
} else if !FileManager.default.createFile(atPath: output, contents: out) {
    fail("cannot write \(output)")
}
let report = String(format: "nodes %d edges %d threads %d: total %.3fs (pagerank %.3fs, betweenness %.3fs, components %.3fs, communities %.3fs)\n",
                    actors.count, edges.count, options.threads, seconds, timings.pagerank, timings.betweenness,
                    timings.components, timings.communities)
FileHandle.standardError.write(Data(report.utf8))

import Actors
import Foundation
import Graph
@testable import Export

/// A small hand-made graph whose names are full of XML, DOT and JSON metacharacters.
enum SampleGraph {
    static let nastyName = "Q&A \"Bob\" <b> node \\ graph; 🙂 \u{1}"
    /// What survives export: the control character is not allowed in XML 1.0 and is dropped.
    static let nastyNameExported = "Q&A \"Bob\" <b> node \\ graph; 🙂 "

    static func make() -> ActorGraph {
        var m0 = NodeMetrics()
        m0.degree = 2; m0.weightedDegree = 5; m0.pagerank = 0.45; m0.betweenness = 1; m0.component = 0; m0.community = 0
        var m1 = NodeMetrics()
        m1.degree = 1; m1.weightedDegree = 3; m1.pagerank = 0.3; m1.community = 1
        var m2 = NodeMetrics()
        m2.degree = 1; m2.weightedDegree = 2; m2.pagerank = 0.25; m2.community = 1
        let nodes = [
            ActorNode(id: "person:bob", name: nastyName, type: .person, aliases: ["Bob", "B. \"Q\" <A>"], mentions: 7,
                      documents: 2, first: "2024-03-01", last: "2024-03-05", metrics: m0),
            ActorNode(id: "country:graph", name: "graph", type: .country, aliases: [], mentions: 3, documents: 1,
                      first: "2024-03-05", last: "2024-03-05", metrics: m1),
            ActorNode(id: "org:strict", name: "strict\nnode", type: .organization, aliases: ["Strict Inc."], mentions: 2,
                      documents: 1, first: nil, last: nil, metrics: m2),
        ]
        let edges = [
            ActorEdge(source: 0, target: 1, weight: 3, documents: 2, first: "2024-03-01", last: "2024-03-05",
                      association: 0.62, eventTypes: ["meet", "negotiate"],
                      evidence: [Evidence(document: "d1", sentence: "Bob & graph met <today>.", date: "2024-03-01"),
                                 Evidence(document: "d2", sentence: "They talked \"again\".", date: "2024-03-05")]),
            ActorEdge(source: 0, target: 2, weight: 2, documents: 1, first: nil, last: nil, association: -0.1),
        ]
        var events = [GraphEvent]()
        for i in 0..<12 {
            events.append(GraphEvent(id: "ev\(i)", document: "d1", type: "meet", cameo: "036", trigger: "met \(i)",
                                     date: "2024-03-05", end: nil, dateText: "Tuesday",
                                     actors: ["person:bob", "country:graph"], sentence: "Bob met graph."))
        }
        events.append(GraphEvent(id: "ev-a", document: "d2", type: "say \"x\"", cameo: nil, trigger: "said \\ <it>",
                                 date: "2024-03", end: nil, dateText: "March", actors: ["person:bob"],
                                 sentence: "Bob said."))
        events.append(GraphEvent(id: "ev-b", document: "d2", type: "protest", cameo: "14", trigger: "protested",
                                 date: "2024-W10", end: nil, dateText: nil, actors: ["org:strict"], sentence: "x"))
        events.append(GraphEvent(id: "ev-u", document: "d2", type: "attack", cameo: nil, trigger: "attacked",
                                 date: nil, end: nil, dateText: nil, actors: ["org:strict", "nobody"], sentence: "y"))
        let documents = [
            GraphDocument(id: "d1", title: "Talks & \"deals\"", date: "2024-03-01", source: "Wire"),
            GraphDocument(id: "d2", title: nil, date: nil, source: nil),
        ]
        return ActorGraph(documents: documents, nodes: nodes, edges: edges, events: events)
    }
}

/// Runs external tools for the interchange checks.
enum Tools {
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = String(folder) + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// (exit status, stdout, stderr)
    static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes concurrently so neither can fill up and block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    static func pythonHas(_ module: String) -> Bool {
        guard let python = which("python3"), let r = try? run(python, ["-c", "import \(module)"]) else { return false }
        return r.0 == 0
    }

    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "export-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The GraphML schema in ../shared, found from this source file.
    static var graphMLSchema: String? {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<6 {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("../shared/graphml-xsd/graphml.xsd").standardized.path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        return nil
    }
}

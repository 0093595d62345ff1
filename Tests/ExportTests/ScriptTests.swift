import Actors
import Foundation
import Graph
import Testing
@testable import Export

/// Names in other scripts, right-to-left names and very long names still give valid, loadable files.
@Suite struct ScriptTests {
    let graph: ActorGraph = {
        let names = ["محمد بن سلمان", "בנימין נתניהו", "习近平", "Владимир Путин", "Ελλάδα", "\u{202E}reversed\u{202C}",
                     String(repeating: "Very Long Name ", count: 700), "node", "graph", "strict \"edge\" -- {x}"]
        let nodes = names.enumerated().map { i, name in
            ActorNode(id: "a\(i)", name: name, type: ActorType.allCases[i % ActorType.allCases.count], aliases: [name + " alias"],
                      mentions: 1, documents: 1, first: "2025-10-24", last: "2025-10-24")
        }
        let edges = (1..<names.count).map { i in
            ActorEdge(source: 0, target: i, weight: i, documents: 1, first: "2025-10-24", last: "2025-10-24",
                      evidence: [Evidence(document: "d", sentence: names[i] + " met " + names[0], date: "2025-10-24")])
        }
        return ActorGraph(documents: [GraphDocument(id: "d", title: "عنوان", date: "2025-10-24", source: nil)],
                          nodes: nodes, edges: edges)
    }()

    @Test func graphMLValidatesAndNamesRoundTrip() throws {
        let schema = try #require(Tools.graphMLSchema, "../shared/graphml-xsd/graphml.xsd not found")
        let xmllint = try #require(Tools.which("xmllint"), "xmllint missing: run scripts/setup.sh")
        let folder = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/graph.graphml"
        try GraphMLWriter.write(graph, to: path)
        let (status, _, errors) = try Tools.run(xmllint, ["--nonet", "--noout", "--schema", schema, path])
        #expect(status == 0, "xmllint: \(errors)")
        let script = "import sys, networkx as nx\ng = nx.read_graphml(sys.argv[1])\nprint('\\n'.join(d['label'] for _, d in sorted(g.nodes(data=True), key=lambda x: int(x[0][1:]))))"
        let (ok, out, err) = try Tools.run(try #require(Tools.which("python3")), ["-c", script, path])
        #expect(ok == 0, "networkx: \(err)")
        #expect(out.split(separator: "\n", omittingEmptySubsequences: false).prefix(graph.nodes.count).map(String.init)
                == graph.nodes.map(\.name))
    }

    @Test func dotRendersWithoutWarnings() throws {
        let dot = try #require(Tools.which("dot"), "graphviz missing: run scripts/setup.sh")
        let folder = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try DOTWriter.write(graph, toFolder: folder)
        for file in ["graph.dot", "timeline.dot"] {
            let (status, _, errors) = try Tools.run(dot, ["-Tsvg", "-o", "/dev/null", folder + "/" + file])
            #expect(status == 0 && errors.isEmpty, "\(file): \(errors)")
        }
    }
}

import Foundation
import Graph
import Testing
@testable import Export

@Suite struct WriterTests {
    let graph = SampleGraph.make()

    @Test func dotQuotesKeywordsAndEscapesLabels() {
        let dot = DOTWriter.graph(graph)
        #expect(dot.hasPrefix("graph \"actors\" {"))
        #expect(dot.contains("label=\"Q&A \\\"Bob\\\" <b> node \\\\ graph; 🙂 \""))
        #expect(dot.contains("label=\"graph\""))
        #expect(dot.contains("label=\"strict\\nnode\""))
        #expect(!dot.contains("\u{1}"))
        #expect(dot.contains("\"person:bob\" -- \"country:graph\" [penwidth=6.0"))
        #expect(dot.contains("shape=box"))  // countries
        #expect(!dot.contains("cluster_"))
        #expect(DOTWriter.graph(graph, options: DOTOptions(communityClusters: true)).contains("subgraph \"cluster_community_1\""))
    }

    @Test func timelineHasOneColumnPerDateInOrder() throws {
        let dot = try DOTWriter.timeline(graph)
        #expect(dot.contains("rankdir=LR"))
        #expect(dot.contains("newrank=true"))
        // 2024-03 (starts March 1) before 2024-W10 (starts Monday March 4) before 2024-03-05.
        let order = ["\"2024-03\"", "\"2024-W10\"", "\"2024-03-05\""].map { dot.range(of: "label=\($0)")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order[0]! < order[1]! && order[1]! < order[2]!)
        #expect(dot.contains("\"d0\" -> \"d1\" -> \"d2\" -> \"undated\""))
        #expect(dot.contains("\"undated\" [label=\"attack: attacked — strict — node, nobody\"]"))
        #expect(dot.contains("+4 more"))
        #expect(dot.contains("subgraph \"cluster_undated\""))
        #expect(dot.contains("meet: met 0\\nQ&A"))
        #expect(dot.contains("say \\\"x\\\": said \\\\ <it>"))
    }

    @Test func exportsReplaceFilesAtomically() throws {
        let folder = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/graph.graphml"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        try GraphMLWriter.write(graph, to: path)
        try GEXFWriter.write(graph, to: folder + "/graph.gexf")
        try GraphJSONWriter.write(graph, to: folder + "/graph.json")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["graph.gexf", "graph.graphml", "graph.json"])  // no temporary left behind
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("<graphml"))
        #expect(throws: (any Error).self) { try GraphJSONWriter.write(graph, to: folder + "/missing/graph.json") }
        #expect(throws: (any Error).self) { try GraphMLWriter.write(graph, to: folder + "/missing/graph.graphml") }
    }

    @Test func graphMLDeclaresEveryAttribute() throws {
        let xml = try GraphMLWriter.string(graph)
        for name in ["label", "type", "aliases", "mentions", "documents", "first", "last", "degree", "weighted_degree",
                     "pagerank", "betweenness", "component", "community", "weight", "association", "event_types",
                     "evidence_count", "evidence"] {
            #expect(xml.contains("attr.name=\"\(name)\""), "\(name)")
        }
        #expect(xml.contains("<data key=\"e_weight\">3.0</data>"))
        #expect(!xml.contains("\u{1}"))
        let bipartite = try GraphMLWriter.string(graph, options: GraphMLOptions(eventsAsNodes: true))
        #expect(bipartite.contains("<data key=\"v_kind\">event</data>"))
        #expect(bipartite.contains("source=\"n2\" target=\"v14\""))  // the known actor of the undated event
        #expect(!bipartite.contains("nobody"))
    }

    @Test func evidenceIsBounded() {
        let long = Evidence(document: "d", sentence: String(repeating: "word ", count: 1000), date: nil)
        let text = ExportText.evidence([long, long, long, long], count: 3, maxLength: 200)
        #expect(text.count == 200)
        #expect(text.hasSuffix("…"))
    }

    @Test func rendererReportsMissingGraphviz() throws {
        do {
            try GraphvizRenderer.render(dotPath: "/tmp/x.dot", formats: ["svg"], searchPath: "/nonexistent")
            Issue.record("expected graphvizMissing")
        } catch let error as ExportError {
            guard case .graphvizMissing = error else { Issue.record("wrong error \(error)"); return }
            #expect(error.description.contains("apt-get install graphviz"))
        }
    }
}

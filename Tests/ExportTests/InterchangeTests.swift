import Actors
import Foundation
import Graph
import Testing
@testable import Export

/// The exports checked by the tools people will load them with: xmllint + the GraphML XSD, networkx,
/// python-igraph, Graphviz. Each test skips (with a message) when its tool is missing.
@Suite struct InterchangeTests {
    let graph = SampleGraph.make()

    @Test func graphMLValidatesAgainstTheSchema() throws {
        guard let xmllint = Tools.which("xmllint") else {
            print("SKIPPED: xmllint missing (apt-get install -y libxml2-utils)")
            return
        }
        let schema = try #require(Tools.graphMLSchema, "../shared/graphml-xsd/graphml.xsd not found")
        let folder = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for eventsAsNodes in [false, true] {
            let path = folder + "/graph\(eventsAsNodes ? "-events" : "").graphml"
            try GraphMLWriter.write(graph, to: path, options: GraphMLOptions(eventsAsNodes: eventsAsNodes))
            let (status, _, errors) = try Tools.run(xmllint, ["--nonet", "--noout", "--schema", schema, path])
            #expect(status == 0, "xmllint: \(errors)")
            #expect(errors.contains("validates"))
        }
    }

    @Test func graphMLLoadsInNetworkxAndIgraphWithTypes() throws {
        guard let python = Tools.which("python3"), Tools.pythonHas("networkx"), Tools.pythonHas("igraph") else {
            print("SKIPPED: python3 with networkx and python-igraph missing (pip install python-igraph networkx)")
            return
        }
        let folder = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/graph.graphml"
        try GraphMLWriter.write(graph, to: path)
        let script = """
            import sys, json, networkx as nx, igraph as ig
            path = sys.argv[1]
            G = nx.read_graphml(path)
            out = {"nx_nodes": G.number_of_nodes(), "nx_edges": G.number_of_edges()}
            out["nx_node"] = {k: [type(v).__name__, v] for k, v in G.nodes["n0"].items()}
            out["nx_edge"] = {k: [type(v).__name__, v] for k, v in G.edges["n0", "n1"].items()}
            g = ig.Graph.Read_GraphML(path)
            out["ig_nodes"], out["ig_edges"] = g.vcount(), g.ecount()
            out["ig_vertex"] = {k: [type(v).__name__, v] for k, v in g.vs[0].attributes().items()}
            out["ig_edge"] = {k: [type(v).__name__, v] for k, v in g.es[0].attributes().items()}
            print(json.dumps(out))
            """
        let (status, stdout, stderr) = try Tools.run(python, ["-c", script, path])
        try #require(status == 0, "python: \(stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        #expect(result["nx_nodes"] as? Int == 3)
        #expect(result["nx_edges"] as? Int == 2)
        #expect(result["ig_nodes"] as? Int == 3)
        #expect(result["ig_edges"] as? Int == 2)

        let nxNode = try #require(result["nx_node"] as? [String: [Any]])
        let nodeTypes: [String: String] = [
            "label": "str", "actor_id": "str", "type": "str", "aliases": "str", "mentions": "int", "documents": "int",
            "first": "str", "last": "str", "degree": "int", "weighted_degree": "float", "pagerank": "float",
            "betweenness": "float", "component": "int", "community": "int",
        ]
        for (name, type) in nodeTypes {
            #expect(nxNode[name]?.first as? String == type, "networkx node attribute \(name)")
        }
        #expect(nxNode["label"]?.last as? String == SampleGraph.nastyNameExported)
        #expect(nxNode["aliases"]?.last as? String == "Bob; B. \"Q\" <A>")
        #expect(nxNode["pagerank"]?.last as? Double == 0.45)

        let nxEdge = try #require(result["nx_edge"] as? [String: [Any]])
        let edgeTypes: [String: String] = [
            "weight": "float", "documents": "int", "association": "float", "first": "str", "last": "str",
            "event_types": "str", "evidence_count": "int", "evidence": "str",
        ]
        for (name, type) in edgeTypes {
            #expect(nxEdge[name]?.first as? String == type, "networkx edge attribute \(name)")
        }
        #expect(nxEdge["weight"]?.last as? Double == 3)
        #expect(nxEdge["event_types"]?.last as? String == "meet; negotiate")
        #expect(nxEdge["evidence"]?.last as? String == "Bob & graph met <today>. | They talked \"again\".")

        let igVertex = try #require(result["ig_vertex"] as? [String: [Any]])
        for (name, type) in nodeTypes {
            // igraph keeps every number as a float.
            #expect(igVertex[name]?.first as? String == (type == "str" ? "str" : "float"), "igraph vertex \(name)")
        }
        #expect(igVertex["label"]?.last as? String == SampleGraph.nastyNameExported)
        let igEdge = try #require(result["ig_edge"] as? [String: [Any]])
        for (name, type) in edgeTypes {
            #expect(igEdge[name]?.first as? String == (type == "str" ? "str" : "float"), "igraph edge \(name)")
        }
        #expect(igEdge["weight"]?.last as? Double == 3)
    }

    @Test func actorEventGraphMLLoadsInNetworkx() throws {
        guard let python = Tools.which("python3"), Tools.pythonHas("networkx") else {
            print("SKIPPED: python3 with networkx missing (pip install networkx)")
            return
        }
        let folder = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/events.graphml"
        try GraphMLWriter.write(graph, to: path, options: GraphMLOptions(eventsAsNodes: true))
        let script = """
            import sys, json, networkx as nx
            G = nx.read_graphml(sys.argv[1])
            kinds = sorted(d["kind"] for _, d in G.nodes(data=True))
            ev = G.nodes["v12"]
            print(json.dumps({"kinds": kinds, "edges": G.number_of_edges(), "type": ev["type"], "date": ev["date"],
                              "trigger": ev["trigger"], "neighbors": sorted(G.neighbors("v12"))}))
            """
        let (status, stdout, stderr) = try Tools.run(python, ["-c", script, path])
        try #require(status == 0, "python: \(stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        #expect(result["kinds"] as? [String] == Array(repeating: "actor", count: 3) + Array(repeating: "event", count: 15))
        #expect(result["edges"] as? Int == 12 * 2 + 1 + 1 + 1)  // the unknown actor "nobody" is skipped
        #expect(result["type"] as? String == "say \"x\"")
        #expect(result["date"] as? String == "2024-03")
        #expect(result["trigger"] as? String == "said \\ <it>")
        #expect(result["neighbors"] as? [String] == ["n0"])
    }

    @Test func gexfLoadsInNetworkx() throws {
        guard let python = Tools.which("python3"), Tools.pythonHas("networkx") else {
            print("SKIPPED: python3 with networkx missing (pip install networkx)")
            return
        }
        let folder = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/graph.gexf"
        try GEXFWriter.write(graph, to: path)
        let script = """
            import sys, json, networkx as nx
            G = nx.read_gexf(sys.argv[1])
            print(json.dumps({"nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
                              "mode": G.graph.get("mode"),
                              "node": {k: [type(v).__name__, v] for k, v in G.nodes["n0"].items()},
                              "edge": {k: [type(v).__name__, v] for k, v in G.edges["n0", "n1"].items()}}))
            """
        let (status, stdout, stderr) = try Tools.run(python, ["-c", script, path])
        try #require(status == 0, "python: \(stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        #expect(result["nodes"] as? Int == 3)
        #expect(result["edges"] as? Int == 2)
        #expect(result["mode"] as? String == "dynamic")
        let node = try #require(result["node"] as? [String: [Any]])
        #expect(node["label"]?.last as? String == SampleGraph.nastyNameExported)
        #expect(node["mentions"]?.first as? String == "int")
        #expect(node["pagerank"]?.first as? String == "float")
        #expect(node["type"]?.last as? String == "person")
        #expect(node["start"]?.last as? String == "2024-03-01")
        #expect(node["end"]?.last as? String == "2024-03-05")
        let edge = try #require(result["edge"] as? [String: [Any]])
        #expect(edge["weight"]?.last as? Double == 3)
        #expect(edge["event_types"]?.last as? String == "meet; negotiate")
    }

    @Test func dotFilesRenderWithoutWarnings() throws {
        guard let dot = Tools.which("dot") else {
            print("SKIPPED: Graphviz missing (apt-get install graphviz)")
            return
        }
        let folder = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try DOTWriter.write(graph, toFolder: folder)
        try AtomicFile.write(DOTWriter.graph(graph, options: DOTOptions(communityClusters: true)),
                             to: folder + "/clusters.dot")
        for name in ["graph.dot", "timeline.dot", "clusters.dot"] {
            let (status, svg, errors) = try Tools.run(dot, ["-Tsvg", folder + "/" + name])
            #expect(status == 0, "\(name)")
            #expect(errors.isEmpty, "\(name): dot said \(errors)")
            #expect(svg.contains("<svg"))
        }
        let rendered = try GraphvizRenderer.render(dotPath: folder + "/timeline.dot", formats: ["svg"])
        #expect(rendered == [folder + "/timeline.svg"])
        let svg = try String(contentsOfFile: folder + "/timeline.svg", encoding: .utf8)
        #expect(svg.contains("+4 more"))
        #expect(svg.contains("Q&amp;A"))
    }

    /// ~100 events over 30 dates (some crowded) and a few hundred actors still render cleanly.
    @Test func largerDOTFilesRenderWithoutWarnings() throws {
        guard let dot = Tools.which("dot") else {
            print("SKIPPED: Graphviz missing (apt-get install graphviz)")
            return
        }
        var big = ActorGraph()
        let types: [ActorType] = [.person, .country, .organization, .location, .other]
        for i in 0..<200 {
            var metrics = NodeMetrics()
            metrics.community = i % 7
            big.nodes.append(ActorNode(id: "a\(i)", name: i % 10 == 0 ? "node" : "Actor \"\(i)\"", type: types[i % 5],
                                       metrics: metrics))
        }
        for i in 0..<400 {
            let a = (i * 7) % 200, b = (i * 13 + 1) % 200
            guard a != b else { continue }
            big.edges.append(ActorEdge(source: min(a, b), target: max(a, b), weight: 1 + i % 9, documents: 1,
                                       first: nil, last: nil))
        }
        var events = [GraphEvent]()
        for i in 0..<110 {
            let date: String? = i % 11 == 0 ? nil : (i < 40 ? "2024-03-05" : "2024-\(1 + i % 12)-\(10 + i % 18)")
            events.append(GraphEvent(id: "e\(i)", document: "d", type: "meet", cameo: nil, trigger: "met",
                                         date: date.map { $0.count == 10 ? $0 : "2024-0\(1 + i % 9)-\(10 + i % 18)" },
                                         end: nil, dateText: nil, actors: ["a\(i % 200)", "a\((i + 1) % 200)"],
                                         sentence: "s"))
        }
        big.events = EventList(events)
        let folder = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try AtomicFile.write(try DOTWriter.timeline(big), to: folder + "/timeline.dot")
        try AtomicFile.write(DOTWriter.graph(big, options: DOTOptions(communityClusters: true)), to: folder + "/graph.dot")
        for name in ["timeline.dot", "graph.dot"] {
            let (status, _, errors) = try Tools.run(dot, ["-Tsvg", "-o", "/dev/null", folder + "/" + name])
            #expect(status == 0, "\(name)")
            #expect(errors.isEmpty, "\(name): dot said \(errors)")
        }
        let timeline = try DOTWriter.timeline(big)
        #expect(timeline.contains("+28 more"))  // 36 dated events on 2024-03-05, 8 shown
    }

    @Test func graphJSONFollowsTheContract() throws {
        let folder = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/graph.json"
        try GraphJSONWriter.write(graph, to: path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let documents = try #require(json["documents"] as? [[String: Any]])
        let actors = try #require(json["actors"] as? [[String: Any]])
        let edges = try #require(json["edges"] as? [[String: Any]])
        let events = try #require(json["events"] as? [[String: Any]])
        for key in ["id", "title", "date", "source"] { #expect(documents.allSatisfy { $0[key] != nil }, "\(key)") }
        for key in ["id", "name", "type", "aliases", "mentions", "documents", "first", "last", "degree",
                    "weighted_degree", "pagerank", "betweenness", "component", "community"] {
            #expect(actors.allSatisfy { $0[key] != nil }, "actor key \(key)")
        }
        for key in ["source", "target", "weight", "documents", "first", "last", "association", "event_types", "evidence"] {
            #expect(edges.allSatisfy { $0[key] != nil }, "edge key \(key)")
        }
        for key in ["id", "document", "type", "cameo", "trigger", "date", "end", "dateText", "actors", "sentence"] {
            #expect(events.allSatisfy { $0[key] != nil }, "event key \(key)")
        }
        #expect(documents[1]["title"] is NSNull)
        #expect(actors[0]["name"] as? String == SampleGraph.nastyName)  // JSON can carry \u0001
        #expect(actors[0]["aliases"] as? [String] == ["Bob", "B. \"Q\" <A>"])
        #expect(actors[2]["first"] is NSNull)
        #expect(edges[0]["source"] as? String == "person:bob")
        #expect(edges[0]["target"] as? String == "country:graph")
        #expect(edges[0]["weight"] as? Int == 3)
        #expect(edges[0]["event_types"] as? [String] == ["meet", "negotiate"])
        let evidence = try #require(edges[0]["evidence"] as? [[String: Any]])
        #expect(evidence.first?["document"] as? String == "d1")
        #expect(evidence.first?["sentence"] as? String == "Bob & graph met <today>.")
        #expect(events.last?["date"] is NSNull)
        #expect(events[12]["trigger"] as? String == "said \\ <it>")
    }
}

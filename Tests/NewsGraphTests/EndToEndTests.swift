import Foundation
import NewsGraph
import Testing

/// The whole pipeline on seeds/ and on the raw seed page, checked with the tools users open the files with.
@Suite(.serialized) struct EndToEndTests {
    @Test func seedsBuildIntoEveryOutput() throws {
        let (folder, summary) = try buildInto("seeds", [Repo.seeds])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(summary.documents == 5)
        #expect(summary.firstDate == "2013")  // Sandiford was sentenced in 2013
        #expect(summary.lastDate == "2025-11-02")  // "from Sunday next week", written on 2025-10-24
        for file in ["newsgraph.sqlite", "graph.graphml", "graph.gexf", "graph.json", "graph.dot", "timeline.dot"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/" + file), "\(file) missing")
        }
        let json = try loadJSON(folder + "/graph.json")
        let documents = json["documents"] as! [[String: Any]]
        #expect(documents.map { $0["id"] as! String } ==
                ["seed-000-article", "seed-000-lead-1", "seed-000-lead-2", "seed-000-lead-3", "seed-000-lead-4"])
        #expect(documents.map { $0["date"] as? String } == ["2025-10-24", nil, "2025-10-21", nil, "2025-10-21"])
        #expect(documents[0]["source"] as? String == "Taipei Times")
    }

    @Test func graphMLValidatesAndLoadsInNetworkx() throws {
        let (folder, _) = try buildInto("graphml", [Repo.seeds])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let graphml = folder + "/graph.graphml"
        let lint = try Tool.run("xmllint", ["--nonet", "--noout", "--schema", Repo.shared + "/graphml-xsd/graphml.xsd", graphml])
        #expect(lint.status == 0, "xmllint: \(lint.err)")
        let json = try loadJSON(folder + "/graph.json")
        let script = """
        import sys, networkx as nx
        g = nx.read_graphml(sys.argv[1])
        print(g.number_of_nodes(), g.number_of_edges())
        """
        let counts = try Tool.run("python3", ["-c", script, graphml])
        #expect(counts.status == 0, "networkx: \(counts.err)")
        let expected = "\((json["actors"] as! [Any]).count) \((json["edges"] as! [Any]).count)"
        #expect(counts.out.trimmingCharacters(in: .whitespacesAndNewlines) == expected)
    }

    @Test func dotFilesRenderWithoutWarnings() throws {
        let (folder, _) = try buildInto("dot", [Repo.seeds])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for file in ["graph.dot", "timeline.dot"] {
            let result = try Tool.run("dot", ["-Tsvg", "-o", "/dev/null", folder + "/" + file])
            #expect(result.status == 0 && result.err.isEmpty, "\(file): \(result.err)")
        }
    }

    @Test func rawSeedPageLinksNothingAcrossArticles() throws {
        let (folder, summary) = try buildInto("raw", [Repo.rawSeedPage], date: "2025-10-24")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(summary.documents == 1)
        // Every piece of evidence lies within one line (one article) of the page.
        let lines = try String(contentsOfFile: Repo.rawSeedPage, encoding: .utf8).split(separator: "\n").map(String.init)
        let json = try loadJSON(folder + "/graph.json")
        for edge in json["edges"] as! [[String: Any]] {
            for evidence in edge["evidence"] as! [[String: Any]] {
                let sentence = evidence["sentence"] as! String
                #expect(lines.contains { $0.contains(sentence) }, "evidence spans articles: \(sentence)")
            }
        }
    }
}

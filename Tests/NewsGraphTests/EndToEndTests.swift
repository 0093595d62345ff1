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

/// The actors a careful reader lists for the seed page: each once, with its type, and nothing else.
@Suite(.serialized) struct SeedActorTests {
    static let expected: Set<String> = [
        "Donald Trump:person", "Sanae Takaichi:person", "Toshimitsu Motegi:person", "Shigeru Ishiba:person",
        "Howard Lutnick:person", "Naruhito:person", "Mako Nishimura:person", "Lindsay Sandiford:person",
        "Shahab Shahabadi:person",
        "Japan:country", "United States:country", "China:country", "South Korea:country", "Australia:country",
        "Philippines:country", "Malaysia:country", "Indonesia:country", "United Kingdom:country", "Hong Kong:country",
        "Tokyo:location", "Beijing:location", "Bali:location", "Hong Kong International Airport:location",
        "NATO:organization", "ASEAN:organization", "APEC:organization", "Ford:organization",
        "Liberal Democratic Party:organization", "Japan Innovation Party:organization",
        "Airport Authority Hong Kong:organization",
    ]

    func actors(_ folder: String) throws -> (names: Set<String>, byName: [String: [String: Any]], json: [String: Any]) {
        let json = try loadJSON(folder + "/graph.json")
        let list = json["actors"] as! [[String: Any]]
        #expect(list.count == Set(list.map { $0["name"] as! String }).count, "an actor is listed twice")
        return (Set(list.map { "\($0["name"]!):\($0["type"]!)" }),
                Dictionary(uniqueKeysWithValues: list.map { ($0["name"] as! String, $0) }), json)
    }

    @Test func seedsGiveExactlyTheReadersActors() throws {
        let (folder, _) = try buildInto("seed-actors", [Repo.seeds])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (names, byName, _) = try actors(folder)
        #expect(names.subtracting(Self.expected).isEmpty, "junk: \(names.subtracting(Self.expected).sorted())")
        #expect(Self.expected.subtracting(names).isEmpty, "missing: \(Self.expected.subtracting(names).sorted())")
        #expect((byName["Liberal Democratic Party"]?["aliases"] as? [String])?.contains("LDP") == true)
        #expect((byName["United States"]?["aliases"] as? [String])?.contains("US") == true)
        #expect((byName["Japan"]?["aliases"] as? [String])?.contains("Japanese") == true)
    }

    @Test func rawPageGivesTheSameActorsAndNoCrossArticleLinks() throws {
        let (folder, _) = try buildInto("raw-actors", [Repo.rawSeedPage], date: "2025-10-24")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (names, _, json) = try actors(folder)
        #expect(names == Self.expected, "differs: +\(names.subtracting(Self.expected).sorted()) -\(Self.expected.subtracting(names).sorted())")
        let ids = Dictionary(uniqueKeysWithValues: (json["actors"] as! [[String: Any]]).map { ($0["id"] as! String, $0["name"] as! String) })
        let leadsOnly: Set<String> = ["Mako Nishimura", "Lindsay Sandiford", "Shahab Shahabadi", "Bali", "Indonesia",
                                      "United Kingdom", "Hong Kong", "Hong Kong International Airport",
                                      "Airport Authority Hong Kong", "Japan Innovation Party", "Liberal Democratic Party"]
        let mainOnly: Set<String> = ["Donald Trump", "Toshimitsu Motegi", "Howard Lutnick", "Naruhito", "Shigeru Ishiba",
                                     "NATO", "ASEAN", "APEC", "Ford", "Tokyo", "Beijing", "Malaysia", "Australia"]
        for edge in json["edges"] as! [[String: Any]] {
            let pair = Set([ids[edge["source"] as! String]!, ids[edge["target"] as! String]!])
            #expect(pair.isDisjoint(with: leadsOnly) || pair.isDisjoint(with: mainOnly), "cross-article link: \(pair.sorted())")
        }
    }
}

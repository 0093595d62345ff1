import Actors
import Corpus
import Foundation
import NewsGraph
import Store
import Testing

/// Builds from real Reuters articles: interchange files every tool opens, and incremental adds that sum up.
@Suite(.serialized) struct CorpusBuildTests {
    /// The first `count` Reuters articles, as a JSON-lines file (and the lines themselves).
    /// The first `count` Reuters articles in `parts` JSON-lines files named `reuters-<name><n>.jsonl`.
    static func reutersSample(_ count: Int, into folder: String, parts: Int = 1, name: String = "part") throws -> [String] {
        let corpus = Repo.shared + "/corpus/reuters21578.jsonl"
        let lines = try String(contentsOfFile: corpus, encoding: .utf8).split(separator: "\n").prefix(count).map(String.init)
        let size = (lines.count + parts - 1) / parts
        var paths = [String]()
        for p in 0..<parts {
            let path = folder + "/reuters-\(name)\(p + 1).jsonl"
            try Data((lines[min(p * size, lines.count)..<min((p + 1) * size, lines.count)].joined(separator: "\n") + "\n").utf8)
                .write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        return paths
    }

    @Test func thousandReutersArticlesGiveValidInterchangeFiles() throws {
        let input = Repo.temporaryFolder("reuters-in")
        defer { try? FileManager.default.removeItem(atPath: input) }
        let paths = try Self.reutersSample(1000, into: input)
        let (folder, summary) = try buildInto("reuters1000", paths, quickAnalytics: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(summary.documents == 1000)
        #expect(summary.links > 1000)

        let lint = try Tool.run("xmllint", ["--nonet", "--noout", "--schema", Repo.shared + "/graphml-xsd/graphml.xsd",
                                            folder + "/graph.graphml"])
        #expect(lint.status == 0, "xmllint: \(lint.err.prefix(500))")
        let json = try loadJSON(folder + "/graph.json")
        let nodes = (json["actors"] as! [Any]).count, edges = (json["edges"] as! [Any]).count
        let script = """
        import sys, networkx as nx, igraph as ig
        g = nx.read_graphml(sys.argv[1] + '/graph.graphml')
        n = next(iter(g.nodes(data=True)))[1]
        e = next(iter(g.edges(data=True)))[2]
        assert isinstance(n['pagerank'], float) and isinstance(n['degree'], int) and isinstance(n['label'], str), n
        assert isinstance(e['weight'], float) and isinstance(e['association'], float), e
        h = ig.Graph.Read_GraphML(sys.argv[1] + '/graph.graphml')
        assert 'pagerank' in h.vs.attributes() and 'weight' in h.es.attributes()
        x = nx.read_gexf(sys.argv[1] + '/graph.gexf')
        print(g.number_of_nodes(), g.number_of_edges(), h.vcount(), h.ecount(), x.number_of_nodes(), x.number_of_edges())
        """
        let loaded = try Tool.run("python3", ["-c", script, folder])
        #expect(loaded.status == 0, "python: \(loaded.err.suffix(800))")
        let counts = "\(nodes) \(edges)"
        #expect(loaded.out.trimmingCharacters(in: .whitespacesAndNewlines) == "\(counts) \(counts) \(counts)")
        for file in ["graph.dot", "timeline.dot"] {
            let dot = try Tool.run("dot", ["-Tsvg", "-o", "/dev/null", folder + "/" + file])
            #expect(dot.status == 0 && dot.err.isEmpty, "\(file): \(dot.err.prefix(500))")
        }
    }

    static func shape(_ store: String) throws -> (actors: [String], edges: [String], events: [String]) {
        let s = try GraphStore.open(at: store, readonly: true)
        defer { try? s.close() }
        let (graph, evidence) = try s.read { (try $0.graph(), try $0.count("evidence")) }
        let actors = graph.nodes.map { "\($0.id):\($0.type.rawValue):\($0.mentions):\($0.aliases.joined(separator: ","))" }.sorted()
        let edges = graph.edges.map {
            "\(graph.nodes[$0.source].id)|\(graph.nodes[$0.target].id)|\($0.weight)|\($0.documents)|\($0.first ?? "")|\($0.last ?? "")"
        }.sorted() + ["evidence rows: \(evidence)"]
        let events = try graph.events.all().map { "\($0.id)|\($0.type)|\($0.date ?? "")|\($0.actors.joined(separator: ","))" }.sorted()
        return (actors, edges, events)
    }

    @Test func addingInFourPartsEqualsOneBuildAndRepeatsChangeNothing() throws {
        let input = Repo.temporaryFolder("reuters-parts")
        defer { try? FileManager.default.removeItem(atPath: input) }
        let whole = try Self.reutersSample(400, into: input)
        let parts = try Self.reutersSample(400, into: input, parts: 4, name: "quarter")
        let (once, _) = try buildInto("whole", whole, quickAnalytics: true)
        let incremental = Repo.temporaryFolder("incremental")
        defer {
            try? FileManager.default.removeItem(atPath: once)
            try? FileManager.default.removeItem(atPath: incremental)
        }
        let options = testOptions(incremental, quickAnalytics: true)
        for part in parts {
            _ = try Workspace.add(options: options) { put in try options.annotator.run([part], reader: CorpusReader(), sink: { try put($0) }) }
        }
        let expected = try Self.shape(once + "/newsgraph.sqlite")
        let got = try Self.shape(incremental + "/newsgraph.sqlite")
        #expect(got.actors == expected.actors)
        #expect(got.edges == expected.edges)
        #expect(got.events == expected.events)

        let again = try Workspace.add(options: options) { put in try options.annotator.run([parts[1]], reader: CorpusReader(), sink: { try put($0) }) }
        #expect(again.unchanged == 100 && again.inserted == 0 && again.replaced == 0)
        let after = try Self.shape(incremental + "/newsgraph.sqlite")
        #expect(after.actors == expected.actors && after.edges == expected.edges && after.events == expected.events)
    }

    /// docs/scale.md's recipe, run for real: `extract` piped through Spark (local[2], four partitions), the
    /// result loaded with `add --annotations`, gives the graph a direct build gives.
    @Test func extractUnderSparkPipeLoadsIntoTheSameGraph() throws {
        let executable = InterruptionTests.executable
        try #require(FileManager.default.isExecutableFile(atPath: executable), "newsgraph not built at \(executable)")
        let input = Repo.temporaryFolder("spark-in")
        defer { try? FileManager.default.removeItem(atPath: input) }
        let sample = try Self.reutersSample(300, into: input)[0]
        let annotations = input + "/annotations.jsonl"
        let spark = try Tool.run("python3", [Repo.root + "/scripts/spark_extract.py", sample, annotations, "--bin", executable])
        #expect(spark.status == 0, "spark: \(spark.err.suffix(1500))")
        #expect(spark.out.hasPrefix("300 lines in, 300 annotated documents out, 4 partitions"), "spark: \(spark.out)")

        let (direct, _) = try buildInto("spark-direct", [sample], quickAnalytics: true)
        let loaded = Repo.temporaryFolder("spark-loaded")
        defer {
            try? FileManager.default.removeItem(atPath: direct)
            try? FileManager.default.removeItem(atPath: loaded)
        }
        let options = testOptions(loaded, quickAnalytics: true)
        let summary = try Workspace.add(options: options) { put in
            try Workspace.readAnnotations(annotations, report: { Issue.record("\($0)") }, transform: PreparedDocument.init) { try put($0) }
        }
        #expect(summary.inserted == 300)
        let expected = try Self.shape(direct + "/newsgraph.sqlite"), got = try Self.shape(loaded + "/newsgraph.sqlite")
        #expect(got.actors == expected.actors)
        #expect(got.edges == expected.edges)
        #expect(got.events == expected.events)
    }
}

/// Exports carry each edge's first few evidence sentences; the store keeps every one.
@Suite struct EvidenceLimitTests {
    @Test func exportsListTheFirstSentencesAndTheStoreAll() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ng-evidence-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var options = BuildOptions(outputFolder: folder)
        options.evidencePerEdge = 1
        options.analytics.betweenness = .skip
        _ = try Workspace.build([Repo.seeds], reader: CorpusReader(), options: options)

        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/graph.json"))) as! [String: Any]
        let edges = json["edges"] as! [[String: Any]]
        #expect(edges.contains { ($0["weight"] as! Int) > 1 }, "the seed has links seen more than once")
        for edge in edges {
            #expect((edge["evidence"] as! [Any]).count == 1)
            #expect(edge["evidence_count"] as? Int == edge["weight"] as? Int)
        }
        let store = try GraphStore.open(at: folder + "/newsgraph.sqlite", readonly: true)
        defer { try? store.close() }
        try store.read { r in
            let graph = try r.graph()
            #expect(graph.edges.count == edges.count)
            for (i, edge) in graph.edges.enumerated() {
                let all = try r.evidence(edge: i)
                #expect(all.count == edge.weight)
                #expect(all.first?.sentence == (edges[i]["evidence"] as! [[String: Any]]).first?["sentence"] as? String)
            }
        }
    }
}

/// A document given twice in one build counts once, as its later version.
@Suite struct RepeatedDocumentTests {
    @Test func theLaterVersionReplacesTheEarlierInOneBuild() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ng-repeat-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func line(_ id: String, _ text: String) -> String {
            let data = try! JSONSerialization.data(withJSONObject: ["id": id, "date": "2025-10-24", "text": text])
            return String(decoding: data, as: UTF8.self)
        }
        let first = line("a", "Donald Trump met Shinzo Abe in Tokyo on Monday. Abe thanked Trump.")
        let second = line("a", "Donald Trump met Sanae Takaichi in Tokyo on Tuesday. Takaichi thanked Trump.")
        let other = line("b", "Emmanuel Macron called Olaf Scholz on Wednesday.")
        try (first + "\n" + other + "\n").write(toFile: folder + "/one.jsonl", atomically: true, encoding: .utf8)
        try (second + "\n").write(toFile: folder + "/two.jsonl", atomically: true, encoding: .utf8)
        try (other + "\n" + second + "\n").write(toFile: folder + "/expected.jsonl", atomically: true, encoding: .utf8)

        var options = BuildOptions(outputFolder: folder + "/twice")
        options.analytics.betweenness = .skip
        let twice = try Workspace.build([folder + "/one.jsonl", folder + "/two.jsonl"], reader: CorpusReader(), options: options)
        #expect(twice.replaced == 1 && twice.documents == 2)
        options.outputFolder = folder + "/once"
        _ = try Workspace.build([folder + "/expected.jsonl"], reader: CorpusReader(), options: options)
        let got = try CorpusBuildTests.shape(folder + "/twice/newsgraph.sqlite")
        let expected = try CorpusBuildTests.shape(folder + "/once/newsgraph.sqlite")
        #expect(got.actors == expected.actors)
        #expect(got.edges == expected.edges)
        #expect(got.events == expected.events)
        #expect(!got.actors.contains { $0.hasPrefix("shinzo-abe") })
    }

    /// A document given again unchanged is stored once, and its actors are counted once: in a build, and in an add
    /// into an empty folder (which registers actors as it stores, as a build does). They had been counted twice
    /// in the stored registry, whose mentions and type votes a later add resolves actors with.
    @Test func anUnchangedRepeatCountsOnce() throws {
        let folder = Repo.temporaryFolder("repeat-unchanged")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sample = try CorpusBuildTests.reutersSample(40, into: folder)[0]
        func registry(_ out: String) throws -> Set<ActorRegistry.Record> {
            let store = try GraphStore.open(at: out + "/newsgraph.sqlite", readonly: true)
            defer { try? store.close() }
            return Set(try store.read { try $0.registry() }.registry.records)
        }
        var options = BuildOptions(outputFolder: folder + "/once")
        options.analytics.betweenness = .skip
        _ = try Workspace.build([sample], reader: CorpusReader(), options: options)
        options.outputFolder = folder + "/twice"
        let twice = try Workspace.build([sample, sample], reader: CorpusReader(), options: options)
        #expect(twice.unchanged == 40)
        options.outputFolder = folder + "/added"
        _ = try Workspace.add(options: options) { put in
            try options.annotator.run([sample, sample], reader: CorpusReader(), sink: { try put($0) })
        }
        let expected = try registry(folder + "/once")
        #expect(!expected.isEmpty)
        #expect(try registry(folder + "/twice") == expected)
        #expect(try registry(folder + "/added") == expected)
    }
}

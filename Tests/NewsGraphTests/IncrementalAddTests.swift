import Corpus
import Foundation
import NewsGraph
import Store
import Testing

/// `add` sums only the new documents onto the stored graph when that gives the graph a build of every document
/// gives, and sums every document when it cannot; either way the result is the one build's, file for file.
@Suite(.serialized) struct IncrementalAddTests {
    static let exports = ["graph.graphml", "graph.gexf", "graph.json", "graph.dot", "timeline.dot"]

    /// One JSON line per article: (id, date, text).
    static func write(_ articles: [(String, String, String)], to path: String) throws {
        let lines = articles.map { id, date, text in
            let object: [String: String] = ["id": id, "date": date, "title": "Article \(id)", "text": text]
            return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Adds each input in turn to a fresh store; returns its folder and how each add summed the graph.
    static func addInTurn(_ inputs: [String], name: String) throws -> (String, [BuildSummary.Summing?]) {
        let folder = Repo.temporaryFolder(name)
        let options = testOptions(folder, quickAnalytics: true)
        var summing = [BuildSummary.Summing?]()
        for input in inputs {
            let summary = try Workspace.add(options: options) { put in
                try options.annotator.run([input], reader: CorpusReader(), sink: put)
            }
            summing.append(summary.summing)
        }
        return (folder, summing)
    }

    /// Every export byte for byte, and the store's evidence (all of it, by edge) and events, as one build has them.
    static func expectSameGraph(_ folder: String, as expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for file in exports {
            let got = FileManager.default.contents(atPath: folder + "/" + file)
            #expect(got != nil && got == FileManager.default.contents(atPath: expected + "/" + file), "\(file) differs",
                    sourceLocation: sourceLocation)
        }
        func stored(_ folder: String) throws -> [String] {
            let store = try GraphStore.open(at: folder + "/newsgraph.sqlite", readonly: true)
            defer { try? store.close() }
            return try store.read { reader in
                let graph = try reader.graph()
                let edges = graph.edges.map { e in
                    "\(graph.nodes[e.source].id)|\(graph.nodes[e.target].id)|\(e.weight)|"
                        + e.evidence.map { "\($0.document):\($0.sentence)" }.joined(separator: "|")
                }
                let events = try graph.events.all().map { "\($0.id)|\($0.actors.joined(separator: ","))" }
                let windows = graph.nodes.map { "\($0.id):\($0.windows)" } + ["windows: \(graph.windows)"]
                return edges + events + windows
            }
        }
        #expect(try stored(folder) == stored(expected), sourceLocation: sourceLocation)
    }

    let first = ("a1", "2025-03-04", "Minister Perkins met Japanese officials in Tokyo on Tuesday. "
        + "Perkins said the talks with Toyota went well.")
    let fullName = ("b1", "2025-03-05", "Jim Perkins, the trade minister, flew to Seoul on Wednesday to meet South Korean "
        + "officials. Samsung welcomed the visit, and Toyota said it would follow next week.")
    let otherPerkins = ("c1", "2025-03-06", "Mary Perkins, a Canadian lawyer, met Ford executives in Detroit on Thursday.")
    let unrelated = ("d1", "2025-03-07", "France and Germany signed a trade accord in Paris on Friday, and Japan welcomed it.")

    @Test func newDocumentsAreSummedOntoTheStoredGraph() throws {
        let input = Repo.temporaryFolder("incremental-input")
        defer { try? FileManager.default.removeItem(atPath: input) }
        try Self.write([first], to: input + "/1.jsonl")
        try Self.write([unrelated], to: input + "/2.jsonl")
        try Self.write([first, unrelated], to: input + "/all.jsonl")
        let (folder, summing) = try Self.addInTurn([input + "/1.jsonl", input + "/2.jsonl"], name: "incremental")
        let (once, _) = try buildInto("incremental-once", [input + "/all.jsonl"], quickAnalytics: true)
        defer { for f in [folder, once] { try? FileManager.default.removeItem(atPath: f) } }
        #expect(summing == [.everyDocument(why: nil), .newDocuments(1)])
        try Self.expectSameGraph(folder, as: once)
    }

    /// "Perkins" alone was its own actor; "Jim Perkins", new, takes it: its sums, evidence and events move over.
    @Test func aLoneSurnameTakenByANewFullNameMovesOver() throws {
        let input = Repo.temporaryFolder("incremental-input")
        defer { try? FileManager.default.removeItem(atPath: input) }
        try Self.write([first], to: input + "/1.jsonl")
        try Self.write([fullName], to: input + "/2.jsonl")
        try Self.write([first, fullName], to: input + "/all.jsonl")
        let (folder, summing) = try Self.addInTurn([input + "/1.jsonl", input + "/2.jsonl"], name: "incremental")
        let (once, _) = try buildInto("incremental-once", [input + "/all.jsonl"], quickAnalytics: true)
        defer { for f in [folder, once] { try? FileManager.default.removeItem(atPath: f) } }
        #expect(summing == [.everyDocument(why: nil), .newDocuments(1)])
        try Self.expectSameGraph(folder, as: once)
        let graph = try GraphStore.open(at: folder + "/newsgraph.sqlite", readonly: true).read { try $0.graph() }
        #expect(!graph.nodes.contains { $0.id == "perkins" })
        #expect(try graph.events.all().contains { $0.document == "a1" && $0.actors.contains("jim-perkins") })
    }

    /// A second "… Perkins" takes the lone "Perkins" back from the first: only summing everything splits it.
    @Test func anActorResolvingOtherwiseSumsEveryDocument() throws {
        let input = Repo.temporaryFolder("incremental-input")
        defer { try? FileManager.default.removeItem(atPath: input) }
        try Self.write([first, fullName], to: input + "/1.jsonl")
        try Self.write([otherPerkins], to: input + "/2.jsonl")
        try Self.write([first, fullName, otherPerkins], to: input + "/all.jsonl")
        let (folder, summing) = try Self.addInTurn([input + "/1.jsonl", input + "/2.jsonl"], name: "incremental")
        let (once, _) = try buildInto("incremental-once", [input + "/all.jsonl"], quickAnalytics: true)
        defer { for f in [folder, once] { try? FileManager.default.removeItem(atPath: f) } }
        guard case .everyDocument(let why?)? = summing.last else {
            Issue.record("the last add should have summed every document: \(summing)")
            return
        }
        #expect(why.contains("resolves to another actor"))
        try Self.expectSameGraph(folder, as: once)
    }

    @Test func aReplacedDocumentSumsEveryDocument() throws {
        let input = Repo.temporaryFolder("incremental-input")
        defer { try? FileManager.default.removeItem(atPath: input) }
        var changed = unrelated
        changed.2 += " Italy stayed away."
        try Self.write([first, unrelated], to: input + "/1.jsonl")
        try Self.write([changed], to: input + "/2.jsonl")
        try Self.write([first, changed], to: input + "/all.jsonl")
        let (folder, summing) = try Self.addInTurn([input + "/1.jsonl", input + "/2.jsonl"], name: "incremental")
        let (once, _) = try buildInto("incremental-once", [input + "/all.jsonl"], quickAnalytics: true)
        defer { for f in [folder, once] { try? FileManager.default.removeItem(atPath: f) } }
        guard case .everyDocument(let why?)? = summing.last else {
            Issue.record("the last add should have summed every document: \(summing)")
            return
        }
        #expect(why.contains("replaced"))
        try Self.expectSameGraph(folder, as: once)
    }

    /// Real articles, added twenty at a time: some adds sum only the new ones, some must sum everything, and
    /// every export ends as one build's.
    @Test func reutersInBatchesOfTwentyEqualsOneBuild() throws {
        let input = Repo.temporaryFolder("incremental-reuters")
        defer { try? FileManager.default.removeItem(atPath: input) }
        let whole = try CorpusBuildTests.reutersSample(300, into: input)
        let batches = try CorpusBuildTests.reutersSample(300, into: input + "/..", parts: 15).map { path -> String in
            let moved = input + "/" + (path as NSString).lastPathComponent.replacingOccurrences(of: "part", with: "batch")
            try? FileManager.default.removeItem(atPath: moved)
            try FileManager.default.moveItem(atPath: path, toPath: moved)
            return moved
        }
        let (folder, summing) = try Self.addInTurn(batches, name: "incremental-reuters")
        let (once, _) = try buildInto("incremental-reuters-once", whole, quickAnalytics: true)
        defer { for f in [folder, once] { try? FileManager.default.removeItem(atPath: f) } }
        let incremental = summing.filter { if case .newDocuments(20)? = $0 { return true } else { return false } }.count
        #expect(incremental >= 5, "adds that summed only their 20 new documents: \(incremental) of 14: \(summing)")
        try Self.expectSameGraph(folder, as: once)
    }
}

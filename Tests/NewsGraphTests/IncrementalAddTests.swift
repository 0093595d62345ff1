import Corpus
import Foundation
import GRDB
import Graph
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
                try options.annotator.run([input], reader: CorpusReader(), sink: { try put($0) })
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
                        + e.evidence.map { "\($0.document):\($0.date ?? "-"):\($0.sentence)" }.joined(separator: "|")
                }
                let events = try graph.events.all().map {
                    "\($0.id)|\($0.actors.joined(separator: ","))|\($0.sentence)"
                }
                let windows = graph.nodes.map { "\($0.id):\($0.windows)" } + ["windows: \(graph.windows)"]
                return edges + events + windows
            }
        }
        #expect(try stored(folder) == stored(expected), sourceLocation: sourceLocation)
        // Evidence rows and events quoting one sentence of a document share its row, and it has the document's date.
        for store in [folder, expected] {
            let queue = try DatabaseQueue(path: store + "/newsgraph.sqlite")
            defer { try? queue.close() }
            let (rows, distinct, misdated) = try queue.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM sentences") ?? -1,
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT DISTINCT document, text FROM sentences)") ?? 0,
                 try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.document WHERE s.date IS NOT d.date
                    """) ?? -1)
            }
            #expect(rows == distinct && misdated == 0,
                    "\(store): \(rows) sentences, \(distinct) distinct, \(misdated) misdated",
                    sourceLocation: sourceLocation)
        }
    }

    let first = ("a1", "2025-03-04", "Minister Perkins met Japanese officials in Tokyo on Tuesday. "
        + "Perkins said the talks with Toyota went well.")
    let fullName = ("b1", "2025-03-05", "Jim Perkins, the trade minister, flew to Seoul on Wednesday to meet South Korean "
        + "officials. Samsung welcomed the visit, and Toyota said it would follow next week.")
    let otherPerkins = ("c1", "2025-03-06", "Mary Perkins, a Canadian lawyer, met Ford executives in Detroit on Thursday.")
    let unrelated = ("d1", "2025-03-07", "France and Germany signed a trade accord in Paris on Friday, and Japan welcomed it.")

    /// Adds `first`, then `then`, to a fresh store and builds both at once: every export and the store's evidence
    /// and events must agree. Returns how each add summed the graph, and the graph the adds stored.
    func addThenCompare(_ first: [(String, String, String)], _ then: [(String, String, String)],
                        sourceLocation: SourceLocation = #_sourceLocation)
        throws -> (summing: [BuildSummary.Summing?], graph: ActorGraph) {
        let input = Repo.temporaryFolder("incremental-input")
        defer { try? FileManager.default.removeItem(atPath: input) }
        try Self.write(first, to: input + "/1.jsonl")
        try Self.write(then, to: input + "/2.jsonl")
        try Self.write(first + then, to: input + "/all.jsonl")
        let (folder, summing) = try Self.addInTurn([input + "/1.jsonl", input + "/2.jsonl"], name: "incremental")
        let (once, _) = try buildInto("incremental-once", [input + "/all.jsonl"], quickAnalytics: true)
        defer { for f in [folder, once] { try? FileManager.default.removeItem(atPath: f) } }
        try Self.expectSameGraph(folder, as: once, sourceLocation: sourceLocation)
        let store = try GraphStore.open(at: folder + "/newsgraph.sqlite", readonly: true)
        defer { try? store.close() }
        return (summing, try store.read { try $0.graph() })
    }

    /// Why the last add summed every document, or nil when it did not.
    static func why(_ summing: [BuildSummary.Summing?]) -> String? {
        if case .everyDocument(let why?)? = summing.last { return why }
        return nil
    }

    @Test func newDocumentsAreSummedOntoTheStoredGraph() throws {
        #expect(try addThenCompare([first], [unrelated]).summing == [.everyDocument(why: nil), .newDocuments(1)])
    }

    /// "Perkins" alone was its own actor; "Jim Perkins", new, takes it: its sums, evidence and events move over.
    @Test func aLoneSurnameTakenByANewFullNameMovesOver() throws {
        let (summing, graph) = try addThenCompare([first], [fullName])
        #expect(summing == [.everyDocument(why: nil), .newDocuments(1)])
        #expect(!graph.nodes.contains { $0.id == "perkins" })
        #expect(try graph.events.all().contains { $0.document == "a1" && $0.actors.contains("jim-perkins") })
    }

    /// A second "… Perkins" takes the lone "Perkins" back from the first: only summing everything splits it.
    @Test func anActorResolvingOtherwiseSumsEveryDocument() throws {
        let why = Self.why(try addThenCompare([first, fullName], [otherPerkins]).summing)
        #expect(why?.contains("resolves to another actor") == true, "\(why ?? "summed only the new documents")")
    }

    @Test func aReplacedDocumentSumsEveryDocument() throws {
        var changed = unrelated
        changed.2 += " Italy stayed away."
        let why = Self.why(try addThenCompare([first, unrelated], [changed]).summing)
        #expect(why?.contains("replaced") == true, "\(why ?? "summed only the new documents")")
    }

    /// Real articles, added twenty at a time: adds sum only the new ones whenever they can, and every export
    /// ends as one build's.
    @Test func reutersInBatchesOfTwentyEqualsOneBuild() throws {
        let input = Repo.temporaryFolder("incremental-reuters")
        defer { try? FileManager.default.removeItem(atPath: input) }
        let whole = try CorpusBuildTests.reutersSample(300, into: input)
        let batches = try CorpusBuildTests.reutersSample(300, into: input, parts: 15, name: "batch")
        let (folder, summing) = try Self.addInTurn(batches, name: "incremental-reuters")
        let (once, _) = try buildInto("incremental-reuters-once", whole, quickAnalytics: true)
        defer { for f in [folder, once] { try? FileManager.default.removeItem(atPath: f) } }
        let incremental = summing.filter { if case .newDocuments(20)? = $0 { return true } else { return false } }.count
        #expect(incremental >= 5, "adds that summed only their 20 new documents: \(incremental) of 14: \(summing)")
        try Self.expectSameGraph(folder, as: once)
    }
}

import Actors
import Annotation
import Corpus
import Foundation
import Graph
import Language
import Testing
@testable import Store

@Suite struct GraphStoreTests {
    func annotated(_ id: String, _ text: String) -> AnnotatedDocument {
        let doc = Document(id: id, date: CalendarDate(iso: "2025-10-24"), text: text)
        let t = Text(text)
        let tokens = Tokenizer.standard.tokenize(t)
        let sentences = SentenceSplitter.standard.split(t, tokens: tokens)
        // Mentions for every capitalised word that is not sentence-initial: enough to exercise the store.
        var mentions = [Mention]()
        var actors = [DocumentActor]()
        for (s, sentence) in sentences.enumerated() {
            for i in sentence.tokens.dropFirst() where tokens[i].isCapitalized {
                let name = t[tokens[i].range]
                let id = ActorID.make(name)
                if !actors.contains(where: { $0.id == id }) { actors.append(DocumentActor(id: id, name: name, type: .person)) }
                mentions.append(Mention(range: tokens[i].range, text: name, actor: id, type: .person, kind: .name, sentence: s))
            }
        }
        return AnnotatedDocument(document: doc, text: t, sentences: sentences, mentions: mentions, actors: actors,
                                 times: [], events: [])
    }

    func temporaryStore() throws -> (GraphStore, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ng-store-\(UUID().uuidString).sqlite").path
        return (try GraphStore.create(at: path), path)
    }

    /// Stores written earlier keep their hashes: the value is FNV-1a over the fields, computed independently.
    @Test func contentHashIsStable() {
        #expect(StoreWriter.contentHash(annotated("a", "Then Alice met Bob. Later Carol called.")) == "6f9c7c9c670cf9ee")
        #expect(StoreWriter.contentHash(annotated("b", "Zürich’s “quoted”\nwords")) == "58f4f80d2419b12b")
    }

    @Test func putIsIdempotentAndReplacesChangedDocuments() throws {
        let (store, path) = try temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = annotated("a", "Then Alice met Bob. Later Carol called.")
        #expect(try store.transaction { try $0.put(first) } == .inserted)
        #expect(try store.transaction { try $0.put(first) } == .unchanged)
        let changed = annotated("a", "Then Alice met Dave.")
        #expect(try store.transaction { try $0.put(changed) } == .replaced)
        let (documents, totals, actors) = try store.read { r in
            (try r.count("documents"), try r.documentTotals(), try r.contributions().map(\.actors.count))
        }
        #expect(documents == 1 && totals.sentences == 1 && totals.mentions == 2 && actors == [2])
    }

    @Test func contributionsRoundTripThroughTheStore() throws {
        let (store, path) = try temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let docs = [annotated("a", "Then Alice met Bob. Later Carol called Bob."), annotated("b", "So Bob saw Alice.")]
        let direct = GraphBuilder().build(docs.map(DocumentContribution.init))
        try store.transaction { w in
            for d in docs { try w.put(d) }
            try w.replaceGraph(direct)
        }
        let reloaded = try store.read { try $0.contributions() }
        let rebuilt = GraphBuilder().build(reloaded)
        #expect(rebuilt.nodes.map(\.id) == direct.nodes.map(\.id))
        #expect(rebuilt.edges == direct.edges)
        let stored = try store.read { try $0.graph() }
        #expect(stored.edges == direct.edges)
        #expect(stored.nodes == direct.nodes)
    }

    /// Stored events are read with their actors in position order, and a read-only store reads them through
    /// connections of its own. Reading relies on the rows being stored in position order; when they are not
    /// (here swapped by hand), it sorts.
    @Test func storedEventsComeBackWithTheirActorsInOrder() throws {
        let (store, path) = try temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var graph = GraphBuilder().build([])
        graph.events = EventList((0..<5).map { i in
            GraphEvent(id: "e\(i)", document: "d", type: "meet", cameo: nil, trigger: "met", date: "2025-10-2\(i)",
                       end: nil, dateText: nil, actors: ["alice-\(i)", "bob", "carol"], sentence: "Alice met Bob.")
        })
        try store.transaction { try $0.replaceGraph(graph) }
        try store.close()
        let expected = try graph.events.all()
        let readOnly = try GraphStore.open(at: path, readonly: true)
        #expect(try readOnly.events().all() == expected)
        try readOnly.close()
        // Event 2's actors stored out of turn: same positions, rows in another order.
        let writable = try GraphStore.open(at: path)
        try writable.transaction { w in
            try w.db.execute(sql: "DELETE FROM event_actors WHERE event = 2")
            for (actor, position) in [("carol", 2), ("bob", 1), ("alice-2", 0)] {
                try w.db.execute(sql: "INSERT INTO event_actors(event, actor, position) VALUES (2, ?, ?)",
                                 arguments: [actor, position])
            }
        }
        #expect(try writable.events().all()[2].actors == ["alice-2", "bob", "carol"])
        try writable.close()
    }

    @Test func failedTransactionLeavesStoreAsItWas() throws {
        struct Boom: Error {}
        let (store, path) = try temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try store.transaction { try $0.put(annotated("a", "Then Alice met Bob.")) }
        #expect(throws: Boom.self) {
            try store.transaction { w in
                try w.put(annotated("b", "Then Carol met Dave."))
                throw Boom()
            }
        }
        #expect(try store.read { try $0.count("documents") } == 1)
    }
}

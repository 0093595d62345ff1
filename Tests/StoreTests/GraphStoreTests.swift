import Actors
import Annotation
import Corpus
import Foundation
import GRDB
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
        let (documents, bodies, totals, actors) = try store.read { r in
            (try r.count("documents"), try r.count("document_bodies"), try r.documentTotals(),
             try r.contributions().map(\.actors.count))
        }
        #expect(documents == 1 && bodies == 1 && totals.sentences == 1 && totals.mentions == 2 && actors == [2])
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

    /// A store of schema 4 (each document's text and contribution in its `documents` row) or 5 (each evidence
    /// row's and event's sentence in the row) is read as it is by a read-only open, and migrated by a writable
    /// one: its documents, contributions, evidence, events and queries unchanged, each document's sentences
    /// stored once.
    @Test(arguments: ["4", "5"]) func anOlderStoreIsReadAsItIsAndMigratedWhenWritten(version: String) throws {
        let (store, path) = try temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let docs = [annotated("a", "Then Alice met Bob. Later Carol called Bob."), annotated("b", "So Bob saw Alice.")]
        var graph = GraphBuilder().build(docs.map(DocumentContribution.init))
        // Events quoting an evidence sentence and one that no evidence row quotes.
        graph.events = EventList([
            GraphEvent(id: "a#e1", document: "a", type: "meet", cameo: nil, trigger: "met", date: "2025-10-21",
                       end: nil, dateText: "Tuesday", actors: ["alice", "bob"], sentence: "Then Alice met Bob."),
            GraphEvent(id: "b#e1", document: "b", type: "other", cameo: "010", trigger: "came", date: nil,
                       end: nil, dateText: nil, actors: ["bob"], sentence: "Nobody else came."),
        ])
        try store.transaction { w in
            for d in docs { try w.put(d) }
            try w.replaceGraph(graph)
        }
        func described(_ s: GraphStore) throws -> [String] {
            try s.read { r in
                let full = try r.graph()
                let first = try r.graphWithoutEvents(evidencePerEdge: 1)
                return full.documents.map { "\($0.id) \($0.title ?? "-") \($0.date ?? "-")" }
                    + ["\(try r.documentTotals())"]
                    + full.edges.map { "\($0.source)-\($0.target) \($0.evidence)" }
                    + first.edges.map { "first \($0.evidence)" }
                    + (try full.events.all()).map { "\($0)" }
                    + (try r.evidence(edge: 0)).map { "edge 0: \($0)" }
                    + (try r.events(actor: "bob")).map { "bob's: \($0)" }
            } + [try s.events().all().map(\.sentence).joined(separator: "|")]
        }
        let expected = try described(store)
        #expect(expected.contains { $0.hasPrefix("first ") && $0.contains("Then Alice met Bob.") })
        #expect(expected.contains { $0.contains("Nobody else came.") })
        let contributions = try store.read { try $0.contributions().map(\.actors) }
        // Back to schema 5's layout: the sentences in their rows.
        try store.transaction { w in
            try w.db.execute(sql: "DROP VIEW evidence_text")
            try w.db.execute(sql: "DROP VIEW event_text")
            try w.db.execute(sql: """
                CREATE TABLE evidence_5(
                    source INTEGER NOT NULL, target INTEGER NOT NULL, document TEXT NOT NULL, sentence TEXT NOT NULL,
                    date TEXT)
                """)
            try w.db.execute(sql: """
                INSERT INTO evidence_5(rowid, source, target, document, sentence, date)
                SELECT e.rowid, source, target, document, text, date
                FROM evidence e JOIN sentences s ON s.rowid = e.sentence
                """)
            try w.db.execute(sql: """
                CREATE TABLE graph_events_5(
                    idx INTEGER PRIMARY KEY, id TEXT NOT NULL, document TEXT NOT NULL, type TEXT NOT NULL, cameo TEXT,
                    trigger TEXT NOT NULL, date TEXT, "end" TEXT, date_text TEXT, sentence TEXT NOT NULL)
                """)
            try w.db.execute(sql: """
                INSERT INTO graph_events_5
                SELECT idx, id, document, type, cameo, trigger, g.date, "end", date_text, text
                FROM graph_events g JOIN sentences s ON s.rowid = g.sentence
                """)
            for table in ["evidence", "graph_events"] {
                try w.db.execute(sql: "DROP TABLE \(table)")
                try w.db.execute(sql: "ALTER TABLE \(table)_5 RENAME TO \(table)")
            }
            try w.db.execute(sql: "DROP TABLE sentences")
            for sql in Schema.rowIndexes where !sql.contains("event_actors") { try w.db.execute(sql: sql) }
            try w.setMeta("schema", "5")
        }
        // And schema 4's: the document's text and contribution in its row.
        if version == "4" {
            try store.transaction { w in
                try w.db.execute(sql: """
                    CREATE TABLE documents_4(
                        rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT, date TEXT, source TEXT,
                        url TEXT, hash TEXT NOT NULL, text TEXT NOT NULL, sentences INTEGER NOT NULL,
                        mentions INTEGER NOT NULL, contribution BLOB NOT NULL)
                    """)
                try w.db.execute(sql: """
                    INSERT INTO documents_4
                    SELECT d.rowid, id, title, date, source, url, hash, text, sentences, mentions, contribution
                    FROM documents d JOIN document_bodies b ON b.rowid = d.rowid
                    """)
                try w.db.execute(sql: "DROP TABLE documents")
                try w.db.execute(sql: "DROP TABLE document_bodies")
                try w.db.execute(sql: "ALTER TABLE documents_4 RENAME TO documents")
                try w.setMeta("schema", "4")
            }
        }
        try store.close()
        func schema(_ s: GraphStore) throws -> String? { try s.read { try $0.meta("schema") } }

        let readOnly = try GraphStore.open(at: path, readonly: true)
        #expect(try schema(readOnly) == version)
        #expect(try described(readOnly) == expected)
        try readOnly.close()

        let writable = try GraphStore.open(at: path)
        #expect(try schema(writable) == "6")
        #expect(try described(writable) == expected)
        #expect(try writable.read { try $0.contributions().map(\.actors) } == contributions)
        // Each document's sentences once: evidence rows and events that quote one sentence share its row.
        let (sentences, distinct) = try writable.read { r in
            (try r.count("sentences"), try Int.fetchOne(r.db, sql: """
                SELECT count(*) FROM (SELECT DISTINCT document, sentence FROM evidence_text
                                      UNION SELECT document, sentence FROM event_text)
                """) ?? 0)
        }
        let evidenceRows = try writable.read { try $0.count("evidence") }
        #expect(sentences == distinct && sentences < evidenceRows + 2)
        #expect(try writable.transaction { try $0.put(annotated("c", "Then Dave met Erin.")) } == .inserted)
        #expect(try writable.read { try $0.count("document_bodies") } == 3)
        try writable.close()
    }

    /// A store of a schema this code does not read, an SQLite file that is no store, or a file that is not SQLite
    /// is refused with the file's path and version, by read-only and writable opens alike, and left as it was.
    @Test func anUnreadableStoreIsRefusedByName() throws {
        let (store, path) = try temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try store.transaction { try $0.setMeta("schema", "3") }
        try store.close()
        let other = FileManager.default.temporaryDirectory
            .appendingPathComponent("ng-other-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: other) }
        try DatabaseQueue(path: other).write { try $0.execute(sql: "CREATE TABLE notes(text TEXT)") }
        let text = other + ".txt"
        defer { try? FileManager.default.removeItem(atPath: text) }
        try Data(String(repeating: "Not a database at all.\n", count: 400).utf8).write(to: URL(fileURLWithPath: text))
        for (file, found) in [(path, "found 3"), (other, "found none"), (text, "found none")] {
            for readonly in [true, false] {
                #expect {
                    try GraphStore.open(at: file, readonly: readonly)
                } throws: { error in
                    guard let error = error as? StoreError, case .incompatible = error else { return false }
                    return error.description.contains(file) && error.description.contains(found)
                }
            }
        }
        let version = try DatabaseQueue(path: path).read {
            try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'schema'")
        }
        #expect(version == "3")
        let notADatabase = Data(String(repeating: "Not a database at all.\n", count: 400).utf8)
        #expect(FileManager.default.contents(atPath: text) == notADatabase)
    }

    /// A reader or writer waits while another connection (here in this process, as another process would be)
    /// holds the store locked, then goes on; one that would have to wait longer than its patience fails as
    /// `StoreError.busy`, naming the store, and changes nothing.
    @Test func anotherWriterIsWaitedForAndThenTold() throws {
        let (store, path) = try temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try store.transaction { try $0.put(annotated("a", "Then Alice met Bob.")) }
        try store.close()
        /// Holds an exclusive lock on the store for `seconds`, from another thread, and returns once it is held.
        func holdLocked(for seconds: Double) throws -> DispatchGroup {
            let other = try DatabaseQueue(path: path)
            let held = DispatchSemaphore(value: 0)
            let done = DispatchGroup()
            DispatchQueue.global().async(group: done) {
                try? other.inDatabase { db in
                    try db.execute(sql: "BEGIN EXCLUSIVE")
                    held.signal()
                    Thread.sleep(forTimeInterval: seconds)
                    try db.execute(sql: "COMMIT")
                }
                try? other.close()
            }
            held.wait()
            return done
        }
        for readonly in [true, false] {
            var done = try holdLocked(for: 0.4)
            let start = Date()
            let waited = try GraphStore.open(at: path, readonly: readonly)
            let documents = try waited.read { try $0.count("documents") }
            #expect(documents == 1 && Date().timeIntervalSince(start) > 0.3)
            try waited.close()
            done.wait()

            let opened = try GraphStore.open(at: path, readonly: readonly,
                                             patience: .init(readers: 0.1, writers: 0.1))
            done = try holdLocked(for: 0.6)
            #expect {
                if readonly {
                    _ = try opened.read { try $0.count("documents") }
                } else {
                    try opened.transaction { _ = try $0.put(annotated("b", "So Carol saw Dave.")) }
                }
            } throws: { error in
                guard let error = error as? StoreError, case .busy = error else { return false }
                return error.description.contains(path)
            }
            done.wait()
            #expect(try opened.read { try $0.count("documents") } == 1)
            try opened.close()
        }
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

    /// The stored timeline counts what reading every event would: the same dates, counts and kept events (the
    /// first of each date, with only the named actors), undated and unreadable dates together.
    @Test func aStoredTimelineCountsWhatReadingEveryEventWould() throws {
        let (store, path) = try temporaryStore()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let dates: [String?] = ["2025-10-21", nil, "2025-10", "2025-10-21", "PRESENT_REF", "2025-10-21", "2024",
                                "2025-10-21", nil, "2025-10", "XXXX-WXX", "2025-10-21", "2024-Q3", nil]
        let cast = [["alice", "bob"], ["carol"], ["bob", "dave"], ["dave"], ["alice"], ["erin", "carol", "bob"]]
        var graph = GraphBuilder().build([])
        // Positions 0…13 over again, so each date's first events are not the first rows the index gives.
        graph.events = EventList((0..<28).map { i in
            GraphEvent(id: "e\(i)", document: "d\(i / 4)", type: ["meet", "sign", "attack"][i % 3], cameo: nil,
                       trigger: "met", date: dates[i % dates.count], end: nil, dateText: nil,
                       actors: cast[i % cast.count], sentence: "Sentence \(i).")
        })
        try store.transaction { try $0.replaceGraph(graph) }
        try store.close()
        let readOnly = try GraphStore.open(at: path, readonly: true)
        defer { try? readOnly.close() }
        func described(_ t: Timeline) -> [String] {
            func events(_ list: [GraphEvent]) -> String {
                list.map { "\($0.id):\($0.actors.joined(separator: "+"))" }.joined(separator: " ")
            }
            return t.entries.map { "\($0.date) \($0.count) \(events($0.events))" }
                + ["undated \(t.undatedCount) \(events(t.undated))"]
        }
        for (keep, actors) in [(2, Set(["bob", "carol"])), (1, nil), (3, Set(["dave"])), (5, Set(["nobody"]))] {
            let filtered = try readOnly.events().compactMap { event in
                guard let actors else { return event }
                var e = event
                e.actors = event.actors.filter { actors.contains($0) }
                return e.actors.isEmpty ? nil : e
            }
            let expected = try Timeline(events: filtered, keepingPerDate: keep)
            let counted = try readOnly.eventTimeline(keepingPerDate: keep, naming: actors)
            #expect(described(counted) == described(expected), "keep \(keep), actors \(actors ?? [])")
        }
        // Not vacuous: dates with more events than kept, and undated events of both kinds.
        let all = try readOnly.eventTimeline(keepingPerDate: 2, naming: nil)
        #expect(all.entries.contains { $0.count > $0.events.count && $0.events.count == 2 })
        #expect(all.undatedCount == 10 && all.undated.map(\.id) == ["e1", "e4"])
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

import Actors
import Annotation
import Foundation
import GRDB
import Graph

/// The embedded SQLite store (`newsgraph.sqlite`): documents and their annotations, and the graph derived
/// from them. Exports and queries read it; `add` updates it in one transaction.
public final class GraphStore {
    public let path: String
    let queue: DatabaseQueue

    private init(path: String, queue: DatabaseQueue) {
        self.path = path
        self.queue = queue
    }

    private static func configuration(readonly: Bool = false) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
        config.foreignKeysEnabled = true
        if !readonly {
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        return config
    }

    /// Creates a new, empty store at `path` (which must not exist).
    public static func create(at path: String) throws -> GraphStore {
        let queue = try DatabaseQueue(path: path, configuration: configuration())
        try queue.write { db in try Schema.create(db) }
        return GraphStore(path: path, queue: queue)
    }

    /// Opens an existing store.
    public static func open(at path: String, readonly: Bool = false) throws -> GraphStore {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path) }
        // A rollback journal left by an interrupted write (Ctrl-C, SIGKILL) must be rolled back before anyone
        // reads; only a writable connection can do that, so open one first and let SQLite recover.
        if readonly, FileManager.default.fileExists(atPath: path + "-journal") {
            let recovery = try DatabaseQueue(path: path, configuration: configuration())
            _ = try recovery.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM meta") }
            try recovery.close()
        }
        let queue = try DatabaseQueue(path: path, configuration: configuration(readonly: readonly))
        let version = try queue.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'")
        }
        guard version == String(Schema.version) else { throw StoreError.incompatible(path, version) }
        return GraphStore(path: path, queue: queue)
    }

    /// Runs `body` in one write transaction: all of it is stored, or none of it.
    public func transaction<T>(_ body: (StoreWriter) throws -> T) throws -> T {
        try queue.write { db in try body(StoreWriter(db: db)) }
    }

    public func read<T>(_ body: (StoreReader) throws -> T) throws -> T {
        try queue.read { db in try body(StoreReader(db: db)) }
    }

    public func close() throws { try queue.close() }
}

public enum StoreError: Error, CustomStringConvertible {
    case missing(String)
    case incompatible(String, String?)

    public var description: String {
        switch self {
        case .missing(let path): return "no store at \(path) (run `newsgraph build` first)"
        case .incompatible(let path, let version):
            return "\(path) is not a NewsGraph store of schema \(Schema.version) (found \(version ?? "none"))"
        }
    }
}

/// What happened to a document given to `StoreWriter.put`.
public enum PutResult: Sendable {
    case inserted, unchanged, replaced
}

/// Writes inside a transaction.
public struct StoreWriter {
    let db: Database

    /// A content hash of a document's text and metadata (FNV-1a, 64 bits): a changed document replaces its
    /// old contributions, an unchanged one is left alone.
    public static func contentHash(_ doc: AnnotatedDocument) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ s: String?) {
            for b in (s ?? "\u{0}").utf8 {
                hash ^= UInt64(b)
                hash = hash &* 0x100_0000_01b3
            }
            hash ^= 0xFF
            hash = hash &* 0x100_0000_01b3
        }
        let d = doc.document
        mix(d.title); mix(d.date?.description); mix(d.source); mix(d.url); mix(d.text)
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Stores a document and its annotations; by id, an identical document is left alone and a changed one
    /// replaces the old (with every mention, time and event it had).
    @discardableResult
    public func put(_ doc: AnnotatedDocument) throws -> PutResult {
        let hash = Self.contentHash(doc)
        var result = PutResult.inserted
        if let row = try Row.fetchOne(db, sql: "SELECT rowid, hash FROM documents WHERE id = ?", arguments: [doc.document.id]) {
            if row["hash"] as String == hash { return .unchanged }
            try db.execute(sql: "DELETE FROM documents WHERE rowid = ?", arguments: [row["rowid"] as Int64])
            result = .replaced
        }
        let d = doc.document
        try db.cachedStatement(sql: "INSERT INTO documents(id, title, date, source, url, hash, text) VALUES (?,?,?,?,?,?,?)")
            .execute(arguments: [d.id, d.title, d.date?.description, d.source, d.url, hash, d.text])
        let rowid = db.lastInsertedRowID

        let actorIndex = Dictionary(doc.actors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var counts = [Int](repeating: 0, count: doc.actors.count)
        var sentencesWithContent = Set<Int>()
        for m in doc.mentions {
            if let i = actorIndex[m.actor] { counts[i] += 1 }
            sentencesWithContent.insert(m.sentence)
        }
        for e in doc.events { sentencesWithContent.insert(e.sentence) }

        let sentence = try db.cachedStatement(
            sql: "INSERT INTO sentences(document, idx, start, \"end\", paragraph, text) VALUES (?,?,?,?,?,?)")
        for (i, s) in doc.sentences.enumerated() {
            let text: String? = sentencesWithContent.contains(i) ? doc.sentenceText(i) : nil
            try sentence.execute(arguments: [rowid, i, s.range.lowerBound, s.range.upperBound, s.paragraph, text])
        }
        let actor = try db.cachedStatement(
            sql: "INSERT INTO document_actors(document, idx, id, name, type, aliases, titles, mentions) VALUES (?,?,?,?,?,?,?,?)")
        for (i, a) in doc.actors.enumerated() {
            try actor.execute(arguments: [rowid, i, a.id, a.name, a.type.rawValue, ListField.join(a.aliases),
                                          ListField.join(a.titles), counts[i]])
        }
        let mention = try db.cachedStatement(
            sql: "INSERT INTO mentions(document, sentence, start, \"end\", text, actor, type, kind, title) VALUES (?,?,?,?,?,?,?,?,?)")
        for m in doc.mentions {
            try mention.execute(arguments: [rowid, m.sentence, m.range.lowerBound, m.range.upperBound, m.text,
                                            actorIndex[m.actor] ?? -1, m.type.rawValue, m.kind.rawValue, m.title])
        }
        let time = try db.cachedStatement(
            sql: "INSERT INTO times(document, sentence, start, \"end\", text, type, value, range_end) VALUES (?,?,?,?,?,?,?,?)")
        for t in doc.times {
            try time.execute(arguments: [rowid, t.sentence, t.range.lowerBound, t.range.upperBound, t.text,
                                         t.type.rawValue, t.value, t.end])
        }
        let event = try db.cachedStatement(sql: """
            INSERT INTO events(document, idx, type, cameo, trigger, trigger_start, trigger_end, date, "end", date_text,
                               sentence, actors, source, target) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        for (i, e) in doc.events.enumerated() {
            try event.execute(arguments: [rowid, i, e.type, e.cameo, e.triggerText, e.trigger.lowerBound, e.trigger.upperBound,
                                          e.date, e.end, e.dateText, e.sentence, ListField.join(e.actors), e.source, e.target])
        }
        return result
    }

    public func setMeta(_ key: String, _ value: String) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
    }

    /// Replaces the derived graph.
    public func replaceGraph(_ graph: ActorGraph) throws {
        for table in ["actors", "aliases", "edges", "evidence", "graph_events", "event_actors", "adjacency"] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        let actor = try db.cachedStatement(sql: """
            INSERT INTO actors(idx, id, name, type, mentions, documents, first, last, degree, weighted_degree, pagerank,
                               betweenness, component, community) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        let alias = try db.cachedStatement(sql: "INSERT INTO aliases(actor, alias, key) VALUES (?,?,?)")
        for (i, n) in graph.nodes.enumerated() {
            let m = n.metrics
            try actor.execute(arguments: [i, n.id, n.name, n.type.rawValue, n.mentions, n.documents, n.first, n.last,
                                          m.degree, m.weightedDegree, m.pagerank, m.betweenness, m.component, m.community])
            for name in Set([n.name] + n.aliases) {
                try alias.execute(arguments: [i, name, ListField.key(name)])
            }
        }
        let edge = try db.cachedStatement(sql: """
            INSERT INTO edges(idx, source, target, weight, documents, first, last, association, event_types)
            VALUES (?,?,?,?,?,?,?,?,?)
            """)
        let evidence = try db.cachedStatement(sql: "INSERT INTO evidence(edge, document, sentence, date) VALUES (?,?,?,?)")
        for (i, e) in graph.edges.enumerated() {
            try edge.execute(arguments: [i, e.source, e.target, e.weight, e.documents, e.first, e.last, e.association,
                                         ListField.join(e.eventTypes)])
            for ev in e.evidence { try evidence.execute(arguments: [i, ev.document, ev.sentence, ev.date]) }
        }
        let event = try db.cachedStatement(sql: """
            INSERT INTO graph_events(idx, id, document, type, cameo, trigger, date, "end", date_text, sentence)
            VALUES (?,?,?,?,?,?,?,?,?,?)
            """)
        let eventActor = try db.cachedStatement(sql: "INSERT INTO event_actors(event, actor, position) VALUES (?,?,?)")
        for (i, e) in graph.events.enumerated() {
            try event.execute(arguments: [i, e.id, e.document, e.type, e.cameo, e.trigger, e.date, e.end, e.dateText, e.sentence])
            for (p, a) in e.actors.enumerated() { try eventActor.execute(arguments: [i, a, p]) }
        }
        let adjacency = Adjacency(graph)
        try db.execute(sql: "INSERT INTO adjacency(offsets, links) VALUES (?, ?)",
                       arguments: [adjacency.offsetsBlob, adjacency.linksBlob])
    }

    public var reader: StoreReader { StoreReader(db: db) }
}

/// Lists stored in one column, separated by U+001F (a character no name contains).
enum ListField {
    static let separator: Character = "\u{1F}"

    static func join(_ items: [String]) -> String { items.joined(separator: String(separator)) }

    static func split(_ field: String?) -> [String] {
        guard let field, !field.isEmpty else { return [] }
        return field.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
    }

    /// The lookup key of a name: lowercased, with periods and extra spaces removed ("U.S." → "us").
    static func key(_ name: String) -> String {
        ActorNameKey.make(name)
    }
}

/// How users' typed names are matched against actor names and aliases.
public enum ActorNameKey {
    public static func make(_ name: String) -> String {
        var out = ""
        var space = false
        for ch in name.lowercased() {
            if ch == "." || ch == "\u{2019}" || ch == "'" { continue }
            if ch == " " || ch == "-" || ch == "\t" {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" ") }
            space = false
            out.append(ch)
        }
        return out
    }
}

import Actors
import Annotation
import Foundation
import GRDB
import Graph

/// The embedded SQLite store (`newsgraph.sqlite`): documents and their annotations, and the graph derived
/// from them. Exports and queries read it; `add` updates it in one transaction.
public final class GraphStore: Sendable {
    public let path: String
    let queue: DatabaseQueue
    /// For a read-only store: connections of their own for the export writers, which read the stored events
    /// side by side (through `queue` they took turns).
    private let eventReaders: ReadConnections?

    private init(path: String, queue: DatabaseQueue, readonly: Bool = false, patience: Patience = Patience()) {
        self.path = path
        self.queue = queue
        eventReaders = readonly
            ? ReadConnections(path: path, configuration: GraphStore.configuration(path, readonly: true,
                                                                                  waitingUpTo: patience.readers))
            : nil
    }

    /// How long a command waits for another process that holds the store (SQLite's locks): a reader waits
    /// through another's commit (2–3 s for 16 copies of Reuters), a writer for another `add` to finish.
    public struct Patience: Sendable {
        public var readers: Double
        public var writers: Double

        public init(readers: Double = 60, writers: Double = 600) {
            self.readers = readers
            self.writers = writers
        }
    }

    /// Told what takes long for a reason the user would not guess (a wait for another process that has lasted
    /// a second; a migration to this schema): a line on stderr, unless replaced (before any store is opened).
    nonisolated(unsafe) public static var notice: @Sendable (String) -> Void = { message in
        FileHandle.standardError.write(Data("newsgraph: \(message)\n".utf8))
    }

    /// A connection's configuration; it waits up to `seconds` for another process that holds the store.
    private static func configuration(_ path: String, readonly: Bool = false, scratch: Bool = false,
                                      waitingUpTo seconds: Double) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
        config.foreignKeysEnabled = true
        // Without a busy handler, a query during another process's commit failed at once with "database is
        // locked", and a second `add` as soon as it began.
        let wait = StoreWait(store: path, seconds: seconds)
        config.busyMode = .callback { tries in wait.again(after: tries) }
        if readonly {
            config.prepareDatabase { db in
                // A store of an older schema is read as it is, through views like those of the current one. (A
                // file that is no store at all is refused by `open`, which reads the version again.)
                let version = try? String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'")
                if let version, Schema.sentencesInRows.contains(version) {
                    for sql in Schema.legacyViews { try db.execute(sql: sql) }
                }
            }
        } else {
            config.prepareDatabase { db in
                // A build writes hundreds of megabytes: a 64 MB page cache keeps index pages from being spilled.
                try db.execute(sql: "PRAGMA cache_size = -65536")
                // A scratch store (a fresh build, renamed into place only when complete, deleted on failure)
                // needs no rollback journal and no fsync; every other store keeps both.
                try db.execute(sql: scratch ? "PRAGMA journal_mode = OFF" : "PRAGMA synchronous = NORMAL")
                if scratch { try db.execute(sql: "PRAGMA synchronous = OFF") }
            }
        }
        return config
    }

    /// Creates a new, empty store at `path` (which must not exist). A `scratch` store is written without a
    /// journal or fsync: only for a file that is thrown away if anything fails and renamed into place after.
    public static func create(at path: String, scratch: Bool = false, patience: Patience = Patience()) throws
        -> GraphStore {
        try waiting(path) {
            let queue = try DatabaseQueue(path: path, configuration: configuration(path, scratch: scratch,
                                                                                   waitingUpTo: patience.writers))
            try queue.write { db in try Schema.create(db) }
            return GraphStore(path: path, queue: queue, patience: patience)
        }
    }

    /// Opens an existing store.
    public static func open(at path: String, readonly: Bool = false, patience: Patience = Patience()) throws
        -> GraphStore {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path) }
        return try waiting(path) {
            // A rollback journal left by an interrupted write (Ctrl-C, SIGKILL) must be rolled back before anyone
            // reads; only a writable connection can do that, so open one first and let SQLite recover. (The
            // journal of another process's write in progress is left alone: SQLite sees its lock.)
            if readonly, FileManager.default.fileExists(atPath: path + "-journal") {
                let recovery = try DatabaseQueue(path: path,
                                                 configuration: configuration(path, waitingUpTo: patience.readers))
                _ = try recovery.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM meta") }
                try recovery.close()
            }
            let queue: DatabaseQueue
            let version: String?
            do {
                queue = try DatabaseQueue(path: path, configuration: configuration(
                    path, readonly: readonly, waitingUpTo: readonly ? patience.readers : patience.writers))
                version = try queue.read { db in
                    try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'")
                }
            } catch let error as DatabaseError where [.SQLITE_ERROR, .SQLITE_NOTADB].contains(error.resultCode) {
                // No `meta` table, or not an SQLite file: no store of ours.
                throw StoreError.incompatible(path, nil)
            }
            guard let version, Schema.readable.contains(version) else { throw StoreError.incompatible(path, version) }
            if !readonly, version != String(Schema.version) {
                notice("migrating \(path) from schema \(version) to \(Schema.version), once (about a minute for "
                       + "300,000 articles)")
                try queue.write { db in try Schema.migrate(db, from: version) }
            }
            return GraphStore(path: path, queue: queue, readonly: readonly, patience: patience)
        }
    }

    /// `body`, with SQLite's "database is locked", once the wait for another process has run out, told as
    /// `StoreError.busy`.
    private static func waiting<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw StoreError.busy(path)
        }
    }

    /// Runs `body` in one write transaction: all of it is stored, or none of it.
    public func transaction<T>(_ body: (StoreWriter) throws -> T) throws -> T {
        try Self.waiting(path) { try queue.write { db in try body(StoreWriter(db: db)) } }
    }

    public func read<T>(_ body: (StoreReader) throws -> T) throws -> T {
        try Self.waiting(path) { try queue.read { db in try body(StoreReader(db: db)) } }
    }

    public func close() throws {
        try eventReaders?.close()
        try queue.close()
    }

    /// The stored graph with each edge's first `evidencePerEdge` evidence sentences (all when nil) and its
    /// events read from the store a page at a time as they are visited, so the store must stay open while
    /// they are.
    public func graph(evidencePerEdge: Int?) throws -> ActorGraph {
        var graph = try read { try $0.graphWithoutEvents(evidencePerEdge: evidencePerEdge) }
        graph.events = try events()
        return graph
    }

    /// `StoreReader.eventTimeline(keepingPerDate:naming:)`, on a connection of its own in a read-only store
    /// (an export writer's, beside those reading events).
    public func eventTimeline(keepingPerDate keep: Int, naming actors: Set<String>?) throws -> Timeline {
        try readAside { try $0.eventTimeline(keepingPerDate: keep, naming: actors) }
    }

    /// The stored events, read a page at a time as they are visited (the store must stay open while they are).
    /// A read-only store reads the next page ahead on another thread, on a connection of its own; a writable
    /// one reads through `queue`, which a caller may be inside.
    public func events() throws -> EventList {
        let count = try read { try $0.count("graph_events") }
        return EventList(stored: count, readsAhead: eventReaders != nil) { [self] range in
            try readAside { try $0.events(in: range) }
        }
    }

    /// `read`, but on a connection of its own (`eventReaders`) in a read-only store, so that export writers
    /// read side by side.
    private func readAside<T>(_ body: (StoreReader) throws -> T) throws -> T {
        guard let eventReaders else { return try read(body) }
        return try Self.waiting(path) { try eventReaders.read(body) }
    }
}

/// Read-only connections to one store, opened as readers ask for them and kept for the next: each export
/// writer that reads events at the same time as another gets its own.
private final class ReadConnections: @unchecked Sendable {
    private let path: String
    private let configuration: Configuration
    private let lock = NSLock()
    private var idle = [DatabaseQueue]()
    private var all = [DatabaseQueue]()

    init(path: String, configuration: Configuration) {
        self.path = path
        self.configuration = configuration
    }

    func read<T>(_ body: (StoreReader) throws -> T) throws -> T {
        let queue = try take()
        defer { give(queue) }
        return try queue.read { db in try body(StoreReader(db: db)) }
    }

    private func take() throws -> DatabaseQueue {
        lock.lock()
        if let queue = idle.popLast() {
            lock.unlock()
            return queue
        }
        lock.unlock()
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        lock.lock()
        all.append(queue)
        lock.unlock()
        return queue
    }

    private func give(_ queue: DatabaseQueue) {
        lock.lock()
        idle.append(queue)
        lock.unlock()
    }

    func close() throws {
        lock.lock()
        let queues = all
        all = []
        idle = []
        lock.unlock()
        for queue in queues { try queue.close() }
    }
}

/// Waiting for another process that holds a store, between tries to take it: a short sleep each time, a line
/// (`GraphStore.notice`) once the wait has lasted a second, and an end after `seconds`. SQLite's busy handler
/// and the writers' lock file (`WriterLock`) both wait so.
public struct StoreWait: Sendable {
    public let store: String
    public let seconds: Double
    private static let step = 0.02

    public init(store: String, seconds: Double) {
        self.store = store
        self.seconds = seconds
    }

    /// Sleeps after the `tries`-th failed try (counted from 0); false, without sleeping, once the wait has
    /// lasted `seconds`, when the caller should give up (`StoreError.busy`).
    public func again(after tries: Int) -> Bool {
        guard Double(tries) * Self.step < seconds else { return false }
        if tries == Int(1 / Self.step) {
            GraphStore.notice("\(store) is being written by another process; waiting for it (up to \(Int(seconds)) s)")
        }
        Thread.sleep(forTimeInterval: Self.step)
        return true
    }
}

public enum StoreError: Error, CustomStringConvertible {
    case missing(String)
    case incompatible(String, String?)
    /// Another process held the store for longer than this one would wait.
    case busy(String)

    public var description: String {
        switch self {
        case .missing(let path): return "no store at \(path) (run `newsgraph build` first)"
        case .incompatible(let path, let version):
            return "\(path) is not a NewsGraph store of schema \(Schema.version) (found \(version ?? "none")); "
                + "rebuild it from the articles with `newsgraph build`"
        case .busy(let path):
            return "\(path) is still being written by another process (a `newsgraph add`?); "
                + "nothing was changed: try again when it has finished"
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
            var s = s ?? "\u{0}"
            // Over the contiguous bytes: iterating `String.utf8` cost ~35 instructions a byte.
            s.withUTF8 { bytes in
                for b in bytes {
                    hash ^= UInt64(b)
                    hash = hash &* 0x100_0000_01b3
                }
            }
            hash ^= 0xFF
            hash = hash &* 0x100_0000_01b3
        }
        let d = doc.document
        mix(d.title); mix(d.date?.description); mix(d.source); mix(d.url); mix(d.text)
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Stores a document and its contribution; by id, an identical document is left alone and a changed one
    /// replaces the old.
    @discardableResult
    public func put(_ doc: AnnotatedDocument) throws -> PutResult {
        try put(PreparedDocument(doc))
    }

    /// `put` for a document whose row was prepared elsewhere (on a worker thread): this only binds it.
    @discardableResult
    public func put(_ prepared: PreparedDocument) throws -> PutResult {
        let d = prepared.document
        var result = PutResult.inserted
        // Cached statements: an uncached one is compiled again for each of a corpus's documents.
        var existing: (row: Int64, hash: String)?
        try RowScanner(db, "SELECT rowid, hash FROM documents WHERE id = ?").forEach(text: d.id) { row in
            existing = (row.int64(0), row.string(1))
        }
        if let existing {
            if existing.hash == prepared.hash { return .unchanged }
            try db.execute(sql: "DELETE FROM documents WHERE rowid = ?", arguments: [existing.row])
            try db.execute(sql: "DELETE FROM document_bodies WHERE rowid = ?", arguments: [existing.row])
            result = .replaced
        }
        try RowInserter(db, """
            INSERT INTO documents(id, title, date, source, url, hash, sentences, mentions) VALUES (?,?,?,?,?,?,?,?)
            """).insert { b in
            b.text(d.id); b.text(d.title); b.text(d.date?.description); b.text(d.source); b.text(d.url); b.text(prepared.hash)
            b.int(prepared.sentences); b.int(prepared.mentions)
        }
        let row = db.lastInsertedRowID
        try RowInserter(db, "INSERT INTO document_bodies(rowid, text, contribution) VALUES (?,?,?)").insert { b in
            b.int64(row); b.text(d.text); b.blob(prepared.contribution)
        }
        return result
    }

    public func setMeta(_ key: String, _ value: String) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
    }

    /// Records what the stored graph was summed from (see `MetaKey`).
    public func setSummedGraph(through lastDocument: Int64, window: String, windows: Int) throws {
        try setMeta(MetaKey.summedThrough, String(lastDocument))
        try setMeta(MetaKey.summedWindow, window)
        try setMeta(MetaKey.windows, String(windows))
    }

    /// Replaces the derived graph with `graph`: its evidence sentences are those its edges hold, its events
    /// those of `graph.events`.
    public func replaceGraph(_ graph: ActorGraph) throws {
        let rows = try beginGraph()
        for e in graph.edges {
            for ev in e.evidence { try rows.evidence(e.source, e.target, ev) }
        }
        var dates = [String: String]()
        for d in graph.documents { dates[d.id] = d.date }
        try graph.events.forEach { try rows.event($0, documentDate: dates[$0.document]) }
        try rows.finishRows()
        try finishGraph(graph)
    }

    /// Empties the derived graph's tables, dropping their indexes while they are refilled: one sorted index
    /// build after is far cheaper than a million incremental updates.
    ///
    /// `replaceGraph` in steps, for a build that stores evidence and events as it finds them: their rows go
    /// through the returned writer, then `finishGraph` writes the rest.
    public func beginGraph() throws -> GraphRowWriter {
        for index in Schema.graphIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(Schema.indexName(index))") }
        for table in ["actors", "aliases", "edges", "sentences", "evidence", "graph_events", "event_actors",
                      "adjacency", "registry"] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        // Until `setSummedGraph` says what the new graph was summed from, no add may resume from it.
        try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [MetaKey.summedThrough])
        return try GraphRowWriter(db)
    }

    /// For an add that sums only new documents onto the stored graph: empties the actors, aliases, edges and
    /// adjacency (dropping their indexes), which `finishGraph` writes again, and keeps the evidence and event
    /// rows, to which the returned writer appends (its evidence keyed by `serials`, each node's serial; the
    /// rows' indexes stay and take the few new rows).
    public func beginGraphUpdate(serials: [Int]) throws -> GraphRowWriter {
        for index in Schema.nodeIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(Schema.indexName(index))") }
        for table in ["actors", "aliases", "edges", "adjacency"] { try db.execute(sql: "DELETE FROM \(table)") }
        return try GraphRowWriter(db, serials: serials, nextEvent: try reader.count("graph_events"))
    }

    /// Stored events that named actor `old` name `new` instead (an add renamed the node).
    public func renameEventActor(_ old: String, to new: String) throws {
        try db.execute(sql: "UPDATE event_actors SET actor = ? WHERE actor = ?", arguments: [new, old])
    }

    /// Every document-level actor summed so far and the canonical actor each resolved to (see `Schema`).
    public func storeRegistry(_ records: [ActorRegistry.Record], canonical: [String: String]) throws {
        try db.execute(sql: "DELETE FROM registry")
        let row = try RowInserter(db, "INSERT INTO registry(id, name, mentions, aliases, votes, canonical) VALUES (?,?,?,?,?,?)")
        for r in records {
            try row.insert { b in
                b.text(r.id); b.text(r.name); b.int(r.mentions); b.text(ListField.join(r.aliases))
                b.text(ListField.join(votes: r.typeVotes))
                b.text(canonical[r.id] ?? r.id)
            }
        }
    }

    /// Writes the graph's actors, aliases, edges and adjacency, then builds their indexes (the evidence and
    /// event rows' indexes are built by `GraphRowWriter.finishRows`). `serials` gives each node's serial
    /// (the key of its evidence rows); without it, a node's serial is its index.
    public func finishGraph(_ graph: ActorGraph, serials: [Int]? = nil) throws {
        try storeActors(graph, serials: serials)
        try storeLinks(graph)
    }

    /// `finishGraph`'s actors, with their analytics, and their ranking indexes.
    public func storeActors(_ graph: ActorGraph, serials: [Int]? = nil) throws {
        let actor = try RowInserter(db, """
            INSERT INTO actors(idx, id, name, type, mentions, documents, first, last, degree, weighted_degree, pagerank,
                               betweenness, component, community, serial, windows)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            """)
        for (i, n) in graph.nodes.enumerated() {
            let m = n.metrics
            try actor.insert { b in
                b.int(i); b.text(n.id); b.text(n.name); b.text(n.type.rawValue); b.int(n.mentions); b.int(n.documents)
                b.text(n.first); b.text(n.last); b.int(m.degree); b.double(m.weightedDegree); b.double(m.pagerank)
                b.double(m.betweenness); b.int(m.component); b.int(m.community); b.int(serials?[i] ?? i); b.int(n.windows)
            }
        }
        for index in Schema.actorIndexes { try db.execute(sql: index) }
    }

    /// `finishGraph`'s aliases, edges and adjacency, and their indexes: none needs the analytics, so an add
    /// writes them while those are computed.
    public func storeLinks(_ graph: ActorGraph) throws {
        let alias = try RowInserter(db, "INSERT INTO aliases(actor, alias, key) VALUES (?,?,?)")
        for (i, n) in graph.nodes.enumerated() {
            for name in Set([n.name] + n.aliases).sorted() {
                try alias.insert { b in b.int(i); b.text(name); b.text(ListField.key(name)) }
            }
        }
        let edge = try RowInserter(db, """
            INSERT INTO edges(idx, source, target, weight, documents, first, last, association, event_types)
            VALUES (?,?,?,?,?,?,?,?,?)
            """)
        for (i, e) in graph.edges.enumerated() {
            try edge.insert { b in
                b.int(i); b.int(e.source); b.int(e.target); b.int(e.weight); b.int(e.documents); b.text(e.first); b.text(e.last)
                b.double(e.association); b.text(ListField.join(e.eventTypes))
            }
        }
        let adjacency = Adjacency(graph)
        try db.execute(sql: "INSERT INTO adjacency(offsets, links) VALUES (?, ?)",
                       arguments: [adjacency.offsetsBlob, adjacency.linksBlob])
        for index in Schema.linkIndexes { try db.execute(sql: index) }
    }

    public var reader: StoreReader { StoreReader(db: db) }
}

/// Writes evidence and event rows, numbering events in order, and the sentences they quote. Only on the
/// store's thread.
public final class GraphRowWriter {
    private let db: Database
    private let sentenceRow: RowInserter
    private let evidenceRow: RowInserter
    private let eventRow: RowInserter
    private let eventActorRow: RowInserter
    private var nextEvent: Int
    /// Each node's serial, when it is not its index.
    private let serials: [Int]?
    /// The sentences stored for the document whose rows came last, by text: a document's evidence and events
    /// come together, so each of its sentences is stored once (a document that came back later would store
    /// its sentences again, which costs room, not correctness).
    private var sentenceDocument: String?
    private var sentenceRows = [SentenceKey: Int64]()

    fileprivate init(_ db: Database, serials: [Int]? = nil, nextEvent: Int = 0) throws {
        self.db = db
        self.serials = serials
        self.nextEvent = nextEvent
        sentenceRow = try RowInserter(db, "INSERT INTO sentences(document, date, text) VALUES (?,?,?)")
        evidenceRow = try RowInserter(db, "INSERT INTO evidence(source, target, sentence) VALUES (?,?,?)")
        eventRow = try RowInserter(db, """
            INSERT INTO graph_events(idx, id, type, cameo, trigger, date, "end", date_text, sentence)
            VALUES (?,?,?,?,?,?,?,?,?)
            """)
        eventActorRow = try RowInserter(db, "INSERT INTO event_actors(event, actor, position) VALUES (?,?,?)")
    }

    /// The row of `text`, a sentence of `document` (whose date is `date`), stored now if it is not yet.
    private func sentence(_ text: String, of document: String, dated date: String?) throws -> Int64 {
        if document != sentenceDocument {
            sentenceDocument = document
            sentenceRows.removeAll(keepingCapacity: true)
        } else if let row = sentenceRows[SentenceKey(text)] {
            return row
        }
        try sentenceRow.insert { b in b.text(document); b.text(date); b.text(text) }
        let row = db.lastInsertedRowID
        sentenceRows[SentenceKey(text)] = row
        return row
    }

    /// One evidence sentence of the edge between actors `source` and `target` (indices, source < target).
    public func evidence(_ source: Int, _ target: Int, _ ev: Evidence) throws {
        // Serials in rising order, which they keep for good (indices do not).
        let (s, t) = serials.map { (min($0[source], $0[target]), max($0[source], $0[target])) } ?? (source, target)
        let row = try sentence(ev.sentence, of: ev.document, dated: ev.date)
        try evidenceRow.insert { b in b.int(s); b.int(t); b.int64(row) }
    }

    /// Builds the evidence and event rows' indexes, once every row is written.
    public func finishRows() throws {
        for index in Schema.rowIndexes { try db.execute(sql: index) }
    }

    /// One event, whose document is dated `documentDate` (its sentence's row keeps the document's date, as
    /// evidence rows read it).
    public func event(_ e: GraphEvent, documentDate: String?) throws {
        let i = nextEvent
        nextEvent += 1
        let row = try sentence(e.sentence, of: e.document, dated: documentDate)
        try eventRow.insert { b in
            b.int(i); b.text(e.id); b.text(e.type); b.text(e.cameo); b.text(e.trigger); b.text(e.date)
            b.text(e.end); b.text(e.dateText); b.int64(row)
        }
        for (p, a) in e.actors.enumerated() {
            try eventActorRow.insert { b in b.int(i); b.text(a); b.int(p) }
        }
    }
}

/// A sentence's text as a dictionary key that hashes its length and its first and last 16 bytes, not all of
/// it: a document's sentences differ there (rarely not, and then `==` tells them apart), and hashing whole
/// sentences cost ~1,000 instructions a lookup.
struct SentenceKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { bytes in
            hasher.combine(bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.prefix(16))))
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes.suffix(16))))
        }
    }
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

    /// A registry actor's type votes as "type=count" items, in type order.
    static func join(votes: [ActorType: Int]) -> String {
        join(votes.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue)=\($0.value)" })
    }

    static func votes(_ field: String?) -> [ActorType: Int] {
        var votes = [ActorType: Int]()
        for item in split(field) {
            let parts = item.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let type = ActorType(rawValue: String(parts[0])), let n = Int(parts[1]) { votes[type] = n }
        }
        return votes
    }
}

/// How users' typed names are matched against actor names and aliases.
public enum ActorNameKey {
    public static func make(_ name: String) -> String {
        if let key = makeASCII(name) { return key }
        // Unicode scalars, not Characters: grapheme breaking cost ~12,000 instructions a name, and a build
        // makes a key for every alias of every actor.
        var out = String.UnicodeScalarView()
        var space = false
        for scalar in name.lowercased().unicodeScalars {
            switch scalar {
            case ".", "\u{2019}", "'":
                continue
            case " ", "-", "\t":
                space = !out.isEmpty
            default:
                if space { out.append(" ") }
                space = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// The same rule on the bytes of an ASCII name (nearly all of them), written straight into the key (never
    /// longer than the name); nil for any other name. `lowercased()` and a scalar view cost ~5,000
    /// instructions a name.
    static func makeASCII(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                var n = 0
                var space = false
                for b in bytes {
                    switch b {
                    case UInt8(ascii: "."), UInt8(ascii: "'"):
                        continue
                    case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "\t"):
                        space = n > 0
                    default:
                        if space {
                            out[n] = UInt8(ascii: " ")
                            n += 1
                        }
                        space = false
                        out[n] = b >= 65 && b <= 90 ? b + 32 : b
                        n += 1
                    }
                }
                return n
            }
        }
    }
}

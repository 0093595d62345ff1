import GRDB

/// The SQLite schema. Two layers: what documents contributed (one row per document: its metadata and content
/// hash, and beside it its text and graph contribution, see `ContributionCodec`), which `add` updates per
/// document; and the graph derived from them (actors, aliases, edges, evidence, graph events and the sentences
/// those quote), rebuilt after every build or add.
///
/// Mentions and temporal expressions themselves are not kept: they are `extract`'s output, and the graph
/// needs only what a contribution holds. One row per document instead of one per sentence, mention, actor,
/// time and event cut a Reuters build's document rows from 630,000 to 19,000.
enum Schema {
    static let version = 6

    /// Versions this code reads: a store of schema 4 or 5 is read as it is (through `legacyViews`) and
    /// migrated by the first writable open (`migrate`).
    static let readable = ["4", "5", "6"]

    /// Versions whose evidence rows and events held their sentences (read through `legacyViews`).
    static let sentencesInRows = ["4", "5"]

    /// A document's metadata; its text and contribution are in `document_bodies`, under the same rowid. Kept
    /// apart, the metadata rows are small: listing the documents and summing their counts read a few
    /// megabytes, where rows holding each article (one page each) made them read the whole table (765 MB,
    /// 2.7 s of an add to 16 copies of Reuters).
    static func documentsTable(_ name: String) -> String {
        """
        CREATE TABLE \(name)(
            rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT, date TEXT, source TEXT, url TEXT,
            hash TEXT NOT NULL, sentences INTEGER NOT NULL, mentions INTEGER NOT NULL)
        """
    }

    static let documentBodiesTable =
        "CREATE TABLE document_bodies(rowid INTEGER PRIMARY KEY, text TEXT NOT NULL, contribution BLOB NOT NULL)"

    static let statements = [
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)",
        documentsTable("documents"),
        documentBodiesTable,
        // The derived graph.
        """
        CREATE TABLE actors(
            idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, type TEXT NOT NULL,
            mentions INTEGER NOT NULL, documents INTEGER NOT NULL, first TEXT, last TEXT,
            degree INTEGER NOT NULL, weighted_degree REAL NOT NULL, pagerank REAL NOT NULL, betweenness REAL NOT NULL,
            component INTEGER NOT NULL, community INTEGER NOT NULL, serial INTEGER NOT NULL UNIQUE,
            windows INTEGER NOT NULL)
        """,
        "CREATE TABLE aliases(actor INTEGER NOT NULL, alias TEXT NOT NULL, key TEXT NOT NULL)",
        """
        CREATE TABLE edges(
            idx INTEGER PRIMARY KEY, source INTEGER NOT NULL, target INTEGER NOT NULL, weight INTEGER NOT NULL,
            documents INTEGER NOT NULL, first TEXT, last TEXT, association REAL NOT NULL, event_types TEXT NOT NULL)
        """,
        sentencesTable,
        // Every evidence sentence, by its edge's ends: the actors' serials, lower first. Rows are written as
        // the graph is summed, before the edges are numbered.
        // An actor's index changes when an add brings actors that sort before it; its serial never does, so
        // an add appends evidence rows without renumbering the earlier ones.
        evidenceTable("evidence"),
        graphEventsTable("graph_events"),
        "CREATE TABLE event_actors(event INTEGER NOT NULL, actor TEXT NOT NULL, position INTEGER NOT NULL)",
        // The whole graph's adjacency in one row, so `path` reads a few megabytes instead of every edge row:
        // `offsets` holds n + 1 little-endian Int32 (actor i's links are offsets[i] ..< offsets[i+1]); `links`
        // holds (neighbor, edge) Int32 pairs, each actor's heaviest links first.
        "CREATE TABLE adjacency(offsets BLOB NOT NULL, links BLOB NOT NULL)",
        // Every document-level actor summed so far (`ActorRegistry.Record`) and the canonical actor it resolved
        // to: an add that only brings new documents resolves the new actors against these and, when no earlier
        // actor resolves differently, sums just the new documents onto the stored graph. Lists are
        // `ListField`s; votes are "type=count" items.
        """
        CREATE TABLE registry(
            id TEXT PRIMARY KEY, name TEXT NOT NULL, mentions INTEGER NOT NULL, aliases TEXT NOT NULL,
            votes TEXT NOT NULL, canonical TEXT NOT NULL) WITHOUT ROWID
        """,
    ] + textViews

    /// The sentences evidence rows and events quote, each once per document (with the document's date): Reuters
    /// has 172,224 evidence rows quoting 45,146 sentences and 116,371 events quoting 84,942, 92,340 in all.
    /// Stored in each row, their text took 68 of a Reuters store's 156 MB; here it takes 17.
    static let sentencesTable =
        "CREATE TABLE sentences(rowid INTEGER PRIMARY KEY, document TEXT NOT NULL, date TEXT, text TEXT NOT NULL)"

    static func evidenceTable(_ name: String) -> String {
        "CREATE TABLE \(name)(source INTEGER NOT NULL, target INTEGER NOT NULL, sentence INTEGER NOT NULL)"
    }

    static func graphEventsTable(_ name: String) -> String {
        """
        CREATE TABLE \(name)(
            idx INTEGER PRIMARY KEY, id TEXT NOT NULL, type TEXT NOT NULL, cameo TEXT, trigger TEXT NOT NULL,
            date TEXT, "end" TEXT, date_text TEXT, sentence INTEGER NOT NULL)
        """
    }

    /// Evidence rows and events with their sentences' text, as readers want them: `evidence_text(id, source,
    /// target, document, sentence, date)`, `id` the evidence row, and `event_text(idx, id, document, type,
    /// cameo, trigger, date, "end", date_text, sentence)`. SQLite flattens a view into the query that reads
    /// it, so a range of ids or an index on the ends is used as on the table.
    static let textViews = [
        """
        CREATE VIEW evidence_text AS SELECT e.rowid AS id, e.source, e.target, s.document, s.text AS sentence, s.date
        FROM evidence e JOIN sentences s ON s.rowid = e.sentence
        """,
        """
        CREATE VIEW event_text AS SELECT g.idx, g.id, s.document, g.type, g.cameo, g.trigger, g.date, g."end",
            g.date_text, s.text AS sentence
        FROM graph_events g JOIN sentences s ON s.rowid = g.sentence
        """,
    ]

    /// The same views over a schema-4 or -5 store, whose evidence and event rows held their sentences: made as
    /// temporary views by each read-only connection, which reads such a store as it is.
    static let legacyViews = [
        """
        CREATE TEMP VIEW evidence_text AS SELECT rowid AS id, source, target, document, sentence, date
        FROM main.evidence
        """,
        """
        CREATE TEMP VIEW event_text AS SELECT idx, id, document, type, cameo, trigger, date, "end", date_text,
            sentence
        FROM main.graph_events
        """,
    ]

    /// Indexes on the derived graph's tables. `replaceGraph` drops them while it refills the tables and
    /// builds them again after: one sorted build is far cheaper than a million incremental updates.
    static var graphIndexes: [String] { rowIndexes + nodeIndexes }

    /// Indexes on the evidence and event rows, which can be built as soon as those rows are written
    /// (`GraphRowWriter.finishRows`), before the actors and edges are.
    static let rowIndexes = [
        "CREATE INDEX evidence_pair ON evidence(source, target)",
        "CREATE INDEX event_actors_actor ON event_actors(actor)",
        "CREATE INDEX event_actors_event ON event_actors(event)",
        // Timeline order (dated first, by date), covering the filter columns: a page of events, filtered by
        // type and dates, is read from the index alone.
        "CREATE INDEX graph_events_order ON graph_events(date IS NULL, date, type, cameo, \"end\")",
    ]

    /// Indexes on the actors, aliases and edges.
    static var nodeIndexes: [String] { linkIndexes + actorIndexes }

    /// Indexes on the aliases and edges (`StoreWriter.storeLinks`).
    static let linkIndexes = [
        "CREATE INDEX aliases_key ON aliases(key)",
        "CREATE INDEX edges_source ON edges(source)",
        "CREATE INDEX edges_target ON edges(target)",
    ]

    /// Indexes on the actors (`StoreWriter.storeActors`).
    static let actorIndexes = [
        // Rankings answer `query actors --top N` and `communities` without sorting every actor.
        "CREATE INDEX actors_degree ON actors(degree DESC, mentions DESC, name)",
        "CREATE INDEX actors_weighted_degree ON actors(weighted_degree DESC, mentions DESC, name)",
        "CREATE INDEX actors_pagerank ON actors(pagerank DESC, mentions DESC, name)",
        "CREATE INDEX actors_betweenness ON actors(betweenness DESC, mentions DESC, name)",
        "CREATE INDEX actors_mentions ON actors(mentions DESC, name)",
        "CREATE INDEX actors_community ON actors(community, pagerank DESC, mentions DESC, name)",
    ]

    /// The index name of a `CREATE INDEX name ON …` statement.
    static func indexName(_ statement: String) -> String {
        String(statement.split(separator: " ")[2])
    }

    /// Brings a store of an older readable schema to this one, in the caller's transaction: schema 4 kept each
    /// document's text and contribution in its `documents` row; schemas 4 and 5 kept each evidence row's and
    /// event's sentence in the row.
    static func migrate(_ db: Database, from version: String) throws {
        if version == "4" { try moveDocumentBodies(db) }
        if sentencesInRows.contains(version) { try moveSentences(db) }
        try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'schema'", arguments: [String(Schema.version)])
    }

    /// Schema 4 → 5.
    private static func moveDocumentBodies(_ db: Database) throws {
        try db.execute(sql: documentBodiesTable)
        try db.execute(sql: """
            INSERT INTO document_bodies(rowid, text, contribution) SELECT rowid, text, contribution FROM documents
            """)
        try db.execute(sql: documentsTable("documents_5"))
        try db.execute(sql: """
            INSERT INTO documents_5(rowid, id, title, date, source, url, hash, sentences, mentions)
            SELECT rowid, id, title, date, source, url, hash, sentences, mentions FROM documents
            """)
        try db.execute(sql: "DROP TABLE documents")
        try db.execute(sql: "ALTER TABLE documents_5 RENAME TO documents")
    }

    /// Schema 5 → 6: each document's distinct sentences, in the order evidence rows and then events first quote
    /// them, go to `sentences`; evidence rows and events keep their rowids and refer to them.
    private static func moveSentences(_ db: Database) throws {
        try db.execute(sql: sentencesTable)
        try db.execute(sql: """
            INSERT INTO sentences(document, date, text)
            SELECT document, date, sentence FROM evidence GROUP BY document, sentence ORDER BY min(rowid)
            """)
        try db.execute(sql: "CREATE INDEX sentences_migrating ON sentences(document, text)")
        // An event's sentence gets its document's date, as an evidence row's has.
        try db.execute(sql: """
            INSERT INTO sentences(document, date, text)
            SELECT g.document, (SELECT date FROM documents WHERE id = g.document), g.sentence FROM graph_events g
            WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document = g.document AND s.text = g.sentence)
            GROUP BY g.document, g.sentence ORDER BY min(g.idx)
            """)
        try db.execute(sql: evidenceTable("evidence_6"))
        try db.execute(sql: """
            INSERT INTO evidence_6(rowid, source, target, sentence)
            SELECT e.rowid, e.source, e.target, s.rowid FROM evidence e
            JOIN sentences s ON s.document = e.document AND s.text = e.sentence ORDER BY e.rowid
            """)
        try db.execute(sql: graphEventsTable("graph_events_6"))
        try db.execute(sql: """
            INSERT INTO graph_events_6(idx, id, type, cameo, trigger, date, "end", date_text, sentence)
            SELECT g.idx, g.id, g.type, g.cameo, g.trigger, g.date, g."end", g.date_text, s.rowid FROM graph_events g
            JOIN sentences s ON s.document = g.document AND s.text = g.sentence ORDER BY g.idx
            """)
        try db.execute(sql: "DROP INDEX sentences_migrating")
        for table in ["evidence", "graph_events"] {
            try db.execute(sql: "DROP TABLE \(table)")
            try db.execute(sql: "ALTER TABLE \(table)_6 RENAME TO \(table)")
        }
        for sql in rowIndexes where sql.contains(" ON evidence(") || sql.contains(" ON graph_events(") {
            try db.execute(sql: sql)
        }
        for sql in textViews { try db.execute(sql: sql) }
    }

    static func create(_ db: Database) throws {
        for sql in statements + graphIndexes { try db.execute(sql: sql) }
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('schema', ?)", arguments: [String(version)])
    }
}

/// Keys of the `meta` table that describe the stored graph.
public enum MetaKey {
    /// The co-occurrence window (`CooccurrenceWindow`) the stored graph was summed with.
    public static let summedWindow = "summed_window"
    /// The row of the last document the stored graph was summed from: later rows are not in it yet.
    public static let summedThrough = "summed_through"
    /// Co-occurrence windows summed over those documents (`ActorGraph.windows`).
    public static let windows = "graph_windows"
}

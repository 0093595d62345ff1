import Actors
import GRDB
import Graph

/// Reads inside a transaction or a read block.
public struct StoreReader {
    let db: Database

    /// Every document's contribution to the graph, in insertion order: what `add` rebuilds the graph from.
    public func contributions() throws -> [DocumentContribution] {
        var order = [Int64]()
        var byRow = [Int64: DocumentContribution]()
        for row in try Row.fetchAll(db, sql: "SELECT rowid, id, title, date, source FROM documents ORDER BY rowid") {
            let rowid: Int64 = row["rowid"]
            order.append(rowid)
            byRow[rowid] = DocumentContribution(
                document: GraphDocument(id: row["id"], title: row["title"], date: row["date"], source: row["source"]),
                actors: [], mentionCounts: [], windows: [], events: [])
        }
        let actors = try Row.fetchCursor(db, sql: """
            SELECT document, id, name, type, aliases, titles, mentions FROM document_actors ORDER BY document, idx
            """)
        while let row = try actors.next() {
            let doc: Int64 = row["document"]
            let actor = DocumentActor(id: row["id"], name: row["name"], type: ActorType(rawValue: row["type"]) ?? .other,
                                      aliases: ListField.split(row["aliases"]), titles: ListField.split(row["titles"]))
            byRow[doc]?.actors.append(actor)
            byRow[doc]?.mentionCounts.append(row["mentions"])
        }
        // Sentence texts and paragraphs of the sentences that name actors or hold events.
        var sentenceInfo = [Int64: [Int: (paragraph: Int, text: String)]]()
        let sentences = try Row.fetchCursor(db, sql: "SELECT document, idx, paragraph, text FROM sentences WHERE text IS NOT NULL")
        while let row = try sentences.next() {
            sentenceInfo[row["document"], default: [:]][row["idx"]] = (row["paragraph"], row["text"])
        }
        var windows = [Int64: [Int: Set<Int32>]]()
        let mentions = try Row.fetchCursor(db, sql: "SELECT document, sentence, actor FROM mentions WHERE actor >= 0")
        while let row = try mentions.next() {
            windows[row["document"], default: [:]][row["sentence"], default: []].insert(Int32(row["actor"] as Int))
        }
        for (doc, bySentence) in windows {
            byRow[doc]?.windows = bySentence.keys.sorted().map { s in
                let info = sentenceInfo[doc]?[s]
                return DocumentContribution.Window(sentence: s, paragraph: info?.paragraph ?? 0,
                                                   actors: bySentence[s]!.sorted(), text: info?.text ?? "")
            }
        }
        let events = try Row.fetchCursor(db, sql: """
            SELECT document, type, cameo, trigger, date, "end", date_text, sentence, actors FROM events ORDER BY document, idx
            """)
        while let row = try events.next() {
            let doc: Int64 = row["document"]
            guard let c = byRow[doc] else { continue }
            let index = Dictionary(c.actors.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
            let sentence: Int = row["sentence"]
            byRow[doc]?.events.append(DocumentContribution.EventRecord(
                type: row["type"], cameo: row["cameo"], trigger: row["trigger"], date: row["date"], end: row["end"],
                dateText: row["date_text"], actors: ListField.split(row["actors"]).compactMap { index[$0] },
                sentence: sentence, sentenceText: sentenceInfo[doc]?[sentence]?.text ?? ""))
        }
        return order.compactMap { byRow[$0] }
    }

    /// The stored graph, as exports and queries use it.
    public func graph() throws -> ActorGraph {
        var graph = ActorGraph()
        graph.documents = try Row.fetchAll(db, sql: "SELECT id, title, date, source FROM documents ORDER BY rowid").map {
            GraphDocument(id: $0["id"], title: $0["title"], date: $0["date"], source: $0["source"])
        }
        var aliases = [Int: [String]]()
        for row in try Row.fetchAll(db, sql: "SELECT actor, alias FROM aliases ORDER BY actor, alias") {
            aliases[row["actor"], default: []].append(row["alias"])
        }
        graph.nodes = try Row.fetchAll(db, sql: "SELECT * FROM actors ORDER BY idx").map { row in
            var metrics = NodeMetrics()
            metrics.degree = row["degree"]
            metrics.weightedDegree = row["weighted_degree"]
            metrics.pagerank = row["pagerank"]
            metrics.betweenness = row["betweenness"]
            metrics.component = row["component"]
            metrics.community = row["community"]
            let name: String = row["name"]
            return ActorNode(id: row["id"], name: name, type: ActorType(rawValue: row["type"]) ?? .other,
                             aliases: (aliases[row["idx"]] ?? []).filter { $0 != name }, mentions: row["mentions"],
                             documents: row["documents"], first: row["first"], last: row["last"], metrics: metrics)
        }
        var evidence = [Int: [Evidence]]()
        let evidenceRows = try Row.fetchCursor(db, sql: "SELECT edge, document, sentence, date FROM evidence ORDER BY rowid")
        while let row = try evidenceRows.next() {
            evidence[row["edge"], default: []].append(Evidence(document: row["document"], sentence: row["sentence"], date: row["date"]))
        }
        graph.edges = try Row.fetchAll(db, sql: "SELECT * FROM edges ORDER BY idx").map { row in
            ActorEdge(source: row["source"], target: row["target"], weight: row["weight"], documents: row["documents"],
                      first: row["first"], last: row["last"], association: row["association"],
                      eventTypes: ListField.split(row["event_types"]), evidence: evidence[row["idx"]] ?? [])
        }
        var eventActors = [Int: [String]]()
        for row in try Row.fetchAll(db, sql: "SELECT event, actor FROM event_actors ORDER BY event, position") {
            eventActors[row["event"], default: []].append(row["actor"])
        }
        graph.events = try Row.fetchAll(db, sql: "SELECT * FROM graph_events ORDER BY idx").map { row in
            GraphEvent(id: row["id"], document: row["document"], type: row["type"], cameo: row["cameo"],
                       trigger: row["trigger"], date: row["date"], end: row["end"], dateText: row["date_text"],
                       actors: eventActors[row["idx"]] ?? [], sentence: row["sentence"])
        }
        return graph
    }

    public func count(_ table: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
    }

    public func meta(_ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }
}

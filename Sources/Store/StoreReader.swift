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
        // Columns are read by position throughout: GRDB's by-name lookup costs a string comparison per column.
        let documents = try Row.fetchCursor(db, sql: "SELECT rowid, id, title, date, source FROM documents ORDER BY rowid")
        while let row = try documents.next() {
            let rowid: Int64 = row[0]
            order.append(rowid)
            byRow[rowid] = DocumentContribution(
                document: GraphDocument(id: row[1], title: row[2], date: row[3], source: row[4]),
                actors: [], mentionCounts: [], windows: [], events: [])
        }
        let actors = try Row.fetchCursor(db, sql: """
            SELECT document, id, name, type, aliases, titles, mentions FROM document_actors ORDER BY document, idx
            """)
        while let row = try actors.next() {
            let doc: Int64 = row[0]
            let actor = DocumentActor(id: row[1], name: row[2], type: ActorType(rawValue: row[3]) ?? .other,
                                      aliases: ListField.split(row[4]), titles: ListField.split(row[5]))
            byRow[doc]?.actors.append(actor)
            byRow[doc]?.mentionCounts.append(row[6])
        }
        // Sentence texts and paragraphs of the sentences that name actors or hold events.
        var sentenceInfo = [Int64: [Int: (paragraph: Int, text: String)]]()
        let sentences = try Row.fetchCursor(db, sql: "SELECT document, idx, paragraph, text FROM sentences WHERE text IS NOT NULL")
        while let row = try sentences.next() {
            sentenceInfo[row[0], default: [:]][row[1]] = (row[2], row[3])
        }
        var windows = [Int64: [Int: Set<Int32>]]()
        let mentions = try Row.fetchCursor(db, sql: "SELECT document, sentence, actor FROM mentions WHERE actor >= 0")
        while let row = try mentions.next() {
            windows[row[0], default: [:]][row[1], default: []].insert(Int32(row[2] as Int))
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
            let doc: Int64 = row[0]
            guard let c = byRow[doc] else { continue }
            let index = Dictionary(c.actors.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
            let sentence: Int = row[7]
            byRow[doc]?.events.append(DocumentContribution.EventRecord(
                type: row[1], cameo: row[2], trigger: row[3], date: row[4], end: row[5],
                dateText: row[6], actors: ListField.split(row[8]).compactMap { index[$0] },
                sentence: sentence, sentenceText: sentenceInfo[doc]?[sentence]?.text ?? ""))
        }
        return order.compactMap { byRow[$0] }
    }

    /// The stored graph, as exports and queries use it.
    public func graph() throws -> ActorGraph {
        var graph = ActorGraph()
        graph.documents = try Array(Row.fetchCursor(db, sql: "SELECT id, title, date, source FROM documents ORDER BY rowid").map {
            GraphDocument(id: $0[0], title: $0[1], date: $0[2], source: $0[3])
        })
        var aliases = [Int: [String]]()
        let aliasRows = try Row.fetchCursor(db, sql: "SELECT actor, alias FROM aliases ORDER BY actor, alias")
        while let row = try aliasRows.next() { aliases[row[0], default: []].append(row[1]) }
        graph.nodes = try Array(Row.fetchCursor(db, sql: """
            SELECT idx, id, name, type, mentions, documents, first, last, degree, weighted_degree, pagerank, betweenness,
                   component, community FROM actors ORDER BY idx
            """).map { row in
            var metrics = NodeMetrics()
            metrics.degree = row[8]
            metrics.weightedDegree = row[9]
            metrics.pagerank = row[10]
            metrics.betweenness = row[11]
            metrics.component = row[12]
            metrics.community = row[13]
            let name: String = row[2]
            return ActorNode(id: row[1], name: name, type: ActorType(rawValue: row[3]) ?? .other,
                             aliases: (aliases[row[0]] ?? []).filter { $0 != name }, mentions: row[4],
                             documents: row[5], first: row[6], last: row[7], metrics: metrics)
        })
        var evidence = [Int: [Evidence]]()
        let evidenceRows = try Row.fetchCursor(db, sql: "SELECT edge, document, sentence, date FROM evidence ORDER BY rowid")
        while let row = try evidenceRows.next() {
            evidence[row[0], default: []].append(Evidence(document: row[1], sentence: row[2], date: row[3]))
        }
        graph.edges = try Array(Row.fetchCursor(db, sql: """
            SELECT idx, source, target, weight, documents, first, last, association, event_types FROM edges ORDER BY idx
            """).map { row in
            ActorEdge(source: row[1], target: row[2], weight: row[3], documents: row[4], first: row[5], last: row[6],
                      association: row[7], eventTypes: ListField.split(row[8]), evidence: evidence[row[0]] ?? [])
        })
        var eventActors = [Int: [String]]()
        let eventActorRows = try Row.fetchCursor(db, sql: "SELECT event, actor FROM event_actors ORDER BY event, position")
        while let row = try eventActorRows.next() { eventActors[row[0], default: []].append(row[1]) }
        graph.events = try Array(Row.fetchCursor(db, sql: """
            SELECT idx, id, document, type, cameo, trigger, date, "end", date_text, sentence FROM graph_events ORDER BY idx
            """).map { row in
            GraphEvent(id: row[1], document: row[2], type: row[3], cameo: row[4], trigger: row[5], date: row[6],
                       end: row[7], dateText: row[8], actors: eventActors[row[0]] ?? [], sentence: row[9])
        })
        return graph
    }

    public func count(_ table: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
    }

    public func meta(_ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }
}

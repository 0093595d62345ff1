import Foundation
import Actors
import GRDB
import Graph

/// Reads inside a transaction or a read block.
public struct StoreReader {
    let db: Database

    /// Every document's contribution to the graph, in insertion order, in one array: for small stores and
    /// tests (a build or an add reads them one at a time, with `forEachContribution`).
    public func contributions() throws -> [DocumentContribution] {
        var all = [DocumentContribution]()
        try forEachContribution { all.append($0) }
        return all
    }

    /// Hands each stored document's contribution to `body`, in insertion order, one at a time: the graph is
    /// summed without holding every document in memory. With `actorsOnly`, windows and events are left empty
    /// (alias resolution needs only the actors, and stops reading each row there).
    public func forEachContribution(actorsOnly: Bool = false, _ body: (DocumentContribution) throws -> Void) throws {
        try forEachEncodedContribution { try body(try $0.decode(actorsOnly: actorsOnly)) }
    }

    /// Each stored document's contribution still encoded, in insertion order: decoding and summing can then
    /// happen on another thread while this one, the connection's, goes on writing.
    /// Only documents stored after row `after` (see `lastDocumentRow`), when given.
    public func forEachEncodedContribution(after: Int64? = nil, _ body: (EncodedContribution) throws -> Void) throws {
        // Columns are read by position throughout: GRDB's by-name lookup costs a string comparison per column.
        let rows = try Row.fetchCursor(db, sql: """
            SELECT d.id, d.title, d.date, d.source, b.contribution
            FROM documents d JOIN document_bodies b ON b.rowid = d.rowid WHERE d.rowid > ? ORDER BY d.rowid
            """, arguments: [after ?? 0])
        while let row = try rows.next() {
            try body(EncodedContribution(document: GraphDocument(id: row[0], title: row[1], date: row[2], source: row[3]),
                                         bytes: row[4]))
        }
    }

    /// The row of the last document stored (0 when there is none): documents are stored in rising rows.
    public func lastDocumentRow() throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(rowid), 0) FROM documents") ?? 0
    }

    /// The document-level actors summed so far and the canonical actor each resolved to (`StoreWriter.storeRegistry`).
    public func registry() throws -> (registry: ActorRegistry, canonical: [String: String]) {
        var records = [ActorRegistry.Record]()
        var canonical = [String: String]()
        let rows = try Row.fetchCursor(db, sql: "SELECT id, name, mentions, aliases, votes, canonical FROM registry")
        while let row = try rows.next() {
            let id: String = row[0]
            records.append(ActorRegistry.Record(id: id, name: row[1], mentions: row[2], aliases: ListField.split(row[3]),
                                                typeVotes: ListField.votes(row[4])))
            canonical[id] = row[5]
        }
        return (ActorRegistry(records: records), canonical)
    }

    /// Each stored actor's serial, by index (the key of its evidence rows).
    public func serials() throws -> [Int] {
        try Int.fetchAll(db, sql: "SELECT serial FROM actors ORDER BY idx")
    }

    /// Sentences and mentions over every stored document, for summaries.
    public func documentTotals() throws -> (sentences: Int, mentions: Int) {
        let row = try Row.fetchOne(db, sql: "SELECT coalesce(sum(sentences), 0), coalesce(sum(mentions), 0) FROM documents")
        return (row?[0] ?? 0, row?[1] ?? 0)
    }

    /// The stored graph, everything in memory (its events and every evidence sentence): for small stores
    /// and tests. `GraphStore.graph(evidencePerEdge:)` reads events only as they are visited.
    public func graph() throws -> ActorGraph {
        var graph = try graphWithoutEvents(evidencePerEdge: nil)
        graph.events = EventList(try events(in: 0..<count("graph_events")))
        return graph
    }

    /// Documents, actors and edges, each edge with its first `evidencePerEdge` evidence sentences (all when
    /// nil); no events. With `documentsThrough`, only the documents up to that row (those the graph was summed
    /// from, when an add has stored more).
    public func graphWithoutEvents(evidencePerEdge keep: Int?, documentsThrough: Int64? = nil) throws -> ActorGraph {
        var graph = ActorGraph()
        try RowScanner(db, "SELECT id, title, date, source FROM documents WHERE rowid <= ? ORDER BY rowid")
            .forEach([documentsThrough ?? Int64.max]) { row in
                graph.documents.append(GraphDocument(id: row.string(0), title: row.text(1), date: row.text(2), source: row.text(3)))
            }
        graph.windows = Int(try meta(MetaKey.windows) ?? "") ?? 0
        var aliases = [Int: [String]]()
        let aliasRows = try Row.fetchCursor(db, sql: "SELECT actor, alias FROM aliases ORDER BY actor, alias")
        while let row = try aliasRows.next() { aliases[row[0], default: []].append(row[1]) }
        graph.nodes = try Array(Row.fetchCursor(db, sql: """
            SELECT idx, id, name, type, mentions, documents, first, last, degree, weighted_degree, pagerank, betweenness,
                   component, community, windows FROM actors ORDER BY idx
            """).map { row in
            var metrics = NodeMetrics()
            metrics.degree = row[8]
            metrics.weightedDegree = row[9]
            metrics.pagerank = row[10]
            metrics.betweenness = row[11]
            metrics.component = row[12]
            metrics.community = row[13]
            // The aliases table also lists the name itself (so a lookup finds it); the node's aliases are the others.
            let name: String = row[2]
            return ActorNode(id: row[1], name: name, type: ActorType(rawValue: row[3]) ?? .other,
                             aliases: (aliases[row[0]] ?? []).filter { $0 != name }, mentions: row[4], documents: row[5],
                             first: row[6], last: row[7], metrics: metrics, windows: row[14])
        })
        let evidence = try firstEvidence(keep: keep)
        graph.edges = try Array(Row.fetchCursor(db, sql: """
            SELECT source, target, weight, documents, first, last, association, event_types FROM edges ORDER BY idx
            """).map { row in
            let source: Int64 = row[0], target: Int64 = row[1]
            return ActorEdge(source: Int(source), target: Int(target), weight: row[2], documents: row[3], first: row[4],
                             last: row[5], association: row[6], eventTypes: ListField.split(row[7]),
                             evidence: evidence[source << 32 | target] ?? [])
        })
        return graph
    }

    /// Evidence sentences by edge ends (node indices, lower first, as `a << 32 | b`), in document order: the
    /// first `keep` of each edge, or all of them. Rows name the ends by serial.
    ///
    /// With `keep`, the rows to read are picked from the `evidence_pair` index alone (ends and rowid), and the
    /// table is read only in runs around them, each other row passed over without a lookup: the first
    /// sentences of a link come early in a corpus that repeats its actors. On 16 copies of Reuters (2.7 million
    /// rows, a fifth of them kept, nearly all in the first third) this took 1.8–2.1 s against 3.0–3.8 s for
    /// reading every row.
    func firstEvidence(keep: Int?) throws -> [Int64: [Evidence]] {
        var indexOfSerial = [Int64: Int64]()
        for (i, serial) in try serials().enumerated() { indexOfSerial[Int64(serial)] = Int64(i) }
        func pair(_ row: RowScanner.Columns) -> Int64? {
            guard let a = indexOfSerial[row.int64(0)], let b = indexOfSerial[row.int64(1)] else { return nil }
            return min(a, b) << 32 | max(a, b)
        }
        var evidence = [Int64: [Evidence]]()
        func append(_ pair: Int64, _ row: RowScanner.Columns, from column: Int32) {
            evidence[pair, default: []].append(Evidence(document: row.string(column), sentence: row.string(column + 1),
                                                        date: row.text(column + 2)))
        }
        guard let keep else {
            let all = try RowScanner(db, """
                SELECT source, target, document, sentence, date FROM evidence_text ORDER BY id
                """)
            try all.forEach { row in
                if let pair = pair(row) { append(pair, row, from: 2) }
            }
            return evidence
        }
        // Within one pair of ends the index is in rowid order, which is document order.
        var picked = [(rowid: Int64, pair: Int64)]()
        var current: (source: Int64, target: Int64, pair: Int64?, count: Int) = (-1, -1, nil, 0)
        try RowScanner(db, "SELECT source, target, rowid FROM evidence ORDER BY source, target, rowid").forEach { row in
            let (source, target) = (row.int64(0), row.int64(1))
            if source != current.source || target != current.target {
                current = (source, target, pair(row), 0)
            }
            guard let pair = current.pair, current.count < keep else { return }
            current.count += 1
            picked.append((row.int64(2), pair))
        }
        picked.sort { $0.rowid < $1.rowid }
        // Read in runs of picked rows: a gap of more than `gap` rows starts a new run, so the few links an add
        // brings, whose first rows are at the table's end, do not make the scan cross everything before them.
        let gap: Int64 = 256
        let read = try RowScanner(db, """
            SELECT id, document, sentence, date FROM evidence_text WHERE id BETWEEN ? AND ? ORDER BY id
            """)
        var next = 0
        while next < picked.count {
            var end = next
            while end + 1 < picked.count, picked[end + 1].rowid - picked[end].rowid <= gap { end += 1 }
            try read.forEach([picked[next].rowid, picked[end].rowid]) { row in
                guard next <= end, row.int64(0) == picked[next].rowid else { return }
                append(picked[next].pair, row, from: 1)
                next += 1
            }
            next = end + 1
        }
        return evidence
    }

    /// The stored events with positions in `range` (their `idx`), in order.
    public func events(in range: Range<Int>) throws -> [GraphEvent] {
        let bounds = [Int64(range.lowerBound), Int64(range.upperBound)]
        var actors = [[String]](repeating: [], count: range.count)
        // The index on `event` gives each event's actors in the order they were stored, which is position order:
        // read so, SQLite has no rows to sort. Should a position come out of turn, the sorted query is run.
        var inOrder = true
        try RowScanner(db, """
            SELECT event, position, actor FROM event_actors WHERE event >= ? AND event < ? ORDER BY event
            """).forEach(bounds) { row in
            let event = row.int(0) - range.lowerBound
            if row.int(1) != actors[event].count { inOrder = false }
            actors[event].append(row.string(2))
        }
        if !inOrder {
            actors = [[String]](repeating: [], count: range.count)
            try RowScanner(db, """
                SELECT event, actor FROM event_actors WHERE event >= ? AND event < ? ORDER BY event, position
                """).forEach(bounds) { row in actors[row.int(0) - range.lowerBound].append(row.string(1)) }
        }
        var events = [GraphEvent]()
        events.reserveCapacity(range.count)
        try RowScanner(db, """
            SELECT idx, id, document, type, cameo, trigger, date, "end", date_text, sentence FROM event_text
            WHERE idx >= ? AND idx < ? ORDER BY idx
            """).forEach(bounds) { row in
            events.append(GraphEvent(id: row.string(1), document: row.string(2), type: row.string(3), cameo: row.text(4),
                                     trigger: row.string(5), date: row.text(6), end: row.text(7), dateText: row.text(8),
                                     actors: actors[row.int(0) - range.lowerBound], sentence: row.string(9)))
        }
        return events
    }

    /// The stored events' timeline, counts only: one grouped query instead of reading every event. Grouped by
    /// `date IS NULL, date`, the same groups as by date, SQLite counts in `graph_events_order`'s order instead
    /// of sorting 1.9 million dates into a temporary tree (1.25 s → 0.33 s on 16 copies of Reuters).
    public func eventTimeline() throws -> Timeline {
        var builder = Timeline.Builder(keepingPerDate: 0)
        let rows = try Row.fetchCursor(db, sql: "SELECT date, count(*) FROM graph_events GROUP BY date IS NULL, date")
        while let row = try rows.next() { builder.add(date: row[0], count: row[1]) }
        return builder.timeline
    }

    /// The timeline of the stored events that name one of `actors` (every event when nil), each event keeping
    /// only those actors, with the first `keep` events of each date: what `Timeline(events:keepingPerDate:)`
    /// makes of the events filtered so (as `GraphFilter` does for `graph.dot`'s most central actors).
    ///
    /// Why: timeline.dot shows a few events a date but counts them all. Counted from two narrow scans (the
    /// event rows' dates through `graph_events_order`, the actor rows with SQLite testing the names), only the
    /// kept events are read whole, instead of 1.9 million on 16 copies of Reuters.
    public func eventTimeline(keepingPerDate keep: Int, naming actors: Set<String>?) throws -> Timeline {
        let count = try self.count("graph_events")
        var named: [Bool]?
        if let actors {
            var flags = [Bool](repeating: false, count: count)
            let list = String(decoding: try JSONEncoder().encode(actors.sorted()), as: UTF8.self)
            let naming = try RowScanner(db, """
                SELECT event FROM event_actors NOT INDEXED WHERE actor IN (SELECT value FROM json_each(?))
                """)
            try naming.forEach(text: list) { row in
                let event = row.int(0)
                if event >= 0 && event < count { flags[event] = true }
            }
            named = flags
        }
        // Each date value's count and its first events' positions (the index orders a date's rows by type, not
        // position, so the first are kept as the rows go by).
        var dates = [String?: (count: Int, first: [Int])]()
        try RowScanner(db, "SELECT idx, date FROM graph_events").forEach { row in
            let position = row.int(0)
            if let named, !(position >= 0 && position < count && named[position]) { return }
            func note(_ value: inout (count: Int, first: [Int])) {
                value.count += 1
                guard keep > 0, value.first.count < keep || position < value.first[keep - 1] else { return }
                value.first.insert(position, at: value.first.firstIndex { $0 > position } ?? value.first.endIndex)
                if value.first.count > keep { value.first.removeLast() }
            }
            note(&dates[row.text(1), default: (0, [])])
        }
        var builder = Timeline.Builder(keepingPerDate: keep)
        var kept = [Int](), undated = [Int]()
        for (date, value) in dates {
            builder.add(date: date, count: value.count)
            if Timeline.isDated(date) { kept += value.first } else { undated += value.first }
        }
        // The undated share one list: their first, whatever their values.
        kept += undated.sorted().prefix(keep)
        for position in kept.sorted() {
            guard var event = try events(in: position..<(position + 1)).first else { continue }
            if let actors { event.actors = event.actors.filter { actors.contains($0) } }
            builder.keepCounted(event)
        }
        return builder.timeline
    }

    public func count(_ table: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
    }

    public func meta(_ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }
}

/// A document's stored contribution, not yet decoded (see `StoreReader.forEachEncodedContribution`).
public struct EncodedContribution: Sendable {
    public let document: GraphDocument
    let bytes: Data

    /// With `actorsOnly`, windows and events are left empty (reading stops after the actors).
    public func decode(actorsOnly: Bool = false) throws -> DocumentContribution {
        try bytes.withUnsafeBytes { try ContributionCodec.decode($0, document: document, actorsOnly: actorsOnly) }
    }
}

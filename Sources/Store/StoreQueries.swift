import Actors
import Foundation
import GRDB
import Graph

/// An actor as queries list it.
public struct ActorSummary: Hashable, Sendable {
    public var index: Int
    public var id: String
    public var name: String
    public var type: String
    public var mentions: Int
    public var documents: Int
    public var first: String?
    public var last: String?
    public var degree: Int
    public var weightedDegree: Double
    public var pagerank: Double
    public var betweenness: Double
    public var community: Int
}

/// A link as queries list it, seen from one end.
public struct Link: Hashable, Sendable {
    public var edge: Int
    public var other: ActorSummary
    public var weight: Int
    public var documents: Int
    public var first: String?
    public var last: String?
    public var association: Double
    public var eventTypes: [String]
}

/// One hop of a path, with a sentence that makes the link.
public struct PathHop: Hashable, Sendable {
    public var from: ActorSummary
    public var to: ActorSummary
    public var weight: Int
    public var evidence: Evidence?
}

public struct CommunitySummary: Hashable, Sendable {
    public var community: Int
    public var size: Int
    public var members: [ActorSummary]
}

public enum ActorMetric: String, CaseIterable, Sendable {
    case degree, pagerank, betweenness, mentions
    case weightedDegree = "weighted-degree"

    /// The ORDER BY clause, spelled as the ranking indexes in `Schema` are.
    var ordering: String {
        switch self {
        case .degree: return "degree DESC, mentions DESC, name"
        case .pagerank: return "pagerank DESC, mentions DESC, name"
        case .betweenness: return "betweenness DESC, mentions DESC, name"
        case .mentions: return "mentions DESC, name"
        case .weightedDegree: return "weighted_degree DESC, mentions DESC, name"
        }
    }
}

public enum QueryError: Error, CustomStringConvertible, Equatable {
    case unknownActor(String)
    case ambiguousActor(String, [String])

    public var description: String {
        switch self {
        case .unknownActor(let name): return "no actor named '\(name)'"
        case .ambiguousActor(let name, let candidates):
            return "'\(name)' is ambiguous; did you mean: " + candidates.joined(separator: ", ")
        }
    }
}

/// Questions answered from the store, without re-reading articles.
extension StoreReader {
    private static let actorColumns = """
        idx, id, name, type, mentions, documents, first, last, degree, weighted_degree, pagerank, betweenness, community
        """

    /// Decodes `actorColumns` starting at column `at` (positional: GRDB's by-name lookup costs a lowercased
    /// string comparison per column, which dominated large answers).
    private func summary(_ row: Row, at c: Int = 0) -> ActorSummary {
        ActorSummary(index: row[c], id: row[c + 1], name: row[c + 2], type: row[c + 3], mentions: row[c + 4],
                     documents: row[c + 5], first: row[c + 6], last: row[c + 7], degree: row[c + 8],
                     weightedDegree: row[c + 9], pagerank: row[c + 10], betweenness: row[c + 11], community: row[c + 12])
    }

    public func actor(index: Int) throws -> ActorSummary? {
        try Row.fetchOne(db, sql: "SELECT \(Self.actorColumns) FROM actors WHERE idx = ?", arguments: [index]).map { summary($0) }
    }

    /// Finds the actor a user means: an id, the name or any alias in any case, or a unique prefix of one.
    /// Several candidates make an `ambiguousActor` error listing them.
    public func resolveActor(_ typed: String) throws -> ActorSummary {
        let key = ActorNameKey.make(typed)
        if let row = try Row.fetchOne(db, sql: "SELECT \(Self.actorColumns) FROM actors WHERE id = ?", arguments: [typed]) {
            return summary(row)
        }
        let exact = try Int.fetchAll(db, sql: "SELECT DISTINCT actor FROM aliases WHERE key = ?", arguments: [key])
        var candidates = exact
        if candidates.isEmpty, !key.isEmpty {
            // Prefix of the name or alias, or of any of its words ("lutn" → Howard Lutnick).
            candidates = try Int.fetchAll(db, sql: """
                SELECT DISTINCT actor FROM aliases WHERE (key >= ? AND key < ?) OR key LIKE ? ESCAPE '\\'
                """, arguments: [key, key + "\u{10FFFF}", "% " + Self.likeEscaped(key) + "%"])
        }
        let actors = try candidates.compactMap { try actor(index: $0) }
            .sorted { ($0.mentions, $1.name) > ($1.mentions, $0.name) }
        guard let first = actors.first else { throw QueryError.unknownActor(typed) }
        if actors.count > 1 {
            throw QueryError.ambiguousActor(typed, actors.prefix(10).map { "\($0.name) (\($0.type), \($0.mentions) mentions)" })
        }
        return first
    }

    private static func likeEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    public func topActors(by metric: ActorMetric, limit: Int) throws -> [ActorSummary] {
        try Row.fetchAll(db, sql: "SELECT \(Self.actorColumns) FROM actors ORDER BY \(metric.ordering) LIMIT ?",
                         arguments: [limit]).map { summary($0) }
    }

    public func neighbors(of actor: Int) throws -> [Link] {
        // Two indexed lookups (as source, as target) rather than one OR that would scan every edge.
        // A cursor decodes each row in place; fetchAll would first copy every value of every row.
        try Array(Row.fetchCursor(db, sql: """
            SELECT e.idx, e.weight, e.documents, e.first, e.last, e.association, e.event_types, \(Self.linkedActorColumns)
            FROM (SELECT *, target AS other FROM edges WHERE source = ?1
                  UNION ALL SELECT *, source AS other FROM edges WHERE target = ?1) e
            JOIN actors a ON a.idx = e.other
            ORDER BY e.weight DESC, e.association DESC, a.name
            """, arguments: [actor]).map(link))
    }

    private static let linkedActorColumns = actorColumns.split(separator: ",")
        .map { "a." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")

    /// Decodes the seven edge columns followed by the other end's `actorColumns`.
    private func link(_ row: Row) -> Link {
        Link(edge: row[0], other: summary(row, at: 7), weight: row[1], documents: row[2], first: row[3], last: row[4],
             association: row[5], eventTypes: ListField.split(row[6]))
    }

    public func edgeBetween(_ a: Int, _ b: Int) throws -> Link? {
        try Row.fetchOne(db, sql: """
            SELECT e.idx, e.weight, e.documents, e.first, e.last, e.association, e.event_types, \(Self.linkedActorColumns)
            FROM edges e JOIN actors a ON a.idx = ?2
            WHERE e.source = min(?1, ?2) AND e.target = max(?1, ?2)
            """, arguments: [a, b]).map(link)
    }

    public func evidence(edge: Int) throws -> [Evidence] {
        try Array(Row.fetchCursor(db, sql: "\(Self.evidenceOfEdge) ORDER BY v.id",
                                  arguments: [edge]).map { Evidence(document: $0[0], sentence: $0[1], date: $0[2]) })
    }

    /// Evidence rows are keyed by the serials of the edge's ends, lower first (they are written before edges
    /// are numbered, and a serial, unlike an index, never changes).
    static let evidenceOfEdge = """
        SELECT v.document, v.sentence, v.date FROM edges e
        JOIN actors s ON s.idx = e.source JOIN actors t ON t.idx = e.target
        JOIN evidence_text v ON v.source = min(s.serial, t.serial) AND v.target = max(s.serial, t.serial)
        WHERE e.idx = ?
        """

    /// The shortest chain of links from `a` to `b` (fewest hops; among equal chains, the heavier first hop),
    /// each hop with its first evidence sentence. Empty when they are not connected.
    public func path(from a: Int, to b: Int) throws -> [PathHop] {
        if a == b { return [] }
        guard let row = try Row.fetchOne(db, sql: "SELECT offsets, links FROM adjacency"),
              let adjacency = Adjacency(offsetsBlob: row[0], linksBlob: row[1]),
              let steps = adjacency.shortestPath(from: a, to: b)
        else { return [] }
        var hops = [PathHop]()
        var from = try actor(index: a)
        for step in steps {
            guard let source = from, let to = try actor(index: step.node),
                  let edge = try Row.fetchOne(db, sql: "SELECT weight FROM edges WHERE idx = ?", arguments: [step.edge])
            else { break }
            let sentence = try Row.fetchOne(db, sql: "\(Self.evidenceOfEdge) ORDER BY v.id LIMIT 1",
                                            arguments: [step.edge])
            hops.append(PathHop(from: source, to: to, weight: edge[0],
                                evidence: sentence.map { Evidence(document: $0[0], sentence: $0[1], date: $0[2]) }))
            from = to
        }
        return hops
    }

    /// Events filtered by actor(s), type and date range (ISO strings compared on their common prefix), in
    /// timeline order (dated first, by date), at most `limit` of them.
    public func events(actor: String? = nil, with other: String? = nil, type: String? = nil, from: String? = nil,
                       to: String? = nil, limit: Int? = nil) throws -> [GraphEvent] {
        let (whereSQL, arguments) = Self.eventFilter(actor: actor, with: other, type: type, from: from, to: to)
        let limitSQL = limit.map { " LIMIT \($0)" } ?? ""
        let rows = try Row.fetchCursor(db, sql: """
            SELECT idx, id, document, type, cameo, trigger, date, "end", date_text, sentence
            FROM event_text \(whereSQL) ORDER BY date IS NULL, date, idx\(limitSQL)
            """, arguments: arguments)
        let actorNames = try db.cachedStatement(sql: """
            SELECT coalesce(a.name, ea.actor) FROM event_actors ea LEFT JOIN actors a ON a.id = ea.actor
            WHERE ea.event = ? ORDER BY ea.position
            """)
        return try Array(rows.map { row in
            GraphEvent(id: row[1], document: row[2], type: row[3], cameo: row[4], trigger: row[5], date: row[6],
                       end: row[7], dateText: row[8], actors: try String.fetchAll(actorNames, arguments: [row[0] as Int]),
                       sentence: row[9])
        })
    }

    /// How many events `events` would list without a limit.
    public func eventCount(actor: String? = nil, with other: String? = nil, type: String? = nil, from: String? = nil,
                           to: String? = nil) throws -> Int {
        let (whereSQL, arguments) = Self.eventFilter(actor: actor, with: other, type: type, from: from, to: to)
        return try Int.fetchOne(db, sql: "SELECT count(*) FROM graph_events \(whereSQL)", arguments: arguments) ?? 0
    }

    private static func eventFilter(actor: String?, with other: String?, type: String?, from: String?,
                                    to: String?) -> (String, StatementArguments) {
        var clauses = [String]()
        var arguments = StatementArguments()
        for id in [actor, other].compactMap({ $0 }) {
            clauses.append("idx IN (SELECT event FROM event_actors WHERE actor = ?)")
            _ = arguments.append(contentsOf: [id])
        }
        if let type {
            clauses.append("(type = ? OR cameo = ?)")
            _ = arguments.append(contentsOf: [type, type])
        }
        if let from {
            clauses.append("date IS NOT NULL AND substr(date, 1, 1) BETWEEN '0' AND '9' AND coalesce(\"end\", date) >= ?")
            _ = arguments.append(contentsOf: [from])
        }
        if let to {
            clauses.append("date IS NOT NULL AND substr(date, 1, 1) BETWEEN '0' AND '9' AND substr(date, 1, length(?)) <= ?")
            _ = arguments.append(contentsOf: [to, to])
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), arguments)
    }

    /// Communities, largest first, each with its most central members (by PageRank). `limit` caps how many
    /// communities are listed; `total` in the answer counts them all.
    public func communities(membersPerCommunity: Int = 8, limit: Int? = nil) throws -> (total: Int, communities: [CommunitySummary]) {
        let sizes = try Row.fetchAll(db, sql: "SELECT community, count(*) AS size FROM actors GROUP BY community ORDER BY size DESC, community")
        let shown = limit.map { Array(sizes.prefix($0)) } ?? sizes
        let members = try db.cachedStatement(sql: """
            SELECT \(Self.actorColumns) FROM actors WHERE community = ? ORDER BY pagerank DESC, mentions DESC, name LIMIT ?
            """)
        let communities = try shown.map { row in
            let c: Int = row[0]
            return CommunitySummary(community: c, size: row[1],
                                    members: try Row.fetchAll(members, arguments: [c, membersPerCommunity]).map { summary($0) })
        }
        return (sizes.count, communities)
    }
}

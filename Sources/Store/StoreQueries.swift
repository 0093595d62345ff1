import Actors
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

    var column: String {
        switch self {
        case .degree: return "degree"
        case .pagerank: return "pagerank"
        case .betweenness: return "betweenness"
        case .mentions: return "mentions"
        case .weightedDegree: return "weighted_degree"
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

    private func summary(_ row: Row) -> ActorSummary {
        ActorSummary(index: row["idx"], id: row["id"], name: row["name"], type: row["type"], mentions: row["mentions"],
                     documents: row["documents"], first: row["first"], last: row["last"], degree: row["degree"],
                     weightedDegree: row["weighted_degree"], pagerank: row["pagerank"], betweenness: row["betweenness"],
                     community: row["community"])
    }

    public func actor(index: Int) throws -> ActorSummary? {
        try Row.fetchOne(db, sql: "SELECT \(Self.actorColumns) FROM actors WHERE idx = ?", arguments: [index]).map(summary)
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
        try Row.fetchAll(db, sql: "SELECT \(Self.actorColumns) FROM actors ORDER BY \(metric.column) DESC, mentions DESC, name LIMIT ?",
                         arguments: [limit]).map(summary)
    }

    public func neighbors(of actor: Int) throws -> [Link] {
        // Two indexed lookups (as source, as target) rather than one OR that would scan every edge.
        try Row.fetchAll(db, sql: """
            SELECT e.idx AS edge, e.weight, e.documents AS edge_documents, e.first AS edge_first, e.last AS edge_last,
                   e.association, e.event_types, a.*
            FROM (SELECT *, target AS other FROM edges WHERE source = ?1
                  UNION ALL SELECT *, source AS other FROM edges WHERE target = ?1) e
            JOIN actors a ON a.idx = e.other
            ORDER BY e.weight DESC, e.association DESC, a.name
            """, arguments: [actor]).map(link)
    }

    private func link(_ row: Row) -> Link {
        Link(edge: row["edge"], other: summary(row), weight: row["weight"], documents: row["edge_documents"],
             first: row["edge_first"], last: row["edge_last"], association: row["association"],
             eventTypes: ListField.split(row["event_types"]))
    }

    public func edgeBetween(_ a: Int, _ b: Int) throws -> Link? {
        try Row.fetchOne(db, sql: """
            SELECT e.idx AS edge, e.weight, e.documents AS edge_documents, e.first AS edge_first, e.last AS edge_last,
                   e.association, e.event_types, a.*
            FROM edges e JOIN actors a ON a.idx = ?2
            WHERE e.source = min(?1, ?2) AND e.target = max(?1, ?2)
            """, arguments: [a, b]).map(link)
    }

    public func evidence(edge: Int) throws -> [Evidence] {
        try Row.fetchAll(db, sql: "SELECT document, sentence, date FROM evidence WHERE edge = ? ORDER BY rowid",
                         arguments: [edge]).map { Evidence(document: $0["document"], sentence: $0["sentence"], date: $0["date"]) }
    }

    /// The shortest chain of links from `a` to `b` (fewest hops; among equal chains, the heavier first hop),
    /// each hop with its first evidence sentence. Empty when they are not connected.
    public func path(from a: Int, to b: Int) throws -> [PathHop] {
        if a == b { return [] }
        // Adjacency as flat arrays, heaviest edges first, read in one pass over the edges table.
        var adjacency = [[(Int, Int, Int)]](repeating: [], count: try count("actors"))  // node → (neighbor, edge, weight)
        let rows = try Row.fetchCursor(db, sql: "SELECT idx, source, target, weight FROM edges ORDER BY weight DESC, idx")
        while let row = try rows.next() {
            let (e, s, t, w): (Int, Int, Int, Int) = (row[0], row[1], row[2], row[3])
            adjacency[s].append((t, e, w))
            adjacency[t].append((s, e, w))
        }
        var previous = [Int: (node: Int, edge: Int, weight: Int)]()
        var frontier = [a]
        var seen: Set<Int> = [a]
        search: while !frontier.isEmpty {
            var next = [Int]()
            for node in frontier {
                for (other, edge, weight) in adjacency[node] where !seen.contains(other) {
                    seen.insert(other)
                    previous[other] = (node, edge, weight)
                    if other == b { break search }
                    next.append(other)
                }
            }
            frontier = next
        }
        guard previous[b] != nil else { return [] }
        var hops = [PathHop]()
        var node = b
        while node != a, let step = previous[node] {
            guard let from = try actor(index: step.node), let to = try actor(index: node) else { break }
            let sentence = try Row.fetchOne(db, sql: "SELECT document, sentence, date FROM evidence WHERE edge = ? ORDER BY rowid LIMIT 1",
                                            arguments: [step.edge])
            hops.append(PathHop(from: from, to: to, weight: step.weight,
                                evidence: sentence.map { Evidence(document: $0["document"], sentence: $0["sentence"], date: $0["date"]) }))
            node = step.node
        }
        return hops.reversed()
    }

    /// Events filtered by actor(s), type and date range (ISO strings compared on their common prefix).
    public func events(actor: String? = nil, with other: String? = nil, type: String? = nil, from: String? = nil,
                       to: String? = nil, limit: Int? = nil) throws -> [GraphEvent] {
        var clauses = [String]()
        var arguments = StatementArguments()
        if let actor {
            clauses.append("idx IN (SELECT event FROM event_actors WHERE actor = ?)")
            _ = arguments.append(contentsOf: [actor])
        }
        if let other {
            clauses.append("idx IN (SELECT event FROM event_actors WHERE actor = ?)")
            _ = arguments.append(contentsOf: [other])
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
        let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let limitSQL = limit.map { " LIMIT \($0)" } ?? ""
        let rows = try Row.fetchAll(db, sql: """
            SELECT * FROM graph_events \(whereSQL) ORDER BY date IS NULL, date, idx\(limitSQL)
            """, arguments: arguments)
        return try rows.map { row in
            let actors = try String.fetchAll(db, sql: """
                SELECT coalesce(a.name, ea.actor) FROM event_actors ea LEFT JOIN actors a ON a.id = ea.actor
                WHERE ea.event = ? ORDER BY ea.position
                """, arguments: [row["idx"] as Int])
            return GraphEvent(id: row["id"], document: row["document"], type: row["type"], cameo: row["cameo"],
                            trigger: row["trigger"], date: row["date"], end: row["end"], dateText: row["date_text"],
                            actors: actors, sentence: row["sentence"])
        }
    }

    public func communities(membersPerCommunity: Int = 8) throws -> [CommunitySummary] {
        // One pass over the actors, most central first; each community keeps its first members.
        var byCommunity = [Int: CommunitySummary]()
        let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.actorColumns) FROM actors ORDER BY pagerank DESC, name")
        while let row = try rows.next() {
            let c: Int = row["community"]
            var entry = byCommunity[c] ?? CommunitySummary(community: c, size: 0, members: [])
            entry.size += 1
            if entry.members.count < membersPerCommunity { entry.members.append(summary(row)) }
            byCommunity[c] = entry
        }
        return byCommunity.values.sorted { ($0.size, $1.community) > ($1.size, $0.community) }
    }
}

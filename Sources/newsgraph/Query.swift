import ArgumentParser
import Corpus
import Foundation
import Graph
import Store

extension ActorMetric: ExpressibleByArgument {}

/// Options shared by the query commands.
struct StoreOptions: ParsableArguments {
    @Option(help: "The store to read.")
    var store = "Output/newsgraph.sqlite"

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    func open() throws -> GraphStore {
        do {
            return try GraphStore.open(at: store, readonly: true)
        } catch {
            fail("\(error)")
        }
    }

    func read<T>(_ body: (StoreReader) throws -> T) throws -> T {
        let s = try open()
        defer { try? s.close() }
        do {
            return try s.read(body)
        } catch let error as QueryError {
            fail(error.description, code: 1)
        }
    }
}

func fail(_ message: String, code: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data("newsgraph: \(message)\n".utf8))
    Foundation.exit(code)
}

/// `newsgraph query …`: questions answered from the store.
struct Query: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Ask the built graph who is connected to whom, how, since when, and on the strength of which sentences.",
        discussion: "Actors may be named by any alias, in any case, or by a unique prefix (of the name or of one of its words).",
        subcommands: [Actors.self, Neighbors.self, Path.self, Edge.self, Events.self, Communities.self])

    struct Actors: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "actors", abstract: "The most central actors.")
        @OptionGroup var options: StoreOptions
        @Option(help: "How many.") var top = 20
        @Option(help: "Rank by degree, weighted-degree, pagerank, betweenness or mentions.") var by: ActorMetric = .degree

        func run() throws {
            let actors = try options.read { try $0.topActors(by: by, limit: top) }
            if options.json { return printJSON { out in writeActors(actors, &out) } }
            var table = TextTable(["#", "actor", "type", "mentions", "degree", "weighted", "pagerank", "betweenness", "community"])
            for (i, a) in actors.enumerated() {
                table.add([String(i + 1), a.name, a.type, String(a.mentions), String(a.degree), format(a.weightedDegree),
                           format(a.pagerank), format(a.betweenness), String(a.community)])
            }
            table.print()
        }
    }

    struct Neighbors: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "neighbors", abstract: "The actors linked to one actor, strongest first.")
        @OptionGroup var options: StoreOptions
        @Argument(help: "The actor.") var actor: String
        @Option(help: "Show at most this many.") var top: Int?

        func run() throws {
            let (who, links) = try options.read { r -> (ActorSummary, [Link]) in
                let who = try r.resolveActor(actor)
                return (who, try r.neighbors(of: who.index))
            }
            let shown = top.map { Array(links.prefix($0)) } ?? links
            if options.json {
                return printJSON { out in
                    out.beginObject()
                    out.key("actor"); writeActor(who, &out)
                    out.key("neighbors"); out.beginArray()
                    for l in shown { writeLink(l, &out) }
                    out.endArray()
                    out.endObject()
                }
            }
            print("\(who.name) (\(who.type)): \(links.count) linked actors")
            var table = TextTable(["actor", "type", "weight", "documents", "association", "first", "last", "events"])
            for l in shown {
                table.add([l.other.name, l.other.type, String(l.weight), String(l.documents), format(l.association),
                           l.first ?? "-", l.last ?? "-", l.eventTypes.joined(separator: ",")])
            }
            table.print()
        }
    }

    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "path", abstract: "The shortest chain of links between two actors, with evidence.")
        @OptionGroup var options: StoreOptions
        @Argument(help: "From this actor.") var from: String
        @Argument(help: "To this actor.") var to: String

        func run() throws {
            let (a, b, hops) = try options.read { r -> (ActorSummary, ActorSummary, [PathHop]) in
                let a = try r.resolveActor(from), b = try r.resolveActor(to)
                return (a, b, try r.path(from: a.index, to: b.index))
            }
            if options.json {
                return printJSON { out in
                    out.beginObject()
                    out.key("from"); writeActor(a, &out)
                    out.key("to"); writeActor(b, &out)
                    out.key("hops"); out.beginArray()
                    for h in hops {
                        out.beginObject()
                        out.member("from", h.from.id); out.member("to", h.to.id); out.member("weight", h.weight)
                        out.member("document", h.evidence?.document); out.member("date", h.evidence?.date)
                        out.member("sentence", h.evidence?.sentence)
                        out.endObject()
                    }
                    out.endArray()
                    out.endObject()
                }
            }
            guard !hops.isEmpty else {
                print(a.index == b.index ? "\(a.name) is \(b.name)." : "\(a.name) and \(b.name) are not connected.")
                return
            }
            print("\(a.name) → \(b.name): \(hops.count) hop\(hops.count == 1 ? "" : "s")")
            for (i, h) in hops.enumerated() {
                print("\(i + 1). \(h.from.name) — \(h.to.name) (weight \(h.weight))")
                if let e = h.evidence { print("   [\(e.document)\(e.date.map { ", " + $0 } ?? "")] \(e.sentence)") }
            }
        }
    }

    struct Edge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edge", abstract: "Every sentence and event linking two actors, dated.")
        @OptionGroup var options: StoreOptions
        @Argument(help: "One actor.") var first: String
        @Argument(help: "The other actor.") var second: String

        func run() throws {
            let (a, b, link, evidence, events) = try options.read { r -> (ActorSummary, ActorSummary, Link?, [Evidence], [GraphEvent]) in
                let a = try r.resolveActor(first), b = try r.resolveActor(second)
                let link = try r.edgeBetween(a.index, b.index)
                return (a, b, link, try link.map { try r.evidence(edge: $0.edge) } ?? [],
                        try r.events(actor: a.id, with: b.id))
            }
            if options.json {
                return printJSON { out in
                    out.beginObject()
                    out.key("source"); writeActor(a, &out)
                    out.key("target"); writeActor(b, &out)
                    if let link { out.key("link"); writeLink(link, &out) } else { out.key("link"); out.null() }
                    out.key("evidence"); out.beginArray()
                    for e in evidence {
                        out.beginObject(); out.member("document", e.document); out.member("date", e.date)
                        out.member("sentence", e.sentence); out.endObject()
                    }
                    out.endArray()
                    out.key("events"); out.beginArray()
                    for e in events { writeEvent(e, &out) }
                    out.endArray()
                    out.endObject()
                }
            }
            guard let link else {
                print("No sentence links \(a.name) and \(b.name).")
                return
            }
            print("\(a.name) — \(b.name): weight \(link.weight), \(link.documents) document\(link.documents == 1 ? "" : "s"), "
                  + "association \(format(link.association)), \(link.first ?? "undated")…\(link.last ?? "undated")")
            for e in evidence { print("  [\(e.document)\(e.date.map { ", " + $0 } ?? "")] \(e.sentence)") }
            if !events.isEmpty {
                print("events:")
                for e in events { print("  \(e.date ?? "undated")  \(e.type) (\(e.trigger)): \(e.sentence)") }
            }
        }
    }

    struct Events: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "events", abstract: "Events, filtered by actors, type and dates.")
        @OptionGroup var options: StoreOptions
        @Option(help: "Events involving this actor.") var actor: String?
        @Option(help: "…together with this actor.") var with: String?
        @Option(help: "Event type (e.g. meet) or CAMEO root code (e.g. 04).") var type: String?
        @Option(help: "From this date (YYYY, YYYY-MM or YYYY-MM-DD).") var from: String?
        @Option(help: "To this date (YYYY, YYYY-MM or YYYY-MM-DD).") var to: String?
        @Option(help: "Show at most this many (0 shows all).") var limit = 200

        func run() throws {
            let (events, total) = try options.read { r -> ([GraphEvent], Int) in
                let a = try actor.map { try r.resolveActor($0).id }
                let b = try with.map { try r.resolveActor($0).id }
                let events = try r.events(actor: a, with: b, type: type, from: from, to: to, limit: limit > 0 ? limit : nil)
                return (events, events.count < limit ? events.count : try r.eventCount(actor: a, with: b, type: type, from: from, to: to))
            }
            noteTruncation(shown: events.count, of: total, "events")
            if options.json {
                return printJSON { out in
                    out.beginArray()
                    for e in events { writeEvent(e, &out) }
                    out.endArray()
                }
            }
            var table = TextTable(["date", "type", "cameo", "trigger", "actors", "document"])
            for e in events {
                table.add([e.date.map { d in e.end.map { "\(d)…\($0)" } ?? d } ?? "undated", e.type, e.cameo ?? "-", e.trigger,
                           e.actors.joined(separator: ", "), e.document])
            }
            table.print()
        }
    }

    struct Communities: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "communities", abstract: "Communities of actors (Louvain), largest first.")
        @OptionGroup var options: StoreOptions
        @Option(help: "Members shown per community.") var members = 8
        @Option(help: "List the largest N communities (0 lists all: a big corpus has thousands of two-actor ones).")
        var top = 50

        func run() throws {
            let (total, communities) = try options.read { try $0.communities(membersPerCommunity: members, limit: top > 0 ? top : nil) }
            if options.json {
                return printJSON { out in
                    out.beginArray()
                    for c in communities {
                        out.beginObject(); out.member("community", c.community); out.member("size", c.size)
                        out.key("members"); out.beginArray()
                        for m in c.members { writeActor(m, &out) }
                        out.endArray(); out.endObject()
                    }
                    out.endArray()
                }
            }
            print(communities.count < total ? "\(total) communities; the \(communities.count) largest:" : "\(total) communities:")
            var table = TextTable(["community", "size", "central members"])
            for c in communities {
                table.add([String(c.community), String(c.size), c.members.map(\.name).joined(separator: ", ")])
            }
            table.print()
        }
    }
}

// MARK: - Output helpers

/// Numbers for tables: integers as integers, small values in scientific notation, the rest with four
/// decimals. Hand-rolled because `String(format:)` cost more than the query on answers with thousands of rows.
func format(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e9 { return String(Int(value)) }
    guard value.isFinite else { return String(value) }
    if abs(value) < 0.001 && value != 0 {
        var exponent = Int(floor(log10(abs(value))))
        var mantissa = (abs(value) / pow(10, Double(exponent)) * 100).rounded()
        if mantissa >= 1000 { mantissa /= 10; exponent += 1 }
        let digits = String(Int(mantissa))
        let sign = value < 0 ? "-" : ""
        let e = String(-exponent)
        return "\(sign)\(digits.prefix(1)).\(digits.dropFirst())e-\(e.count < 2 ? "0" + e : e)"
    }
    let scaled = Int((abs(value) * 10_000).rounded())
    let fraction = String(scaled % 10_000)
    return "\(value < 0 ? "-" : "")\(scaled / 10_000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
}

/// Tells standard error that a listing stopped at its limit, so neither a reader nor a program takes a page
/// for the whole answer.
func noteTruncation(shown: Int, of total: Int, _ what: String) {
    guard shown < total else { return }
    FileHandle.standardError.write(Data("newsgraph: showing \(shown) of \(total) \(what); --limit 0 shows all\n".utf8))
}

func printJSON(_ body: (inout JSONOutput) -> Void) {
    var out = JSONOutput()
    body(&out)
    out.newline()
    FileHandle.standardOutput.write(Data(out.bytes))
}

func writeActor(_ a: ActorSummary, _ out: inout JSONOutput) {
    out.beginObject()
    out.member("id", a.id); out.member("name", a.name); out.member("type", a.type)
    out.member("mentions", a.mentions); out.member("documents", a.documents)
    out.member("first", a.first); out.member("last", a.last)
    out.member("degree", a.degree); out.member("weighted_degree", a.weightedDegree)
    out.member("pagerank", a.pagerank); out.member("betweenness", a.betweenness); out.member("community", a.community)
    out.endObject()
}

func writeActors(_ actors: [ActorSummary], _ out: inout JSONOutput) {
    out.beginArray()
    for a in actors { writeActor(a, &out) }
    out.endArray()
}

func writeLink(_ l: Link, _ out: inout JSONOutput) {
    out.beginObject()
    out.key("actor"); writeActor(l.other, &out)
    out.member("weight", l.weight); out.member("documents", l.documents)
    out.member("first", l.first); out.member("last", l.last); out.member("association", l.association)
    out.key("event_types"); out.beginArray(); for t in l.eventTypes { out.string(t) }; out.endArray()
    out.endObject()
}

func writeEvent(_ e: GraphEvent, _ out: inout JSONOutput) {
    out.beginObject()
    out.member("id", e.id); out.member("document", e.document); out.member("type", e.type); out.member("cameo", e.cameo)
    out.member("trigger", e.trigger); out.member("date", e.date); out.member("end", e.end); out.member("dateText", e.dateText)
    out.key("actors"); out.beginArray(); for a in e.actors { out.string(a) }; out.endArray()
    out.member("sentence", e.sentence)
    out.endObject()
}

/// A plain aligned text table (widths measured in Unicode scalars), written to standard output in one go.
struct TextTable {
    var header: [String]
    var rows = [[String]]()

    init(_ header: [String]) { self.header = header }

    mutating func add(_ row: [String]) { rows.append(row) }

    func bytes() -> [UInt8] {
        let all = [header] + rows
        var widths = [Int](repeating: 0, count: header.count)
        for row in all { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.unicodeScalars.count) } }
        var out = [UInt8]()
        out.reserveCapacity(all.count * (widths.reduce(0, +) + 2 * widths.count + 1))
        for (r, row) in all.enumerated() {
            if r > 0 { out.append(UInt8(ascii: "\n")) }
            for (i, cell) in row.enumerated() {
                if i > 0 { out.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: " ")]) }
                out.append(contentsOf: cell.utf8)
                if i < row.count - 1, i < widths.count {
                    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: widths[i] - cell.unicodeScalars.count))
                }
            }
        }
        return out
    }

    /// Prints the table and a final newline, through the same buffered stdout as `print`, so lines keep
    /// their order.
    func print() {
        Swift.print(String(decoding: bytes(), as: UTF8.self))
    }
}

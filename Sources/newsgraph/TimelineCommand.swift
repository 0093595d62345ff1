import ArgumentParser
import Foundation
import Graph
import Store

/// `newsgraph timeline`: dated events in order, with their precision; undated events apart.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline", abstract: "Print the timeline of events, ordered by date, undated events last.")

    @OptionGroup var options: StoreOptions
    @Option(help: "Only events involving this actor.") var actor: String?
    @Option(help: "From this date (YYYY, YYYY-MM or YYYY-MM-DD).") var from: String?
    @Option(help: "To this date (YYYY, YYYY-MM or YYYY-MM-DD).") var to: String?
    @Flag(help: "Leave out undated events.") var datedOnly = false
    @Option(help: "Show at most this many events, earliest first (0 shows all).") var limit = 500

    func run() throws {
        let (rows, total) = try options.read { r -> ([GraphEvent], Int) in
            let id = try actor.map { try r.resolveActor($0).id }
            let rows = try r.events(actor: id, from: from, to: to, limit: limit > 0 ? limit : nil)
            return (rows, rows.count < limit ? rows.count : try r.eventCount(actor: id, from: from, to: to))
        }
        noteTruncation(shown: rows.count, of: total, "events")
        let timeline = Timeline(events: rows)
        let undated = (datedOnly || from != nil || to != nil) ? [] : timeline.undated
        if options.json {
            return printJSON { out in
                out.beginObject()
                out.key("entries"); out.beginArray()
                for entry in timeline.entries {
                    out.beginObject()
                    out.member("date", entry.date)
                    out.member("precision", entry.period.precision.rawValue)
                    out.key("events"); out.beginArray()
                    for e in entry.events { writeEvent(e, &out) }
                    out.endArray()
                    out.endObject()
                }
                out.endArray()
                out.key("undated"); out.beginArray()
                for e in undated { writeEvent(e, &out) }
                out.endArray()
                out.endObject()
            }
        }
        for entry in timeline.entries {
            print("\(entry.date)  (\(entry.period.precision.rawValue))")
            for e in entry.events { print(line(e)) }
        }
        if !undated.isEmpty {
            print("undated")
            for e in undated { print(line(e)) }
        }
    }

    private func line(_ e: GraphEvent) -> String {
        let actors = e.actors.isEmpty ? "" : " [" + e.actors.joined(separator: ", ") + "]"
        let until = e.end.map { " until \($0)" } ?? ""
        return "  \(e.type)\(e.cameo.map { " (\($0))" } ?? ""): \(e.trigger)\(actors)\(until) — \(e.document)"
    }
}

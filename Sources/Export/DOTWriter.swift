import Actors
import Graph
import XML

/// How the DOT files look.
public struct DOTOptions: Sendable {
    /// Draw each community as a `subgraph cluster_…` box in `graph.dot`.
    public var communityClusters: Bool
    /// Events shown per date column in `timeline.dot`; the rest collapse into one "+N more" node.
    public var maxEventsPerDate: Int
    /// Actor names listed on an event node.
    public var maxActorsPerEvent: Int

    /// Date columns drawn in `timeline.dot`: the dates with the most events, kept in date order; the others are
    /// counted in a closing note (a day of news names dozens of dates, and a picture wider than a screen is unread).
    public var maxDates: Int

    public init(communityClusters: Bool = false, maxEventsPerDate: Int = 8, maxActorsPerEvent: Int = 3,
                maxDates: Int = 20) {
        self.communityClusters = communityClusters
        self.maxEventsPerDate = maxEventsPerDate
        self.maxActorsPerEvent = maxActorsPerEvent
        self.maxDates = maxDates
    }
}

/// Graphviz sources: `graph.dot` (the actor graph) and `timeline.dot` (events by date, left to right).
///
/// Every id is quoted and every label escaped (`"`, `\`, line breaks; characters XML forbids are dropped too,
/// since SVG output is XML), so actor names can never be read as DOT syntax or keywords (`node`, `graph`).
public enum DOTWriter {
    /// Shape and fill per actor type: distinguishable without a legend, readable with black text.
    static func style(_ type: ActorType) -> (shape: String, color: String) {
        switch type {
        case .person: return ("ellipse", "#a8dadc")
        case .country: return ("box", "#f4a261")
        case .organization: return ("hexagon", "#e9c46a")
        case .location: return ("house", "#b7e4c7")
        case .other: return ("octagon", "#dddddd")
        }
    }

    public static func graph(_ graph: ActorGraph) -> String { self.graph(graph, options: DOTOptions()) }

    public static func graph(_ graph: ActorGraph, options: DOTOptions) -> String {
        var out = "graph \"actors\" {\n"
        out += "  graph [fontname=\"Helvetica\", outputorder=edgesfirst];\n"
        out += "  node [style=filled, fontname=\"Helvetica\", fontsize=10];\n"
        out += "  edge [color=\"#666666\"];\n"
        func nodeLine(_ i: Int, indent: String) -> String {
            let node = graph.nodes[i]
            let s = style(node.type)
            return "\(indent)\(quoted(node.id)) [label=\(quoted(node.name)), shape=\(s.shape), fillcolor=\"\(s.color)\"];\n"
        }
        if options.communityClusters {
            var members = [Int: [Int]]()
            for i in graph.nodes.indices { members[graph.nodes[i].metrics.community, default: []].append(i) }
            for community in members.keys.sorted() {
                out += "  subgraph \"cluster_community_\(community)\" {\n"
                out += "    label=\"community \(community)\"; style=rounded; color=\"#999999\";\n"
                for i in members[community]! { out += nodeLine(i, indent: "    ") }
                out += "  }\n"
            }
        } else {
            for i in graph.nodes.indices { out += nodeLine(i, indent: "  ") }
        }
        let maxWeight = max(1, graph.edges.map(\.weight).max() ?? 1)
        for edge in graph.edges {
            // Square-root scaling keeps one dominant pair from dwarfing the rest: 1 … 6 points.
            let width = 1 + 5 * (Double(edge.weight) / Double(maxWeight)).squareRoot()
            let w = (width * 10).rounded() / 10
            out += "  \(quoted(graph.nodes[edge.source].id)) -- \(quoted(graph.nodes[edge.target].id))"
            out += " [penwidth=\(w), tooltip=\(quoted("weight \(edge.weight)"))];\n"
        }
        out += "}\n"
        return out
    }

    public static func timeline(_ graph: ActorGraph) throws -> String { try timeline(graph, options: DOTOptions()) }

    /// The events `timeline.dot` draws per date; the rest are counted.
    public static func eventsKeptPerDate(_ options: DOTOptions) -> Int { max(1, options.maxEventsPerDate) }

    /// Reads the events once, keeping per date only the few it draws (and every date's count); or takes that
    /// timeline from `counted`, which makes it from the graph's events without reading them all (a store).
    public static func timeline(_ graph: ActorGraph, options: DOTOptions,
                                counted: ((_ keepingPerDate: Int) throws -> Timeline)? = nil) throws -> String {
        let keep = eventsKeptPerDate(options)
        let timeline = try counted?(keep) ?? Timeline(events: graph.events, keepingPerDate: keep)
        var names = [String: String](minimumCapacity: graph.nodes.count)
        for node in graph.nodes { names[node.id] = node.name }

        var out = "digraph \"timeline\" {\n"
        out += "  graph [rankdir=LR, newrank=true, nodesep=0.15, ranksep=0.5, fontname=\"Helvetica\"];\n"
        out += "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#f1f3f5\", fontname=\"Helvetica\", fontsize=9];\n"
        out += "  edge [style=invis];\n"

        func eventLabel(_ event: GraphEvent) -> String {
            var label = ExportText.truncate("\(event.type): \(event.trigger)", 48)
            let actors = event.actors.prefix(options.maxActorsPerEvent).map { names[$0] ?? $0 }
            if !actors.isEmpty {
                var line = actors.joined(separator: ", ")
                if event.actors.count > options.maxActorsPerEvent { line += ", …" }
                label += "\n" + ExportText.truncate(line, 48)
            }
            return label
        }

        /// One column: a header (nil in the undated cluster, whose label is the header), its events (capped),
        /// chained top to bottom; returns the text and the column's first node.
        func column(_ id: String, header: String?, events: [GraphEvent], total: Int, indent: String) -> (String, String) {
            var text = ""
            var members = [String]()
            if let header {
                text += "\(indent)\(quoted(id)) [label=\(quoted(header)), shape=plaintext, style=\"\", fontsize=11, fontname=\"Helvetica-Bold\"];\n"
                members.append(id)
            }
            let shown = events.prefix(keep)
            for (j, event) in shown.enumerated() {
                let eid = "\(id)_\(j)"
                text += "\(indent)\(quoted(eid)) [label=\(quoted(eventLabel(event)))];\n"
                members.append(eid)
            }
            if total > shown.count {
                let more = "\(id)_more"
                text += "\(indent)\(quoted(more)) [label=\(quoted("+\(total - shown.count) more")), style=dashed];\n"
                members.append(more)
            }
            text += "\(indent){ rank=same; " + members.map { quoted($0) + ";" }.joined(separator: " ") + " }\n"
            if members.count > 1 { text += "\(indent)" + members.map(quoted).joined(separator: " -> ") + ";\n" }
            return (text, members[0])
        }

        var entries = timeline.entries
        var hiddenDates = 0, hiddenEvents = 0
        if entries.count > max(1, options.maxDates) {
            let busiest = Set(entries.indices.sorted {
                (entries[$0].count, $1) > (entries[$1].count, $0)
            }.prefix(max(1, options.maxDates)))
            for i in entries.indices where !busiest.contains(i) {
                hiddenDates += 1
                hiddenEvents += entries[i].count
            }
            entries = entries.indices.filter(busiest.contains).map { entries[$0] }
        }
        var headers = [String]()
        for (i, entry) in entries.enumerated() {
            let id = "d\(i)"
            headers.append(id)
            out += column(id, header: entry.date, events: entry.events, total: entry.count, indent: "  ").0
        }
        if hiddenDates > 0 {
            let note = "+\(hiddenDates) more dates (\(hiddenEvents) events)\nnewsgraph timeline lists them all"
            out += "  \"more_dates\" [label=\(quoted(note)), shape=note, style=dashed];\n"
            headers.append("more_dates")
        }
        if timeline.undatedCount > 0 {
            // One node listing the undated events, one per line: Graphviz does not keep the order of a
            // rank=same chain inside a cluster, and the list reads just as well.
            let shown = timeline.undated.prefix(keep)
            var lines = shown.map { eventLabel($0).replacingNewlines(with: " — ") }
            if timeline.undatedCount > shown.count { lines.append("+\(timeline.undatedCount - shown.count) more") }
            out += "  subgraph \"cluster_undated\" {\n"
            out += "    label=\"undated\"; fontname=\"Helvetica-Bold\"; fontsize=11; style=dashed; color=\"#999999\";\n"
            out += "    \"undated\" [label=\(quoted(lines.joined(separator: "\n")))];\n"
            out += "  }\n"
            headers.append("undated")
        }
        if headers.count > 1 {
            out += "  " + headers.map(quoted).joined(separator: " -> ") + ";\n"
        }
        out += "}\n"
        return out
    }

    /// Writes both files atomically: `graph.dot` and `timeline.dot` in `folder` (see `timeline` for `counted`).
    public static func write(_ graph: ActorGraph, toFolder folder: String, options: DOTOptions = DOTOptions(),
                             counted: ((_ keepingPerDate: Int) throws -> Timeline)? = nil) throws {
        try AtomicFile.write(self.graph(graph, options: options), to: folder + "/graph.dot")
        try AtomicFile.write(try timeline(graph, options: options, counted: counted), to: folder + "/timeline.dot")
    }

    /// A DOT double-quoted string: `\` and `"` escaped, line breaks as `\n`, forbidden characters dropped.
    static func quoted(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 2)
        out.append(UInt8(ascii: "\""))
        for b in XMLText.safe(text).utf8 {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), b])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), b])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: break
            case 0x09: out.append(UInt8(ascii: " "))
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    fileprivate func replacingNewlines(with separator: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: separator)
    }
}

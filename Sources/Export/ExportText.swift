import Graph

/// Small text conventions shared by the writers.
enum ExportText {
    /// Formats without lists (GraphML, GEXF strings) join list values with this separator.
    static let listSeparator = "; "
    /// Joins evidence sentences in one attribute.
    static let evidenceSeparator = " | "

    static func list(_ values: [String]) -> String { values.joined(separator: listSeparator) }

    /// The first `count` evidence sentences, joined, cut to at most `maxLength` characters (with "…").
    static func evidence(_ evidence: [Evidence], count: Int, maxLength: Int) -> String {
        let joined = evidence.prefix(count).map(\.sentence).joined(separator: evidenceSeparator)
        return truncate(joined, maxLength)
    }

    /// Cuts on a character boundary; cheap when the text is short enough already.
    static func truncate(_ text: String, _ maxLength: Int) -> String {
        guard text.utf8.count > maxLength, text.count > maxLength else { return text }
        return String(text.prefix(max(0, maxLength - 1))) + "…"
    }

    /// The element ids of `count` nodes, `n0`, `n1`, …: made once per export rather than twice per edge.
    static func nodeIDs(_ count: Int) -> [String] { (0..<count).map { "n\($0)" } }

    /// A double as the shortest decimal that reads back exactly ("0.25", "1e-05"); non-finite → "NaN".
    static func number(_ value: Double) -> String {
        value.isFinite ? value.description : "NaN"
    }
}

/// HTML pages and RSS/Atom feeds, read through libxml2 (`HTMLReader`, `FeedReader`), with their problems
/// turned into diagnostics that name the file.
enum MarkupInput {
    static func read(_ bytes: [UInt8], format: CorpusReader.Format, fallbackID: String, location: String,
                     defaultDate: CalendarDate?) -> (documents: [Document], diagnostics: [Diagnostic]) {
        let result = format == .html
            ? HTMLReader.readWithDiagnostics(bytes: bytes, fallbackID: fallbackID)
            : FeedReader.readWithDiagnostics(bytes: bytes, fallbackID: fallbackID)
        let severity: Diagnostic.Severity = result.documents.isEmpty ? .skipped : .warning
        let diagnostics = result.diagnostics.compactMap { message -> Diagnostic? in
            var text = Substring(message)
            if text.hasPrefix(fallbackID + ": ") { text = text.dropFirst(fallbackID.count + 2) }
            // A page without a date is normal when --date supplies one.
            if defaultDate != nil, text.hasPrefix("no publication date") { return nil }
            return Diagnostic(severity, location, String(text))
        }
        let documents = result.documents.map { doc -> Document in
            var doc = doc
            if doc.date == nil { doc.date = defaultDate }
            return doc
        }
        if documents.isEmpty && diagnostics.isEmpty {
            return ([], [Diagnostic(.skipped, location, "no documents found")])
        }
        return (documents, diagnostics)
    }
}

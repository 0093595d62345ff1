/// HTML pages and RSS/Atom feeds, read through libxml2.
///
/// PLACEHOLDER until the HTML and feed readers land: reports the file as not yet supported.
enum MarkupInput {
    static func read(_ bytes: [UInt8], format: CorpusReader.Format, fallbackID: String, location: String,
                     defaultDate: CalendarDate?) -> (documents: [Document], diagnostics: [Diagnostic]) {
        ([], [Diagnostic(.skipped, location, "HTML and feed input is not supported yet")])
    }
}

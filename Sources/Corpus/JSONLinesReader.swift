/// Reads JSON lines (`.jsonl`, `.ndjson`, or `-` for standard input): one object per line with `text` and
/// optional `id`, `title`, `date`, `source`, `url`. A bad line is reported with its line number and skipped.
public enum JSONLinesReader {
    /// Parses one line. `nil` document with a diagnostic when the line is unusable.
    /// `fallbackID` is made only for a line without an id, and the line's location only for a diagnostic:
    /// building both strings for every line cost more than reading most of its fields.
    public static func document(line: [UInt8], number: Int, location: String, fallbackID: @autoclosure () -> String,
                                defaultDate: CalendarDate?) -> (Document?, [Diagnostic]) {
        var here: String { "\(location):\(number)" }
        var diagnostics = [Diagnostic]()
        let members: [(key: String, value: JSONLineScanner.Value)]
        switch Result(catching: { () throws(JSONLineScanner.SyntaxError) in try JSONLineScanner.parse(line) }) {
        case .failure(let error):
            return (nil, [Diagnostic(.skipped, here, "malformed JSON: \(error)")])
        case .success(.other(let value)):
            return (nil, [Diagnostic(.skipped, here, "expected a JSON object, found \(kind(of: value))")])
        case .success(.object(let found)):
            members = found
        }
        let fields = Fields(members)
        guard case .string(let text)? = fields.text else {
            let found = fields.text == nil ? "no \"text\" field" : "\"text\" is not a string"
            return (nil, [Diagnostic(.skipped, here, found)])
        }
        if text.utf8.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }) {
            return (nil, [Diagnostic(.skipped, here, "document has empty text")])
        }
        let id: String
        switch fields.id {
        case .string(let s)? where !s.isEmpty: id = s
        case .number(let n)?: id = n  // as written: "12", "1e3"
        default: id = fallbackID()
        }
        var date = defaultDate
        if let raw = fields.date, raw != .null {
            if case .string(let s) = raw, let parsed = CalendarDate(iso: s) {
                date = parsed
            } else {
                diagnostics.append(Diagnostic(.warning, here, "unparseable date \(describe(raw)) in '\(id)'; "
                    + (defaultDate == nil ? "document left undated" : "using --date")))
            }
        }
        func string(_ value: JSONLineScanner.Value?) -> String? {
            if case .string(let s)? = value { return s }
            return nil
        }
        let document = Document(id: id, title: string(fields.title), date: date, source: string(fields.source),
                                url: string(fields.url), text: text)
        return (document, diagnostics)
    }

    /// The members a document is read from. A repeated key counts once, with its last value (as
    /// JSONSerialization did); other keys are ignored. Six slots rather than a dictionary of every member:
    /// hashing each key to look it up again cost more than comparing it with six short literals.
    struct Fields {
        var text, id, date, title, source, url: JSONLineScanner.Value?

        init(_ members: [(key: String, value: JSONLineScanner.Value)]) {
            for (key, value) in members {
                switch key {
                case "text": text = value
                case "id": id = value
                case "date": date = value
                case "title": title = value
                case "source": source = value
                case "url": url = value
                default: continue
                }
            }
        }
    }

    private static func describe(_ value: JSONLineScanner.Value) -> String {
        switch value {
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array: return "(an array)"
        case .object: return "(an object)"
        }
    }

    private static func kind(of value: JSONLineScanner.Value) -> String {
        switch value {
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        case .object: return "an object"
        }
    }
}

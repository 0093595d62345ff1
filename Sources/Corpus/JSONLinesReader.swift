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
        var fields = Fields()
        let parsed = Result { () throws(JSONLineScanner.SyntaxError) in
            try line.withUnsafeBufferPointer { (line) throws(JSONLineScanner.SyntaxError) in
                try JSONLineScanner.forEachMember(of: line) { fields.set($0, $1) }
            }
        }
        switch parsed {
        case .failure(let error):
            return (nil, [Diagnostic(.skipped, here, "malformed JSON: \(error)")])
        case .success(let other?):
            return (nil, [Diagnostic(.skipped, here, "expected a JSON object, found \(kind(of: other))")])
        case .success(nil):
            break
        }
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
    /// JSONSerialization did); other keys are ignored. Six slots rather than a dictionary of every member, each
    /// key told by its bytes as the line is read: no string is made for a key.
    struct Fields {
        var text, id, date, title, source, url: JSONLineScanner.Value?

        mutating func set(_ key: UnsafeBufferPointer<UInt8>, _ value: JSONLineScanner.Value) {
            switch key.count {
            case 2 where Self.equal(key, "id"): id = value
            case 3 where Self.equal(key, "url"): url = value
            case 4 where Self.equal(key, "text"): text = value
            case 4 where Self.equal(key, "date"): date = value
            case 5 where Self.equal(key, "title"): title = value
            case 6 where Self.equal(key, "source"): source = value
            default: break
            }
        }

        private static func equal(_ key: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
            key.elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
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

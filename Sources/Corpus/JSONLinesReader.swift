import Foundation

/// Reads JSON lines (`.jsonl`, `.ndjson`, or `-` for standard input): one object per line with `text` and
/// optional `id`, `title`, `date`, `source`, `url`. A bad line is reported with its line number and skipped.
public enum JSONLinesReader {
    /// Parses one line. `nil` document with a diagnostic when the line is unusable.
    public static func document(line: [UInt8], number: Int, location: String, fallbackID: String,
                                defaultDate: CalendarDate?) -> (Document?, [Diagnostic]) {
        let here = "\(location):\(number)"
        var diagnostics = [Diagnostic]()
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line), options: [])
        } catch {
            return (nil, [Diagnostic(.skipped, here, "malformed JSON: \(describe(error))")])
        }
        guard let fields = object as? [String: Any] else {
            return (nil, [Diagnostic(.skipped, here, "expected a JSON object, found \(kind(of: object))")])
        }
        guard let text = fields["text"] as? String else {
            let found = fields["text"] == nil ? "no \"text\" field" : "\"text\" is not a string"
            return (nil, [Diagnostic(.skipped, here, found)])
        }
        if text.utf8.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }) {
            return (nil, [Diagnostic(.skipped, here, "document has empty text")])
        }
        var id = fallbackID
        if let value = fields["id"] {
            if let s = value as? String, !s.isEmpty { id = s } else if let n = value as? NSNumber { id = n.stringValue }
        }
        var date = defaultDate
        if let raw = fields["date"], !(raw is NSNull) {
            if let s = raw as? String, let parsed = CalendarDate(iso: s) {
                date = parsed
            } else {
                diagnostics.append(Diagnostic(.warning, here, "unparseable date \(String(describing: raw)) in '\(id)'; "
                    + (defaultDate == nil ? "document left undated" : "using --date")))
            }
        }
        let document = Document(id: id, title: fields["title"] as? String, date: date, source: fields["source"] as? String,
                                url: fields["url"] as? String, text: text)
        return (document, diagnostics)
    }

    private static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if let detail = ns.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return ns.localizedDescription
    }

    private static func kind(of value: Any) -> String {
        switch value {
        case is [Any]: return "an array"
        case is String: return "a string"
        case is NSNumber: return "a number"
        case is NSNull: return "null"
        default: return "another value"
        }
    }
}

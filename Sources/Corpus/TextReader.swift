/// Reads plain-text articles (`.txt`, `.md`): one document per file, or one per front-matter block.
///
/// A front-matter block is a `---` line, `key: value` lines (id, title, date, source, url), and a closing
/// `---` line. A block at the top gives the first document's metadata; each further block starts a further
/// document. Without any block the file is one document whose id is derived from its path.
public enum TextReader {
    public static func read(_ content: String, fallbackID: String, location: String,
                            defaultDate: CalendarDate?) -> (documents: [Document], diagnostics: [Diagnostic]) {
        var diagnostics = [Diagnostic]()
        var lines = [Substring]()
        content.split(separator: "\n", omittingEmptySubsequences: false).forEach { lines.append($0) }

        // Find front-matter blocks: (opening line index, closing line index, metadata).
        var blocks = [(open: Int, close: Int, meta: [(String, String, Int)])]()
        var i = 0
        while i < lines.count {
            if trimmed(lines[i]) == "---", let (close, meta) = frontMatter(lines, from: i), !meta.isEmpty {
                blocks.append((i, close, meta))
                i = close + 1
            } else {
                i += 1
            }
        }
        guard !blocks.isEmpty else {
            let body = content
            if isBlank(body) {
                diagnostics.append(Diagnostic(.skipped, location, "empty document: no text"))
                return ([], diagnostics)
            }
            return ([Document(id: fallbackID, date: defaultDate, text: body)], diagnostics)
        }
        var documents = [Document]()
        // Text before the first block (if any) is a document of its own.
        if blocks[0].open > 0 {
            let body = lines[0..<blocks[0].open].joined(separator: "\n")
            if !isBlank(body) {
                documents.append(Document(id: fallbackID, date: defaultDate, text: body))
            }
        }
        for (n, block) in blocks.enumerated() {
            let bodyEnd = n + 1 < blocks.count ? blocks[n + 1].open : lines.count
            let body = lines[(block.close + 1)..<bodyEnd].joined(separator: "\n")
            var document = Document(id: blocks.count > 1 ? "\(fallbackID)#\(n + 1)" : fallbackID, date: defaultDate,
                                    text: body.trimmingNewlines())
            for (key, value, line) in block.meta {
                switch key {
                case "id": document.id = value
                case "title": document.title = value
                case "source": document.source = value
                case "url", "link": document.url = value
                case "date", "published":
                    if value.isEmpty || value == "null" || value == "unknown" { continue }
                    if let date = CalendarDate(iso: value) {
                        document.date = date
                    } else {
                        diagnostics.append(Diagnostic(.warning, "\(location):\(line + 1)",
                                                      "unparseable date '\(value)' (expected YYYY-MM-DD); document left undated"))
                    }
                default: continue
                }
            }
            if isBlank(document.text) {
                diagnostics.append(Diagnostic(.skipped, "\(location):\(block.open + 1)", "document '\(document.id)' has no text"))
                continue
            }
            documents.append(document)
        }
        return (documents, diagnostics)
    }

    private static func trimmed(_ s: Substring) -> Substring {
        var t = s
        while let last = t.last, last == " " || last == "\r" || last == "\t" { t = t.dropLast() }
        return t
    }

    /// Parses `key: value` lines after an opening `---` up to a closing `---`; nil if it is not a block.
    private static func frontMatter(_ lines: [Substring], from open: Int) -> (Int, [(String, String, Int)])? {
        var meta = [(String, String, Int)]()
        var j = open + 1
        while j < lines.count, j - open <= 30 {
            let line = trimmed(lines[j])
            if line == "---" { return (j, meta) }
            if line.isEmpty { j += 1; continue }
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let key = line[..<colon].trimmingSpaces().lowercased()
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "_" || $0 == "-" }) else { return nil }
            var value = String(line[line.index(after: colon)...].trimmingSpaces())
            if value.count >= 2, let f = value.first, f == "\"" || f == "'", value.last == f {
                value = String(value.dropFirst().dropLast())
            }
            meta.append((key, value, j))
            j += 1
        }
        return nil
    }

    private static func isBlank(_ s: String) -> Bool {
        s.utf8.allSatisfy { $0 == 32 || $0 == 10 || $0 == 13 || $0 == 9 }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> Substring {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return s
    }
}

extension String {
    func trimmingNewlines() -> String {
        var s = Substring(self)
        while let f = s.first, f == "\n" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == "\n" || l == "\r" || l == " " { s = s.dropLast() }
        return String(s)
    }
}

import XML

/// Reads RSS 2.0 (and RSS 1.0 / RDF) and Atom feeds: one `Document` per item or entry.
///
/// - text: `content:encoded`, else `description` (RSS); `content`, else `summary` (Atom). HTML is parsed and
///   stripped by the HTML parser, paragraphs kept; an item with no body falls back to its title.
/// - date: `pubDate` (RFC 822), else `dc:date` (RSS); `published`, else `updated` (RFC 3339).
/// - id: `guid` / Atom `id`, else the link, else `<fallbackID>#<n>`; url: `link` (Atom: `rel="alternate"`).
/// - source: the channel / feed title.
///
/// Feeds are XML and parsed strictly (no recovery): a malformed feed yields no documents and a diagnostic
/// with the line. Entities never reach outside the document (see `MarkupDocument.xml`).
public enum FeedReader {
    static let atomNamespace = "http://www.w3.org/2005/Atom"

    public static func read(bytes: [UInt8], fallbackID: String) -> [Document] {
        readWithDiagnostics(bytes: bytes, fallbackID: fallbackID).documents
    }

    public static func readWithDiagnostics(bytes: [UInt8], fallbackID: String) -> MarkupReadResult {
        let document: MarkupDocument
        do {
            document = try MarkupDocument.xml(bytes)
        } catch {
            return MarkupReadResult(diagnostics: ["\(fallbackID): \(error)"])
        }
        let root = document.root
        var result: MarkupReadResult
        switch root.name {
        case "rss":
            guard let channel = root.child("channel") else {
                return MarkupReadResult(diagnostics: ["\(fallbackID): RSS without <channel>"])
            }
            result = rss(items: channel.children("item"), channel: channel, fallbackID: fallbackID)
        case "RDF":
            result = rss(items: root.children("item"), channel: root.child("channel"), fallbackID: fallbackID)
        case "feed":
            result = atom(root, fallbackID: fallbackID)
        default:
            return MarkupReadResult(diagnostics: ["\(fallbackID): not an RSS or Atom feed (root <\(root.name)>)"])
        }
        result.diagnostics.insert(contentsOf: document.diagnostics.map { "\(fallbackID): \($0)" }, at: 0)
        return result
    }

    static func rss(items: [MarkupElement], channel: MarkupElement?, fallbackID: String) -> MarkupReadResult {
        var result = MarkupReadResult()
        let source = channel?.child("title").map { plain($0.text) }.flatMap { $0.isEmpty ? nil : $0 }
        for (n, item) in items.enumerated() {
            let title = item.child("title").map { rssTitle($0.text) }.flatMap { $0.isEmpty ? nil : $0 }
            let encoded = item.elements.first { $0.name == "encoded" }.map { MarkupText.text(html: $0.text) } ?? ""
            let body = encoded.isEmpty ? (item.child("description").map { MarkupText.text(html: $0.text) } ?? "") : encoded
            let dateText = item.child("pubDate")?.text ?? item.elements.first { $0.name == "date" }?.text
            let date = dateText.flatMap(MarkupDates.parse)
            if dateText != nil, date == nil {
                result.diagnostics.append("\(fallbackID): item \(n + 1): unreadable date \"\(plain(dateText!))\"")
            }
            let link = item.child("link").map { plain($0.text) }.flatMap { $0.isEmpty ? nil : $0 }
            let guid = item.child("guid").map { plain($0.text) }.flatMap { $0.isEmpty ? nil : $0 }
            let guidIsLink = item.child("guid")?.attribute("isPermaLink") != "false"
                && (guid?.hasPrefix("http://") == true || guid?.hasPrefix("https://") == true)
            let url = link ?? (guidIsLink ? guid : nil)
            append(to: &result, id: guid ?? link ?? "\(fallbackID)#\(n + 1)", title: title, date: date, source: source,
                   url: url, body: body, index: n, fallbackID: fallbackID)
        }
        return result
    }

    static func atom(_ feed: MarkupElement, fallbackID: String) -> MarkupReadResult {
        var result = MarkupReadResult()
        let source = feed.child("title").map(atomText).flatMap { $0.isEmpty ? nil : $0 }
        for (n, entry) in feed.children("entry").enumerated() {
            let title = entry.child("title").map(atomText).flatMap { $0.isEmpty ? nil : $0 }
            var body = entry.child("content").map(atomText) ?? ""
            if body.isEmpty { body = entry.child("summary").map(atomText) ?? "" }
            let dateText = entry.child("published")?.text ?? entry.child("updated")?.text
            let date = dateText.flatMap(MarkupDates.parse)
            if dateText != nil, date == nil {
                result.diagnostics.append("\(fallbackID): entry \(n + 1): unreadable date \"\(plain(dateText!))\"")
            }
            let links = entry.children("link")
            let alternate = links.first { ($0.attribute("rel") ?? "alternate") == "alternate" } ?? links.first
            let url = alternate?.attribute("href").flatMap { $0.isEmpty ? nil : $0 }
            let id = entry.child("id").map { plain($0.text) }.flatMap { $0.isEmpty ? nil : $0 }
            append(to: &result, id: id ?? url ?? "\(fallbackID)#\(n + 1)", title: title, date: date, source: source,
                   url: url, body: body, index: n, fallbackID: fallbackID)
        }
        return result
    }

    static func append(to result: inout MarkupReadResult, id: String, title: String?, date: CalendarDate?,
                       source: String?, url: String?, body: String, index: Int, fallbackID: String) {
        let text = body.isEmpty ? (title ?? "") : body
        guard !text.isEmpty else {
            result.diagnostics.append("\(fallbackID): item \(index + 1) has neither text nor title; skipped")
            return
        }
        result.documents.append(Document(id: id, title: title, date: date, source: source, url: url, text: text))
    }

    /// Atom text constructs: `type="html"` is escaped HTML, `type="xhtml"` is inline XHTML markup, anything
    /// else is plain text.
    static func atomText(_ element: MarkupElement) -> String {
        switch element.attribute("type") {
        case "html", "text/html": return MarkupText.text(html: element.text)
        case "xhtml", "application/xhtml+xml": return MarkupText.text(element)
        default: return plain(element.text)
        }
    }

    static func plain(_ text: String) -> String { MarkupText.collapse(text) }

    /// RSS titles are meant to be plain text, yet many feeds put escaped HTML in them. Read a title as HTML
    /// only when it shows real markup (a closing tag) or a leftover entity; "Storm hits <coast>" stays as is.
    static func rssTitle(_ text: String) -> String {
        text.contains("</") || text.contains("&") ? MarkupText.text(html: text) : plain(text)
    }
}

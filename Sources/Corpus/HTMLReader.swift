import XML

/// Documents read from markup, with what went wrong along the way (for the user, not for the pipeline).
public struct MarkupReadResult: Sendable {
    public var documents: [Document]
    public var diagnostics: [String]

    public init(documents: [Document] = [], diagnostics: [String] = []) {
        self.documents = documents
        self.diagnostics = diagnostics
    }
}

/// Reads one news article from a web page.
///
/// Text comes from the article body: the `<article>` with the most text, else `<main>`, else `<body>`;
/// paragraphs and headings become blank-line separated paragraphs, page furniture is left out (see
/// `MarkupText`). Broken markup is recovered as browsers do. Metadata:
/// - title: `og:title`, else `<title>`, else the first `<h1>`;
/// - date: `article:published_time`, else `datePublished` (JSON-LD or `itemprop`), else the first
///   `<time datetime>`, else common `<meta name="date">` variants;
/// - source: `og:site_name`; url: `og:url`, else `<link rel="canonical">`.
/// The id is `fallbackID` (usually the file name): stable across runs, unlike URLs with tracking parameters.
public enum HTMLReader {
    public static func read(bytes: [UInt8], fallbackID: String) -> [Document] {
        readWithDiagnostics(bytes: bytes, fallbackID: fallbackID).documents
    }

    public static func readWithDiagnostics(bytes: [UInt8], fallbackID: String) -> MarkupReadResult {
        let root = MarkupDocument.html(bytes).root
        let page = Page(root)
        let text = page.articleText()
        guard !text.isEmpty else {
            return MarkupReadResult(diagnostics: ["\(fallbackID): no article text found"])
        }
        var diagnostics = [String]()
        let date = page.publicationDate()
        if date == nil { diagnostics.append("\(fallbackID): no publication date found") }
        let document = Document(id: fallbackID, title: page.title(), date: date, source: page.meta("og:site_name"),
                                url: page.meta("og:url") ?? page.canonicalURL(), text: text)
        return MarkupReadResult(documents: [document], diagnostics: diagnostics)
    }

    /// The parsed page and the lookups the metadata needs.
    struct Page {
        let root: MarkupElement
        /// `<meta>` content by lowercased `property`, `name` or `itemprop`; the first occurrence wins.
        let metas: [String: String]

        init(_ root: MarkupElement) {
            self.root = root
            var metas = [String: String]()
            for meta in root.descendants(where: { $0.name == "meta" }) {
                guard let content = meta.attribute("content") else { continue }
                for key in ["property", "name", "itemprop"] {
                    if let k = meta.attribute(key)?.lowercased(), metas[k] == nil { metas[k] = content }
                }
            }
            self.metas = metas
        }

        func meta(_ key: String) -> String? {
            guard let value = metas[key].map(MarkupText.collapse), !value.isEmpty else { return nil }
            return value
        }

        func title() -> String? {
            if let og = meta("og:title") ?? meta("twitter:title") { return og }
            for name in ["title", "h1"] {
                if let e = root.firstDescendant(where: { $0.name == name }) {
                    let t = MarkupText.collapse(e.text)
                    if !t.isEmpty { return t }
                }
            }
            return nil
        }

        func canonicalURL() -> String? {
            root.firstDescendant { $0.name == "link" && $0.attribute("rel")?.lowercased() == "canonical" }?
                .attribute("href")
        }

        /// Article text from the best container: most text among `<article>`s, else `<main>`, else `<body>`.
        func articleText() -> String {
            var best = ""
            for article in root.descendants(where: { $0.name == "article" }) {
                let text = MarkupText.text(article)
                if text.utf8.count > best.utf8.count { best = text }
            }
            if !best.isEmpty { return best }
            for name in ["main", "body"] {
                if let container = root.firstDescendant(where: { $0.name == name || $0.attribute("role") == name }) {
                    let text = MarkupText.text(container)
                    if !text.isEmpty { return text }
                }
            }
            return MarkupText.text(root)
        }

        func publicationDate() -> CalendarDate? {
            if let value = meta("article:published_time"), let date = MarkupDates.parse(value) { return date }
            for script in root.descendants(where: { $0.name == "script" }) {
                guard script.attribute("type")?.lowercased().contains("ld+json") == true else { continue }
                if let value = HTMLReader.jsonStringValue(of: "datePublished", in: script.text),
                   let date = MarkupDates.parse(value) { return date }
            }
            for e in root.descendants(where: { $0.attribute("itemprop") == "datePublished" }) {
                if let value = e.attribute("content") ?? e.attribute("datetime") ?? Optional(e.text),
                   let date = MarkupDates.parse(value) { return date }
            }
            for e in root.descendants(where: { $0.name == "time" }) {
                if let value = e.attribute("datetime"), let date = MarkupDates.parse(value) { return date }
            }
            for key in ["date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created",
                        "dcterms.date", "og:published_time", "parsely-pub-date", "sailthru.date"] {
                if let value = meta(key), let date = MarkupDates.parse(value) { return date }
            }
            return nil
        }
    }

    /// The string value of the first `"key": "value"` in JSON text, found by scanning (JSON-LD blocks are often
    /// sloppy JSON, and the key may sit anywhere in nested `@graph` objects).
    static func jsonStringValue(of key: String, in json: String) -> String? {
        let bytes = Array(json.utf8)
        let needle = Array("\"\(key)\"".utf8)
        guard bytes.count > needle.count else { return nil }
        var i = 0
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle {
                var j = i + needle.count
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
                guard j < bytes.count, bytes[j] == UInt8(ascii: ":") else { i += 1; continue }
                j += 1
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x0A || bytes[j] == 0x09 || bytes[j] == 0x0D { j += 1 }
                guard j < bytes.count, bytes[j] == UInt8(ascii: "\"") else { i += 1; continue }
                let start = j + 1
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                return String(decoding: bytes[start..<end], as: UTF8.self)
            }
            i += 1
        }
        return nil
    }
}

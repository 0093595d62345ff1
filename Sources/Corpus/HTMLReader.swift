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
        var page = PageVisitor()
        MarkupDocument.visitHTML(bytes, visitor: &page)
        page.flush()
        let text = page.articleText()
        guard !text.isEmpty else {
            return MarkupReadResult(diagnostics: ["\(fallbackID): no article text found"])
        }
        var diagnostics = [String]()
        let date = publicationDate(page)
        if date == nil { diagnostics.append("\(fallbackID): no publication date found") }
        let title = meta(page, "og:title") ?? meta(page, "twitter:title") ?? page.titleText ?? page.firstH1
        let document = Document(id: fallbackID, title: title, date: date, source: meta(page, "og:site_name"),
                                url: meta(page, "og:url") ?? page.canonicalURL, text: text)
        return MarkupReadResult(documents: [document], diagnostics: diagnostics)
    }

    static func meta(_ page: PageVisitor, _ key: String) -> String? {
        guard let value = page.metas[key].map(MarkupText.collapse), !value.isEmpty else { return nil }
        return value
    }

    static func publicationDate(_ page: PageVisitor) -> CalendarDate? {
        if let value = meta(page, "article:published_time"), let date = MarkupDates.parse(value) { return date }
        for json in page.ldJSON {
            if let value = jsonStringValue(of: "datePublished", in: json), let date = MarkupDates.parse(value) {
                return date
            }
        }
        for value in page.itempropDates + page.timeDatetimes {
            if let date = MarkupDates.parse(value) { return date }
        }
        for key in ["date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created",
                    "dcterms.date", "og:published_time", "parsely-pub-date", "sailthru.date"] {
            if let value = meta(page, key), let date = MarkupDates.parse(value) { return date }
        }
        return nil
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

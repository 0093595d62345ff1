import XML

/// Turns HTML into article text: paragraphs of visible prose, blank-line separated.
///
/// Block elements (`p`, headings, list items, `div`, table cells, …) end a paragraph, inline elements
/// (`b`, `a`, `span`) flow into it; whitespace runs (and no-break spaces) collapse to one space. Page
/// furniture is left out: scripts, styles, navigation, headers and footers, asides, forms, figures, and
/// anything `hidden`. One streaming pass (`MarkupVisitor`) does the text and the metadata together.
public enum MarkupText {
    /// Never text, and nothing inside is wanted either: not even entered.
    static let opaque: Set<String> = [
        "script", "style", "noscript", "template", "button", "select", "textarea", "iframe", "object", "embed",
        "svg", "canvas", "dialog", "math",
    ]
    /// Never article text, but entered for metadata (`<head>` metas, a byline's `<time>` in a `<header>`).
    static let furniture: Set<String> = [
        "head", "title", "nav", "header", "footer", "aside", "form", "label", "input", "figure", "figcaption",
        "menu", "meta", "link",
    ]
    static let skippedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert",
    ]
    static let blocks: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "article", "main", "blockquote", "pre", "ul",
        "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "br", "hr",
        "address", "center", "details", "summary", "body", "html",
    ]

    /// Element classes in one lookup (the visitor asks once per element): bit 0 opaque, 1 furniture, 2 block.
    static let classes: [String: UInt8] = {
        var table = [String: UInt8]()
        for name in opaque { table[name, default: 0] |= 1 }
        for name in furniture { table[name, default: 0] |= 2 }
        for name in blocks { table[name, default: 0] |= 4 }
        return table
    }()

    /// True when an attribute hides the element or marks it as navigation, banner, etc.
    static func isHiddenByAttributes(_ attributes: [MarkupAttribute]) -> Bool {
        for a in attributes {
            switch a.name {
            case "hidden": return true
            case "aria-hidden" where a.value == "true": return true
            case "role" where skippedRoles.contains(a.value.lowercased()): return true
            default: continue
            }
        }
        return false
    }

    /// True for elements whose content is never article text.
    public static func isFurniture(_ name: String, _ attributes: [MarkupAttribute]) -> Bool {
        (classes[name] ?? 0) & 3 != 0 || isHiddenByAttributes(attributes)
    }

    /// The paragraphs of visible text under `element` (an already parsed tree, e.g. Atom XHTML content).
    public static func paragraphs(_ element: MarkupElement) -> [String] {
        var page = PageVisitor()
        element.accept(&page)
        page.flush()
        return page.paragraphs.map(\.text)
    }

    /// Paragraphs joined by blank lines.
    public static func text(_ element: MarkupElement) -> String {
        paragraphs(element).joined(separator: "\n\n")
    }

    /// Text of an HTML fragment (a feed description): parsed, stripped of markup, paragraphs kept.
    public static func text(html: String) -> String {
        guard html.utf8.contains(UInt8(ascii: "<")) || html.utf8.contains(UInt8(ascii: "&")) else {
            return collapse(html)
        }
        var page = PageVisitor()
        MarkupDocument.visitHTML(Array(html.utf8), encoding: "UTF-8", visitor: &page)
        page.flush()
        return page.articleText()
    }

    /// Collapses whitespace runs (including no-break spaces) to one space and trims the ends.
    public static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out = Collapser()
            out.append(bytes)
            return String(decoding: out.bytes, as: UTF8.self)
        }
    }
}

/// Appends text with whitespace collapsed on the fly: never a leading, trailing or double space.
struct Collapser {
    var bytes: [UInt8] = []
    var pendingSpace = false

    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = text.count
        while i < n {
            let b = text[i]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                pendingSpace = !bytes.isEmpty
                i += 1
                continue
            }
            if b == 0xC2, i + 1 < n, text[i + 1] == 0xA0 {  // U+00A0, as &nbsp; leaves it
                pendingSpace = !bytes.isEmpty
                i += 2
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(b)
            i += 1
        }
    }

    mutating func take() -> String? {
        defer {
            bytes.removeAll(keepingCapacity: true)
            pendingSpace = false
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}

/// One pass over a page: paragraphs (tagged with their article and whether they are inside `<main>`) and the
/// metadata `HTMLReader` needs.
struct PageVisitor: MarkupVisitor {
    struct Paragraph {
        var text: String
        /// The outermost `<article>` the paragraph is in (0 = the page's first), nil outside any.
        var article: Int?
        var inMain: Bool
    }

    private struct Frame {
        var suppress = false
        var block = false
        var article = false
        var main = false
    }

    private enum Capture { case title, h1, ldJSON, itemprop }

    private(set) var paragraphs: [Paragraph] = []
    private var current = Collapser()
    private var frames: [Frame] = []
    private var suppressed = 0
    private var outerArticle: Int?
    private var articleCount = 0
    private var mainDepth = 0

    /// `<meta>` content by lowercased `property`, `name` or `itemprop`; the first occurrence wins.
    private(set) var metas: [String: String] = [:]
    private(set) var canonicalURL: String?
    private(set) var titleText: String?
    private(set) var firstH1: String?
    private(set) var ldJSON: [String] = []
    private(set) var itempropDates: [String] = []
    private(set) var timeDatetimes: [String] = []
    private var capture: Capture?
    private var captureFrame = 0
    private var captured: [UInt8] = []

    mutating func startElement(_ name: String, attributes: [MarkupAttribute]) -> Bool {
        var frame = Frame()
        let kind = MarkupText.classes[name] ?? 0
        if !attributes.isEmpty { readMetadata(name, attributes) }
        if kind & 1 != 0 {
            let isLDJSON = name == "script"
                && attributes.contains { $0.name == "type" && $0.value.lowercased().contains("ld+json") }
            guard isLDJSON, capture == nil else { return false }
            begin(.ldJSON)
        } else if capture == nil {
            if name == "title", titleText == nil { begin(.title) }
            if name == "h1", firstH1 == nil { begin(.h1) }
        }
        if kind & 3 != 0 || (!attributes.isEmpty && MarkupText.isHiddenByAttributes(attributes)) {
            suppressed += 1
            frame.suppress = true
        } else if suppressed == 0, kind & 4 != 0 {
            flush()
            frame.block = true
        }
        if name == "article", outerArticle == nil {
            outerArticle = articleCount
            articleCount += 1
            frame.article = true
        }
        if name == "main" || (!attributes.isEmpty && attributes.contains { $0.name == "role" && $0.value == "main" }) {
            mainDepth += 1
            frame.main = true
        }
        frames.append(frame)
        return true
    }

    mutating func endElement(_ name: String) {
        let frame = frames.removeLast()
        if let kind = capture, frames.count == captureFrame { end(kind) }
        if frame.block { flush() }
        if frame.suppress { suppressed -= 1 }
        if frame.article { outerArticle = nil }
        if frame.main { mainDepth -= 1 }
    }

    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) {
        if capture != nil { captured.append(contentsOf: utf8) }
        if suppressed == 0 { current.append(utf8) }
    }

    mutating func flush() {
        if let text = current.take() {
            paragraphs.append(Paragraph(text: text, article: outerArticle, inMain: mainDepth > 0))
        }
    }

    private mutating func begin(_ kind: Capture) {
        capture = kind
        captureFrame = frames.count
        captured.removeAll(keepingCapacity: true)
    }

    private mutating func end(_ kind: Capture) {
        capture = nil
        let raw = String(decoding: captured, as: UTF8.self)
        switch kind {
        case .ldJSON: ldJSON.append(raw)
        case .itemprop: itempropDates.append(raw)
        case .title, .h1:
            let text = MarkupText.collapse(raw)
            guard !text.isEmpty else { return }
            if kind == .title { titleText = text } else { firstH1 = text }
        }
    }

    private mutating func readMetadata(_ name: String, _ attributes: [MarkupAttribute]) {
        func value(_ key: String) -> String? { attributes.first { $0.name == key }?.value }
        switch name {
        case "meta":
            if let content = value("content") {
                for key in ["property", "name", "itemprop"] {
                    if let k = value(key)?.lowercased(), metas[k] == nil { metas[k] = content }
                }
            }
        case "link":
            if canonicalURL == nil, value("rel")?.lowercased() == "canonical" { canonicalURL = value("href") }
        case "time":
            if let datetime = value("datetime") { timeDatetimes.append(datetime) }
        default:
            break
        }
        if value("itemprop") == "datePublished" {
            if let v = value("content") ?? value("datetime") {
                itempropDates.append(v)
            } else if capture == nil {
                begin(.itemprop)
            }
        }
    }

    /// The text of the best container: the `<article>` with the most text, else `<main>`, else everything.
    func articleText() -> String {
        if articleCount > 0 {
            var sizes = [Int](repeating: 0, count: articleCount)
            for p in paragraphs { if let a = p.article { sizes[a] += p.text.utf8.count } }
            var best = 0
            for i in sizes.indices where sizes[i] > sizes[best] { best = i }
            if sizes[best] > 0 {
                return paragraphs.filter { $0.article == best }.map(\.text).joined(separator: "\n\n")
            }
        }
        let inMain = paragraphs.filter(\.inMain)
        if !inMain.isEmpty { return inMain.map(\.text).joined(separator: "\n\n") }
        return paragraphs.map(\.text).joined(separator: "\n\n")
    }
}

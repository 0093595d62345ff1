import XML

/// Turns parsed HTML into article text: paragraphs of visible prose, blank-line separated.
///
/// Block elements (`p`, headings, list items, `div`, table cells, …) end a paragraph, inline elements
/// (`b`, `a`, `span`) flow into it; whitespace runs collapse to one space. Page furniture is left out:
/// scripts, styles, navigation, headers and footers, asides, forms, figures, and anything `hidden`.
public enum MarkupText {
    static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select",
        "textarea", "input", "label", "iframe", "object", "embed", "svg", "canvas", "figure", "figcaption",
        "head", "title", "meta", "link", "menu", "dialog",
    ]
    static let skippedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert",
    ]
    static let blocks: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "article", "main", "blockquote", "pre", "ul",
        "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "br", "hr",
        "address", "center", "details", "summary", "body", "html",
    ]

    /// True for elements that are never article text.
    public static func isFurniture(_ element: MarkupElement) -> Bool {
        if skipped.contains(element.name) { return true }
        if element.attribute("hidden") != nil || element.attribute("aria-hidden") == "true" { return true }
        if let role = element.attribute("role"), skippedRoles.contains(role.lowercased()) { return true }
        return false
    }

    /// The paragraphs of visible text under `element`.
    public static func paragraphs(_ element: MarkupElement) -> [String] {
        var builder = ParagraphBuilder()
        builder.walk(element)
        builder.flush()
        return builder.paragraphs
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
        let doc = MarkupDocument.html(Array(html.utf8), encoding: "UTF-8")
        return text(doc.root)
    }

    /// Collapses whitespace runs (including no-break spaces) to one space and trims the ends.
    public static func collapse(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var bytes = Array(text.utf8)[...]
        while let b = bytes.first {
            bytes = bytes.dropFirst()
            var isSpace = b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
            if b == 0xC2, bytes.first == 0xA0 {  // U+00A0 no-break space, as &nbsp; leaves it
                bytes = bytes.dropFirst()
                isSpace = true
            }
            if isSpace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    struct ParagraphBuilder {
        var paragraphs: [String] = []
        var current = ""

        mutating func walk(_ element: MarkupElement) {
            for child in element.children {
                switch child {
                case .text(let t):
                    current += t
                case .element(let e):
                    if MarkupText.isFurniture(e) { continue }
                    if MarkupText.blocks.contains(e.name) {
                        flush()
                        walk(e)
                        flush()
                    } else {
                        walk(e)
                    }
                }
            }
        }

        mutating func flush() {
            let paragraph = MarkupText.collapse(current)
            current = ""
            if !paragraph.isEmpty { paragraphs.append(paragraph) }
        }
    }
}

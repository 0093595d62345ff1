import CLibXML2

/// One attribute of a markup element.
public struct MarkupAttribute: Hashable, Sendable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A node of a parsed document: an element or a run of text (CDATA and expanded entities included).
public enum MarkupNode: Hashable, Sendable {
    case element(MarkupElement)
    case text(String)
}

/// An element of a parsed HTML or XML document, as plain Swift values (no libxml2 pointers escape `XML`).
public struct MarkupElement: Hashable, Sendable {
    /// Local name; lowercase for HTML.
    public var name: String
    /// Namespace prefix as written (`content` in `content:encoded`), nil when none.
    public var prefix: String?
    /// Namespace URI, nil when none.
    public var namespace: String?
    public var attributes: [MarkupAttribute]
    public var children: [MarkupNode]

    public init(name: String, prefix: String? = nil, namespace: String? = nil,
                attributes: [MarkupAttribute] = [], children: [MarkupNode] = []) {
        self.name = name
        self.prefix = prefix
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
    }

    /// The value of the first attribute with this (local, case-sensitive) name.
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Child elements, in order.
    public var elements: [MarkupElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// The first child element with this local name.
    public func child(_ name: String) -> MarkupElement? {
        for case .element(let e) in children where e.name == name { return e }
        return nil
    }

    /// Child elements with this local name.
    public func children(_ name: String) -> [MarkupElement] {
        elements.filter { $0.name == name }
    }

    /// The first descendant (depth first, document order) that satisfies `predicate`.
    public func firstDescendant(where predicate: (MarkupElement) -> Bool) -> MarkupElement? {
        for case .element(let e) in children {
            if predicate(e) { return e }
            if let found = e.firstDescendant(where: predicate) { return found }
        }
        return nil
    }

    /// Every descendant that satisfies `predicate`, in document order.
    public func descendants(where predicate: (MarkupElement) -> Bool) -> [MarkupElement] {
        var found = [MarkupElement]()
        func walk(_ element: MarkupElement) {
            for case .element(let e) in element.children {
                if predicate(e) { found.append(e) }
                walk(e)
            }
        }
        walk(self)
        return found
    }

    /// All descendant text, concatenated as is.
    public var text: String {
        var out = ""
        func walk(_ element: MarkupElement) {
            for child in element.children {
                switch child {
                case .text(let t): out += t
                case .element(let e): walk(e)
                }
            }
        }
        walk(self)
        return out
    }
}

/// A problem libxml2 reported while parsing.
public struct MarkupDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String
    /// libxml2's error code (`xmlParserErrors`), e.g. 89 for an entity reference loop.
    public var code: Int

    public init(line: Int, message: String, code: Int) {
        self.line = line
        self.message = message
        self.code = code
    }

    public var description: String { "line \(line): \(message)" }
}

/// Why an XML document was refused.
public enum MarkupError: Error, CustomStringConvertible, Sendable {
    /// Not well-formed; the diagnostics say where.
    case malformed([MarkupDiagnostic])
    /// Entity expansion would exceed the budget ("billion laughs" and similar).
    case entityExpansion(String)
    /// Nothing to parse.
    case empty

    public var description: String {
        switch self {
        case .malformed(let d): return "malformed XML: " + (d.first.map(\.description) ?? "unknown error")
        case .entityExpansion(let why): return "entity expansion refused: \(why)"
        case .empty: return "empty document"
        }
    }
}

/// A parsed HTML or XML document as a small Swift tree.
public struct MarkupDocument: Sendable {
    /// The root element (`html` for HTML, the document element for XML).
    public var root: MarkupElement
    /// Warnings and recovered errors (XML only; HTML is parsed silently in recovery mode).
    public var diagnostics: [MarkupDiagnostic]

    public init(root: MarkupElement, diagnostics: [MarkupDiagnostic] = []) {
        self.root = root
        self.diagnostics = diagnostics
    }

    /// Parses HTML the way browsers do: broken markup is recovered, nothing is fetched. HTML_PARSE_HUGE lifts
    /// libxml2's nesting limit of 256, which unclosed tags on real pages exceed (HTML declares no entities, so
    /// there is no expansion to guard); the tree conversion flattens anything deeper than 400 levels.
    /// `encoding` overrides detection; nil lets libxml2 read a BOM or `<meta charset>` and otherwise
    /// assumes UTF-8 (the web's default today, where libxml2's own default is Latin-1).
    public static func html(_ bytes: [UInt8], encoding: String? = nil) -> MarkupDocument {
        XMLLibrary.initialize()
        let empty = MarkupDocument(root: MarkupElement(name: "html"))
        let doc = parseHTML(bytes, encoding: encoding)
        guard let doc else { return empty }
        defer { xmlFreeDoc(doc) }
        var converter = TreeConverter(doc: doc, budget: Int.max)
        guard let rootNode = xmlDocGetRootElement(doc), let root = try? converter.element(rootNode, depth: 0) else {
            return empty
        }
        return MarkupDocument(root: root)
    }

    /// Parses XML strictly: no recovery, no network, no DTD loading, no external entities. Internal
    /// entities are expanded by this module within a budget (`maxExpansion` bytes, default the larger of
    /// 1 MB and 4× the input), so entity bombs are refused quickly instead of filling memory.
    public static func xml(_ bytes: [UInt8], maxExpansion: Int? = nil) throws(MarkupError) -> MarkupDocument {
        XMLLibrary.initialize()
        guard !bytes.isEmpty else { throw .empty }
        guard let ctxt = xmlNewParserCtxt() else { throw .malformed([]) }
        defer { xmlFreeParserCtxt(ctxt) }
        let collector = DiagnosticCollector()
        let unmanaged = Unmanaged.passRetained(collector)
        defer { unmanaged.release() }
        ctxt.pointee._private = unmanaged.toOpaque()
        // Errors come to us instead of stderr. libxml2 passes `ctxt->userData`, which is the context itself.
        ctxt.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let ctxt = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let box = ctxt.pointee._private else { return }
            let collector = Unmanaged<DiagnosticCollector>.fromOpaque(box).takeUnretainedValue()
            collector.add(error.pointee)
        }
        // Deliberately absent: XML_PARSE_NOENT (substitute entities), XML_PARSE_DTDLOAD, XML_PARSE_RECOVER,
        // XML_PARSE_HUGE (lifts libxml2's own amplification limits).
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
                xmlCtxtReadMemory(ctxt, p, Int32(clamping: buf.count), nil, nil, options)
            }
        }
        let diagnostics = collector.diagnostics
        if diagnostics.contains(where: { $0.code == Int(XML_ERR_ENTITY_LOOP.rawValue) }) {
            if let doc { xmlFreeDoc(doc) }
            throw .entityExpansion("entity reference loop or amplification")
        }
        guard let doc, ctxt.pointee.wellFormed != 0 else {
            if let doc { xmlFreeDoc(doc) }
            throw .malformed(diagnostics)
        }
        defer { xmlFreeDoc(doc) }
        guard let rootNode = xmlDocGetRootElement(doc) else { throw .malformed(diagnostics) }
        var converter = TreeConverter(doc: doc, budget: maxExpansion ?? max(1 << 20, bytes.count * 4))
        let root = try converter.element(rootNode, depth: 0)
        return MarkupDocument(root: root, diagnostics: diagnostics)
    }

    /// True when the first kilobyte declares a character set (BOM, `<meta charset>`, `http-equiv`).
    static func declaresCharset(_ bytes: [UInt8]) -> Bool {
        if bytes.count >= 2, (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE) { return true }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return true }
        let head = bytes.prefix(2048).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        let needle = Array("charset".utf8)
        guard head.count >= needle.count else { return false }
        for i in 0...(head.count - needle.count) where head[i] == needle[0] {
            if Array(head[i..<(i + needle.count)]) == needle { return true }
        }
        return false
    }
}

/// Collects parser errors (capped) from libxml2's structured-error callback.
final class DiagnosticCollector {
    var diagnostics: [MarkupDiagnostic] = []

    func add(_ error: xmlError) {
        guard diagnostics.count < 100 else { return }
        var message = error.message.map { String(cString: $0) } ?? "error \(error.code)"
        while message.last == "\n" { message.removeLast() }
        diagnostics.append(MarkupDiagnostic(line: Int(error.line), message: message, code: Int(error.code)))
    }
}

/// Copies a libxml2 tree into `MarkupElement`s. Internal entities are expanded here, against a byte budget;
/// external ones are never loaded and contribute nothing.
struct TreeConverter {
    let doc: xmlDocPtr
    var budget: Int
    /// Deeper elements are flattened to their text: recursion stays bounded on hostile nesting.
    static let maxDepth = 400
    static let maxEntityDepth = 16

    init(doc: xmlDocPtr, budget: Int) {
        self.doc = doc
        self.budget = budget
    }

    mutating func element(_ node: xmlNodePtr, depth: Int) throws(MarkupError) -> MarkupElement {
        let n = node.pointee
        var element = MarkupElement(name: string(n.name) ?? "")
        if let ns = n.ns {
            element.prefix = string(ns.pointee.prefix)
            element.namespace = string(ns.pointee.href)
        }
        element.attributes = MarkupDocument.attributes(of: node)
        if depth >= TreeConverter.maxDepth {
            let flat = flatText(n.children)
            if !flat.isEmpty { element.children.append(.text(flat)) }
        } else {
            try appendChildren(n.children, to: &element.children, depth: depth, entityDepth: 0)
        }
        return element
    }

    mutating func appendChildren(_ first: xmlNodePtr?, to children: inout [MarkupNode], depth: Int,
                                 entityDepth: Int) throws(MarkupError) {
        var node = first
        while let current = node {
            let c = current.pointee
            switch c.type {
            case XML_ELEMENT_NODE:
                children.append(.element(try element(current, depth: depth + 1)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = c.content {
                    let text = String(cString: content)
                    if entityDepth > 0 {
                        budget -= text.utf8.count
                        if budget < 0 { throw .entityExpansion("expansion budget exceeded") }
                    }
                    if case .text(let previous)? = children.last {
                        children[children.count - 1] = .text(previous + text)
                    } else {
                        children.append(.text(text))
                    }
                }
            case XML_ENTITY_REF_NODE:
                try expandEntity(current, into: &children, depth: depth, entityDepth: entityDepth)
            default:
                break  // comments, processing instructions, DTD nodes
            }
            node = c.next
        }
    }

    /// Internal general entities only; their parsed content (kept by libxml2 as the entity's children) is
    /// copied in, counting against the budget. External entities are left out: never fetched.
    mutating func expandEntity(_ ref: xmlNodePtr, into children: inout [MarkupNode], depth: Int,
                               entityDepth: Int) throws(MarkupError) {
        guard entityDepth < TreeConverter.maxEntityDepth else { throw .entityExpansion("entities nested too deeply") }
        guard let name = ref.pointee.name, let entity = xmlGetDocEntity(doc, name) else { return }
        guard entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY else { return }
        budget -= 16  // every reference costs, so many empty ones cannot run forever
        if budget < 0 { throw .entityExpansion("expansion budget exceeded") }
        if let first = entity.pointee.children {
            try appendChildren(first, to: &children, depth: depth, entityDepth: entityDepth + 1)
        } else if let content = entity.pointee.content {
            let text = String(cString: content)
            guard !text.utf8.contains(UInt8(ascii: "<")), !text.utf8.contains(UInt8(ascii: "&")) else { return }
            budget -= text.utf8.count
            if budget < 0 { throw .entityExpansion("expansion budget exceeded") }
            children.append(.text(text))
        }
    }

    /// Text of a subtree without recursion (for pathologically deep documents).
    func flatText(_ first: xmlNodePtr?) -> String {
        var out = ""
        var node = first
        let stopAt = first?.pointee.parent
        while let current = node {
            let c = current.pointee
            if c.type == XML_TEXT_NODE || c.type == XML_CDATA_SECTION_NODE, let content = c.content {
                out += String(cString: content)
            }
            if c.type == XML_ELEMENT_NODE, let child = c.children {
                node = child
                continue
            }
            var up: xmlNodePtr? = current
            while let u = up, u.pointee.next == nil {
                up = u.pointee.parent
                if up == stopAt { return out }
            }
            node = up?.pointee.next
        }
        return out
    }
}

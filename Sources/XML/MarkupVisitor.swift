import CLibXML2

/// Receives a document as a stream of element starts, ends and text, in document order: the fast way to read
/// HTML when only a few things are wanted (text runs arrive as UTF-8 bytes, no tree is built in Swift).
public protocol MarkupVisitor {
    /// Return false to skip the element's content; `endElement` is then not called for it.
    mutating func startElement(_ name: String, attributes: [MarkupAttribute]) -> Bool
    mutating func endElement(_ name: String)
    /// A run of character data (UTF-8), valid only during the call.
    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>)
}

extension MarkupDocument {
    /// Parses HTML as `html(_:encoding:)` does and walks it with `visitor` (iteratively: any depth is fine).
    public static func visitHTML<V: MarkupVisitor>(_ bytes: [UInt8], encoding: String? = nil, visitor: inout V) {
        XMLLibrary.initialize()
        guard let doc = parseHTML(bytes, encoding: encoding) else { return }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return }
        var names = NameCache()
        var current: xmlNodePtr? = root
        while let node = current {
            let n = node.pointee
            if n.type == XML_ELEMENT_NODE {
                let name = names.name(n.name)
                if visitor.startElement(name, attributes: attributes(of: node)) {
                    if let child = n.children {
                        current = child
                        continue
                    }
                    visitor.endElement(name)
                }
            } else if n.type == XML_TEXT_NODE || n.type == XML_CDATA_SECTION_NODE, let content = n.content {
                visitor.text(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
            }
            // Next in document order, closing the elements we climb out of.
            var at = node
            while at.pointee.next == nil || at == root {
                guard at != root, let parent = at.pointee.parent else { return }
                visitor.endElement(names.name(parent.pointee.name))
                if parent == root { return }
                at = parent
            }
            current = at.pointee.next
        }
    }

    /// Parse options shared by the tree and the visitor: recover, silent, no network, no depth limit.
    static func parseHTML(_ bytes: [UInt8], encoding: String?) -> htmlDocPtr? {
        guard !bytes.isEmpty else { return nil }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)
        let chosen = encoding ?? (declaresCharset(bytes) ? nil : "UTF-8")
        return bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) { p in
                htmlReadMemory(p, Int32(clamping: buf.count), nil, chosen, options)
            }
        }
    }

    static func attributes(of node: xmlNodePtr) -> [MarkupAttribute] {
        var result = [MarkupAttribute]()
        var attr = node.pointee.properties
        while let a = attr {
            var value = ""
            var child = a.pointee.children
            while let c = child {
                if let content = c.pointee.content { value += String(cString: content) }
                child = c.pointee.next
            }
            result.append(MarkupAttribute(name: string(a.pointee.name) ?? "", value: value))
            attr = a.pointee.next
        }
        return result
    }
}

extension MarkupElement {
    /// Replays this element and its content into `visitor`, as `visitHTML` would.
    public func accept<V: MarkupVisitor>(_ visitor: inout V) {
        guard visitor.startElement(name, attributes: attributes) else { return }
        for child in children {
            switch child {
            case .element(let e): e.accept(&visitor)
            case .text(var t): t.withUTF8 { visitor.text($0) }
            }
        }
        visitor.endElement(name)
    }
}

/// Element names as Swift strings, converted once per distinct libxml2 name pointer (the parser interns
/// names in its dictionary, so a page has a few dozen).
struct NameCache {
    private var cache: [UnsafeRawPointer: String] = [:]

    mutating func name(_ chars: UnsafePointer<xmlChar>?) -> String {
        guard let chars else { return "" }
        let key = UnsafeRawPointer(chars)
        if let known = cache[key] { return known }
        let s = String(cString: chars)
        cache[key] = s
        return s
    }
}

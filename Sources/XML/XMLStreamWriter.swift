import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An error from libxml2 while writing or parsing.
public enum XMLError: Error, CustomStringConvertible, Sendable {
    /// The writer could not be created (path not writable, out of memory).
    case cannotOpen(String)
    /// A write call failed (disk full, I/O error); the output is incomplete.
    case writeFailed(String)

    public var description: String {
        switch self {
        case .cannotOpen(let what): return "cannot open XML output: \(what)"
        case .writeFailed(let what): return "XML write failed: \(what)"
        }
    }
}

/// A streaming XML writer over libxml2's `xmlTextWriter`: elements go out as they are written, so memory
/// stays flat however large the document.
///
/// Every text and attribute value passes through `XMLText.safe` (characters XML 1.0 forbids are dropped)
/// and is then escaped by libxml2 (`<`, `&`, `>`, quotes). Write calls do not throw: the first failure is
/// remembered and `finish()` reports it, which keeps call sites that emit millions of elements readable.
public final class XMLStreamWriter {
    private var writer: OpaquePointer?
    private var buffer: xmlBufferPtr?
    private var failure: String?

    /// Writes to a file (created or truncated). `indent` adds line breaks and two-space indentation.
    public init(path: String, indent: Bool = false) throws(XMLError) {
        XMLLibrary.initialize()
        // Open once ourselves first: a clear error instead of libxml2's message on stderr.
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .cannotOpen("\(path): \(String(cString: strerror(errno)))") }
        close(fd)
        guard let w = xmlNewTextWriterFilename(path, 0) else { throw .cannotOpen(path) }
        writer = w
        configure(indent: indent)
    }

    /// Writes to memory; read the result with `finishToString()`.
    public init(indent: Bool = false) throws(XMLError) {
        XMLLibrary.initialize()
        guard let buf = xmlBufferCreate() else { throw .cannotOpen("memory buffer") }
        guard let w = xmlNewTextWriterMemory(buf, 0) else {
            xmlBufferFree(buf)
            throw .cannotOpen("memory buffer")
        }
        buffer = buf
        writer = w
        configure(indent: indent)
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
        if let buffer { xmlBufferFree(buffer) }
    }

    private func configure(indent: Bool) {
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            _ = withXMLChars("  ") { xmlTextWriterSetIndentString(writer, $0) }
        }
    }

    @inline(__always)
    private func check(_ rc: Int32, _ what: @autoclosure () -> String) {
        if rc < 0, failure == nil { failure = what() }
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>`.
    public func startDocument() {
        check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start document")
    }

    public func startElement(_ name: String) {
        check(withXMLChars(name) { xmlTextWriterStartElement(writer, $0) }, "start <\(name)>")
    }

    /// Starts an element with a namespace declaration (`xmlns="…"`) on it.
    public func startElement(_ name: String, namespace: String) {
        check(withXMLChars(name) { n in
            withXMLChars(namespace) { ns in xmlTextWriterStartElementNS(writer, nil, n, ns) }
        }, "start <\(name)>")
    }

    /// An attribute of the element just started.
    public func attribute(_ name: String, _ value: String) {
        let value = XMLText.safe(value)
        check(withXMLChars(name) { n in
            withXMLChars(value) { v in xmlTextWriterWriteAttribute(writer, n, v) }
        }, "attribute \(name)")
    }

    /// Character data inside the current element.
    public func text(_ value: String) {
        let value = XMLText.safe(value)
        check(withXMLChars(value) { xmlTextWriterWriteString(writer, $0) }, "text")
    }

    /// A number as character data. Numbers we format ourselves contain no markup or forbidden characters, so
    /// they skip sanitizing and escaping (a measurable share of the time on million-element exports).
    public func number(_ value: Int) { raw(String(value)) }

    /// Non-finite values are written as `NaN`, `INF`, `-INF` (the xs:double spellings).
    public func number(_ value: Double) {
        raw(value.isFinite ? value.description : value.isNaN ? "NaN" : value > 0 ? "INF" : "-INF")
    }

    private func raw(_ ascii: String) {
        check(withXMLChars(ascii) { xmlTextWriterWriteRaw(writer, $0) }, "number")
    }

    public func endElement() {
        check(xmlTextWriterEndElement(writer), "end element")
    }

    /// `<name>text</name>`.
    public func element(_ name: String, text value: String) {
        let value = XMLText.safe(value)
        check(withXMLChars(name) { n in
            withXMLChars(value) { v in xmlTextWriterWriteElement(writer, n, v) }
        }, "element <\(name)>")
    }

    /// `<name attribute="value">text</name>`: the shape of a GraphML `<data>` element.
    public func element(_ name: String, attribute: String, _ attributeValue: String, text value: String) {
        startElement(name)
        self.attribute(attribute, attributeValue)
        text(value)
        endElement()
    }

    /// `<name attribute="value">number</name>`.
    public func element(_ name: String, attribute: String, _ attributeValue: String, number value: Int) {
        startElement(name)
        self.attribute(attribute, attributeValue)
        number(value)
        endElement()
    }

    public func element(_ name: String, attribute: String, _ attributeValue: String, number value: Double) {
        startElement(name)
        self.attribute(attribute, attributeValue)
        number(value)
        endElement()
    }

    /// `<!-- comment -->`; `--` is not allowed inside a comment and becomes `- -`.
    public func comment(_ value: String) {
        var bytes = [UInt8]()
        for b in XMLText.safe(value).utf8 {
            if b == UInt8(ascii: "-"), bytes.last == UInt8(ascii: "-") { bytes.append(UInt8(ascii: " ")) }
            bytes.append(b)
        }
        if bytes.last == UInt8(ascii: "-") { bytes.append(UInt8(ascii: " ")) }
        let value = String(decoding: bytes, as: UTF8.self)
        check(withXMLChars(value) { xmlTextWriterWriteComment(writer, $0) }, "comment")
    }

    /// Closes every open element, flushes, and reports the first failure. The writer is unusable afterwards.
    public func finish() throws(XMLError) {
        guard let w = writer else { return }
        check(xmlTextWriterEndDocument(w), "end document")
        check(xmlTextWriterFlush(w), "flush")
        xmlFreeTextWriter(w)  // closes the file
        writer = nil
        if let failure { throw .writeFailed(failure) }
    }

    /// Finishes a memory writer and returns the document.
    public func finishToString() throws(XMLError) -> String {
        try finish()
        guard let buffer, let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }
}

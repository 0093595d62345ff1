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
///
/// The shapes an export repeats hundreds of thousands of times, `<data key="k">text</data>`,
/// `<attvalue for="i" value="v"/>` and the tags of a node or edge (`element(_:attributes:_:)`), have a fast
/// path: when every name is a plain XML name, the markup goes to the writer raw, byte for byte what the
/// element calls would have written. A value with a character to escape is escaped by the same libxml2
/// routines the writer calls (`MarkupEscaper`); a value with a character XML forbids takes the element calls.
/// Such markup collects in a 64 kB buffer handed to `xmlTextWriterWriteRawLen` when full and before any other
/// libxml2 call, so the order of the output is kept. Start, end and escaping stay libxml2's; this spares its
/// per-element bookkeeping (a stack entry, a copied name, an escaped copy), which was most of the time of a
/// Reuters GraphML.
public final class XMLStreamWriter {
    private var writer: OpaquePointer?
    private var buffer: xmlBufferPtr?
    private var failure: String?
    /// Whether the fast path may be taken. Raw writes would bypass libxml2's indentation, so an indenting
    /// writer never takes it; tests turn it off to compare the two paths.
    var writesRawElements: Bool
    /// Fast-path markup not yet handed to libxml2.
    private var pending = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
    private var pendingCapacity = 1 << 16
    private var pendingCount = 0
    /// Escapes values for the fast path. Attribute escaping depends on the document's declared encoding
    /// (libxml2 writes non-ASCII raw only once it is UTF-8), so it exists from `startDocument()` on.
    private var escaper: MarkupEscaper?

    /// Writes to a file (created or truncated). `indent` adds line breaks and two-space indentation.
    public init(path: String, indent: Bool = false) throws(XMLError) {
        XMLLibrary.initialize()
        // Open once ourselves first: a clear error instead of libxml2's message on stderr.
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw .cannotOpen("\(path): \(String(cString: strerror(errno)))") }
        close(fd)
        guard let w = xmlNewTextWriterFilename(path, 0) else { throw .cannotOpen(path) }
        writer = w
        writesRawElements = !indent
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
        writesRawElements = !indent
        configure(indent: indent)
    }

    deinit {
        pending.deallocate()
        if let writer { xmlFreeTextWriter(writer) }
        if let buffer { xmlBufferFree(buffer) }
    }

    private func configure(indent: Bool) {
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            _ = withXMLChars("  ") { xmlTextWriterSetIndentString(writer, $0) }
        }
    }

    /// Makes a libxml2 call (after the pending fast-path markup, which must come first) and remembers the
    /// first failure.
    @inline(__always)
    private func check(_ call: @autoclosure () -> Int32, _ what: @autoclosure () -> String) {
        flushPending()
        if call() < 0, failure == nil { failure = what() }
    }

    private func flushPending() {
        guard pendingCount > 0 else { return }
        let count = pendingCount
        pendingCount = 0
        if xmlTextWriterWriteRawLen(writer, pending, Int32(count)) < 0, failure == nil { failure = "elements" }
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>`.
    public func startDocument() {
        check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil), "start document")
        escaper = MarkupEscaper()
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
        if writeRaw(name, attribute, attributeValue, text: value) { return }
        startElement(name)
        self.attribute(attribute, attributeValue)
        text(value)
        endElement()
    }

    /// `<name attribute="value">number</name>`.
    public func element(_ name: String, attribute: String, _ attributeValue: String, number value: Int) {
        if writeRaw(name, attribute, attributeValue, text: String(value)) { return }
        startElement(name)
        self.attribute(attribute, attributeValue)
        number(value)
        endElement()
    }

    public func element(_ name: String, attribute: String, _ attributeValue: String, number value: Double) {
        if value.isFinite, writeRaw(name, attribute, attributeValue, text: value.description) { return }
        startElement(name)
        self.attribute(attribute, attributeValue)
        number(value)
        endElement()
    }

    /// `<name first="value" second="value"/>`: the shape of a GEXF `<attvalue>`.
    public func emptyElement(_ name: String, _ first: (name: String, value: String), _ second: (name: String, value: String)) {
        if writeRaw(name, first, second) { return }
        startElement(name)
        attribute(first.name, first.value)
        attribute(second.name, second.value)
        endElement()
    }

    // MARK: Elements of a fixed shape

    /// `<data key="k">text</data>` for a `FixedElement.text` shape: its markup was put together once, so only
    /// the value is checked (and escaped, if it must be) here.
    public func element(_ shape: FixedElement, text value: String) {
        if writeFixed(shape, value, asText: true) { return }
        element(shape.name, attribute: shape.attribute.name, shape.attribute.value, text: value)
    }

    /// `<data key="k">number</data>`, the digits written straight into the markup.
    public func element(_ shape: FixedElement, number value: Int) {
        if shape.valueAttribute == nil, writeFixed(shape, decimal: value) { return }
        element(shape.name, attribute: shape.attribute.name, shape.attribute.value, number: value)
    }

    public func element(_ shape: FixedElement, number value: Double) {
        if value.isFinite, shape.valueAttribute == nil, writeFixed(shape, value.description, asText: true) { return }
        element(shape.name, attribute: shape.attribute.name, shape.attribute.value, number: value)
    }

    /// `<attvalue for="3" value="…"/>` for a `FixedElement.empty` shape.
    public func emptyElement(_ shape: FixedElement, value: String) {
        if writeFixed(shape, value, asText: false) { return }
        emptyElement(shape.name, (shape.attribute.name, shape.attribute.value),
                     (shape.valueAttribute ?? "value", value))
    }

    /// `<attvalue for="3" value="number"/>`, the digits written straight into the markup.
    public func emptyElement(_ shape: FixedElement, number value: Int) {
        if shape.valueAttribute != nil, writeFixed(shape, decimal: value) { return }
        emptyElement(shape, value: String(value))
    }

    /// The fast path of the fixed shapes for an integer: its digits between the shape's markup; false (nothing
    /// written) when it does not apply.
    private func writeFixed(_ shape: FixedElement, decimal value: Int) -> Bool {
        guard writesRawElements, let open = shape.open else { return false }
        var out = Markup.Output(reserve(open.count + 20 + shape.close.count), escaper: nil)
        out.append(open)
        out.appendDecimal(value)
        out.append(shape.close)
        commitPending(out.count)
        return true
    }

    /// The fast path of the fixed shapes; false (nothing written) when it does not apply.
    private func writeFixed(_ shape: FixedElement, _ value: String, asText: Bool) -> Bool {
        guard writesRawElements, let open = shape.open else { return false }
        var out = Markup.Output(reserve(open.count + Markup.room(value) + shape.close.count), escaper: escaper)
        out.append(open)
        guard asText ? out.text(value) : out.attributeValue(value) else { return false }
        out.append(shape.close)
        commitPending(out.count)
        return true
    }

    /// `<name a="v" …>`, what `body` writes, `</name>`: a GraphML `<node>` or `<edge>` with its data. With the
    /// fast path the tags go out as raw writes (an element whose body writes nothing is then `<name …></name>`,
    /// which XML treats as `<name …/>`); otherwise they are libxml2's element and attribute calls.
    public func element(_ name: String, attributes: [(name: String, value: String)], _ body: () throws -> Void) rethrows {
        guard writeRawStartTag(name, attributes) else {
            startElement(name)
            for a in attributes { attribute(a.name, a.value) }
            try body()
            endElement()
            return
        }
        try body()
        var element = name
        element.withUTF8 { n in
            var out = Markup.Output(reserve(n.count + 3), escaper: nil)
            out.endTag(n)
            commitPending(out.count)
        }
    }

    /// The start tag of `element(_:attributes:_:)` as raw markup; false (nothing written) when it does not apply.
    private func writeRawStartTag(_ name: String, _ attributes: [(name: String, value: String)]) -> Bool {
        guard writesRawElements else { return false }
        var length = name.utf8.count + 2  // `<name>`
        for a in attributes { length += a.name.utf8.count + Markup.room(a.value) + 4 }  // ` a="v"`
        var out = Markup.Output(reserve(length), escaper: escaper)
        out.append(UInt8(ascii: "<"))
        guard out.name(name) else { return false }
        for a in attributes {
            guard out.attribute(a.name, a.value) else { return false }
        }
        out.append(UInt8(ascii: ">"))
        commitPending(out.count)
        return true
    }

    /// The fast path of `element(_:attribute:_:text:)`; false (nothing written) when it does not apply.
    private func writeRaw(_ name: String, _ attribute: String, _ attributeValue: String, text: String) -> Bool {
        guard writesRawElements else { return false }
        let nameLength = name.utf8.count
        var out = Markup.Output(reserve(2 * nameLength + attribute.utf8.count + Markup.room(attributeValue)
                                        + Markup.room(text) + 9), escaper: escaper)
        out.append(UInt8(ascii: "<"))
        guard out.name(name), out.attribute(attribute, attributeValue) else { return false }
        out.append(UInt8(ascii: ">"))
        guard out.text(text) else { return false }
        out.endTag(UnsafeBufferPointer(start: out.start + 1, count: nameLength))  // the name as written after `<`
        commitPending(out.count)
        return true
    }

    /// The fast path of `emptyElement`; false (nothing written) when it does not apply.
    private func writeRaw(_ name: String, _ first: (name: String, value: String),
                          _ second: (name: String, value: String)) -> Bool {
        guard writesRawElements else { return false }
        var out = Markup.Output(reserve(name.utf8.count + first.name.utf8.count + Markup.room(first.value)
                                        + second.name.utf8.count + Markup.room(second.value) + 11), escaper: escaper)
        out.append(UInt8(ascii: "<"))
        guard out.name(name), out.attribute(first.name, first.value), out.attribute(second.name, second.value)
        else { return false }
        out.append(UInt8(ascii: "/"))
        out.append(UInt8(ascii: ">"))
        commitPending(out.count)
        return true
    }

    /// Room for `count` more bytes of pending markup (flushed or grown as needed), where the next element goes.
    private func reserve(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if pendingCount + count > pendingCapacity {
            flushPending()
            if count > pendingCapacity {
                pending.deallocate()
                pendingCapacity = max(count, pendingCapacity * 2)
                pending = .allocate(capacity: pendingCapacity)
            }
        }
        return pending + pendingCount
    }

    /// Adds the `count` bytes just put together at `reserve`'s pointer to the pending markup.
    private func commitPending(_ count: Int) {
        pendingCount += count
        rawMarkupWrites += 1
    }

    /// How many pieces of markup took the fast path (for tests).
    private(set) var rawMarkupWrites = 0

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

/// Element markup for `XMLStreamWriter`'s fast path: what libxml2's writer would write, for inputs that need
/// none of its escaping. Each check says no whenever libxml2 would have written something else.
enum Markup {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// A name made of ASCII letters, digits and `_ - . :`, starting with a letter or `_` (a subset of XML names).
    @inline(__always)
    static func isPlainName(_ name: Bytes) -> Bool {
        guard let first = name.first, isLetter(first) else { return false }
        for b in name where !isNameByte(b) { return false }
        return true
    }

    /// A letter, digit, `_ - . :`: one test against a 128-bit set (names are checked on every element).
    @inline(__always)
    private static func isNameByte(_ b: UInt8) -> Bool {
        b < 64 ? (nameBytesLow >> UInt64(b)) & 1 != 0 : b < 128 && (nameBytesHigh >> UInt64(b - 64)) & 1 != 0
    }

    /// Bytes 0–63 allowed in a plain name (`0`–`9`, `-`, `.`, `:`) and bytes 64–127 (`A`–`Z`, `_`,
    /// `a`–`z`), as bit sets; literals, so that reading them costs no lazy-initialisation check.
    private static let nameBytesLow: UInt64 = 0x07FF_6000_0000_0000
    private static let nameBytesHigh: UInt64 = 0x07FF_FFFE_87FF_FFFE

    @inline(__always)
    private static func isLetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") || b == UInt8(ascii: "_")
    }

    /// Bytes reserved for a value: its escaped form is at most six times as long (`"` becomes `&quot;`).
    @inline(__always)
    static func room(_ value: String) -> Int { 6 * value.utf8.count }

    /// Whether a value holds no byte that libxml2 escapes in text or in attributes (`< > & "`, tab and line
    /// breaks), no other control character and no 0xEF (the lead byte of the forbidden U+FFFE and U+FFFF).
    /// Such a value is written as it is. Eight bytes at a time: these checks ran over every byte of ~160 MB of
    /// evidence sentences per Reuters build.
    @inline(__always)
    static func isPlain(_ bytes: Bytes) -> Bool {
        ByteWords.firstIndex(in: bytes, word: wordMayNeedEscape, byte: mayNeedEscape) == bytes.count
    }

    @inline(__always)
    static func mayNeedEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "&") || b == UInt8(ascii: "<")
            || b == UInt8(ascii: ">") || b == 0xEF
    }

    /// Whether any of eight bytes `mayNeedEscape`.
    @inline(__always)
    static func wordMayNeedEscape(_ w: UInt64) -> Bool {
        ByteWords.containsByte(below: 0x20, in: w) || ByteWords.contains(0x22, in: w)
            || ByteWords.contains(0x26, in: w) || ByteWords.contains(0x3C, in: w) || ByteWords.contains(0x3E, in: w)
            || ByteWords.contains(0xEF, in: w)
    }

    /// An attribute value libxml2 writes unchanged before the document declares its encoding: printable ASCII
    /// without `< > & "` (until then its attribute escaping also writes every non-ASCII character as a
    /// reference).
    @inline(__always)
    static func isRawAttributeValue(_ bytes: Bytes) -> Bool {
        for b in bytes {
            guard b >= 0x20, b < 0x7F else { return false }
            switch b {
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""): return false
            default: continue
            }
        }
        return true
    }

    /// Writes into memory the caller reserved.
    struct Output {
        private let base: UnsafeMutablePointer<UInt8>
        private(set) var count = 0
        /// libxml2's escaping for values that need it; nil before the document starts (see `XMLStreamWriter.escaper`).
        private let escaper: MarkupEscaper?

        init(_ base: UnsafeMutablePointer<UInt8>, escaper: MarkupEscaper?) {
            self.base = base
            self.escaper = escaper
        }

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            base[count] = byte
            count += 1
        }

        @inline(__always)
        mutating func append(_ bytes: Bytes) {
            if let source = bytes.baseAddress { (base + count).update(from: source, count: bytes.count) }
            count += bytes.count
        }

        /// Where this markup starts.
        var start: UnsafeMutablePointer<UInt8> { base }

        /// Each of these appends a string's bytes when they may go raw, and says whether they could. The
        /// strings are read one after another, not nested in each other's `withUTF8`.
        @inline(__always)
        mutating func name(_ string: String) -> Bool { append(string, if: Markup.isPlainName) }

        /// Character data, escaped as `xmlTextWriterWriteString` escapes it.
        @inline(__always)
        mutating func text(_ string: String) -> Bool {
            if append(string, if: Markup.isPlain) { return true }
            return escaped(string) { $0.text($1, into: &$2) }
        }

        /// ` name="value"`, the value escaped as `xmlTextWriterWriteAttribute` escapes it.
        @inline(__always)
        mutating func attribute(_ name: String, _ value: String) -> Bool {
            append(UInt8(ascii: " "))
            guard self.name(name) else { return false }
            append(UInt8(ascii: "=")); append(UInt8(ascii: "\""))
            guard attributeValue(value) else { return false }
            append(UInt8(ascii: "\""))
            return true
        }

        /// An attribute's value without its quotes, escaped as `xmlTextWriterWriteAttribute` escapes it.
        @inline(__always)
        mutating func attributeValue(_ value: String) -> Bool {
            escaper == nil ? append(value, if: Markup.isRawAttributeValue)
                : append(value, if: Markup.isPlain) || escaped(value, { $0.attribute($1, into: &$2) })
        }

        @inline(__always)
        mutating func append(_ bytes: [UInt8]) {
            bytes.withUnsafeBufferPointer { append($0) }
        }

        /// An integer's digits (at most 20 bytes).
        @inline(__always)
        mutating func appendDecimal(_ value: Int) {
            count += DecimalText.write(value, to: base + count)
        }

        /// A value with characters to escape: libxml2 escapes it into this markup. False when there is no
        /// escaper yet or the value holds a character XML forbids (the element calls drop those).
        private mutating func escaped(_ value: String,
                                      _ escape: (MarkupEscaper, String, inout Output) -> Bool) -> Bool {
            guard let escaper else { return false }
            var value = value
            guard value.withUTF8({ XMLText.isClean($0) }) else { return false }
            return escape(escaper, value, &self)
        }

        @inline(__always)
        private mutating func append(_ string: String, if allowed: (Bytes) -> Bool) -> Bool {
            var string = string
            return string.withUTF8 { bytes in
                guard allowed(bytes) else { return false }
                append(bytes)
                return true
            }
        }

        /// `</name>`.
        @inline(__always)
        mutating func endTag(_ name: Bytes) {
            append(UInt8(ascii: "<")); append(UInt8(ascii: "/")); append(name); append(UInt8(ascii: ">"))
        }
    }
}

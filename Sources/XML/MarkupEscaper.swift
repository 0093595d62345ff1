import CLibXML2

/// libxml2's escaping of one value, called directly: the routines `xmlTextWriterWriteString` and
/// `xmlTextWriterWriteAttribute` call, with what they pass, so the fast path writes the same bytes.
final class MarkupEscaper {
    /// Attribute escaping reads the document's encoding: the writer's document is declared UTF-8 by
    /// `startDocument()`, and so is this one, so non-ASCII characters stay raw as they do there.
    private let document: xmlDocPtr
    private let buffer: xmlBufferPtr

    init?() {
        guard let document = xmlNewDoc(nil) else { return nil }
        guard let buffer = xmlBufferCreate() else {
            xmlFreeDoc(document)
            return nil
        }
        document.pointee.encoding = UnsafePointer(xmlStrdup("UTF-8"))
        self.document = document
        self.buffer = buffer
    }

    deinit {
        xmlBufferFree(buffer)
        xmlFreeDoc(document)  // frees the encoding string too
    }

    /// Appends `value` escaped for an attribute (`xmlAttrSerializeTxtContent`); false, with nothing appended,
    /// when libxml2 fails (out of memory). `value` holds no NUL byte.
    func attribute(_ value: String, into out: inout Markup.Output) -> Bool {
        xmlBufferEmpty(buffer)
        withXMLChars(value) { xmlAttrSerializeTxtContent(buffer, document, nil, $0) }
        guard let content = xmlBufferContent(buffer) else { return false }
        out.append(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
        return true
    }

    /// Appends `value` escaped as character data (`xmlEncodeSpecialChars`); false, with nothing appended,
    /// when libxml2 fails. `value` holds no NUL byte.
    func text(_ value: String, into out: inout Markup.Output) -> Bool {
        guard let escaped = withXMLChars(value, { xmlEncodeSpecialChars(nil, $0) }) else { return false }
        defer { newsgraphXMLFree(escaped) }
        var length = 0
        while escaped[length] != 0 { length += 1 }
        out.append(UnsafeBufferPointer(start: escaped, count: length))
        return true
    }
}

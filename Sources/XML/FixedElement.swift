/// The markup of an element that an export writes hundreds of thousands of times with only one value changing:
/// `<data key="v_label">value</data>` (`text`) or `<attvalue for="3" value="value"/>` (`empty`). The fixed part
/// is put together and checked once, here; a write then checks and copies only the value. A class, so that
/// handing one to the writer retains one reference rather than copying its strings and arrays.
public final class FixedElement: Sendable {
    let name: String
    /// The fixed attribute.
    let attribute: (name: String, value: String)
    /// The attribute that holds the value, or nil when the value is the element's text.
    let valueAttribute: String?
    /// Everything before the value, or nil when the fixed part needs libxml2's element calls (a name that is
    /// not plain, an attribute value that needs escaping).
    let open: [UInt8]?
    /// Everything after the value.
    let close: [UInt8]

    /// `<name attribute="value">text</name>`.
    public static func text(_ name: String, attribute: String, _ value: String) -> FixedElement {
        FixedElement(name: name, attribute: (attribute, value), valueAttribute: nil)
    }

    /// `<name attribute="value" valueAttribute="…"/>`.
    public static func empty(_ name: String, _ attribute: (name: String, value: String),
                             valueAttribute: String) -> FixedElement {
        FixedElement(name: name, attribute: attribute, valueAttribute: valueAttribute)
    }

    private init(name: String, attribute: (name: String, value: String), valueAttribute: String?) {
        self.name = name
        self.attribute = attribute
        self.valueAttribute = valueAttribute
        func plain(_ s: String, _ check: (Markup.Bytes) -> Bool) -> Bool {
            Array(s.utf8).withUnsafeBufferPointer(check)
        }
        let fixedPartsArePlain = plain(name, Markup.isPlainName) && plain(attribute.name, Markup.isPlainName)
            && plain(attribute.value, Markup.isRawAttributeValue)
            && valueAttribute.map { plain($0, Markup.isPlainName) } != false
        let head = "<\(name) \(attribute.name)=\"\(attribute.value)\""
        if let valueAttribute {
            open = fixedPartsArePlain ? Array("\(head) \(valueAttribute)=\"".utf8) : nil
            close = Array("\"/>".utf8)
        } else {
            open = fixedPartsArePlain ? Array("\(head)>".utf8) : nil
            close = Array("</\(name)>".utf8)
        }
    }
}

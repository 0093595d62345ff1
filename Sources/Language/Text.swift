/// A document's text as UTF-8 bytes: the form every hot loop of the pipeline walks.
///
/// Spans inside the pipeline are UTF-8 byte offsets (`Range<Int>`); they become Unicode code-point
/// offsets (the JSON contract's unit) only at the output, through `CodePointMap`.
public struct Text: Sendable {
    public let bytes: [UInt8]

    public init(_ string: String) {
        var s = string
        bytes = s.withUTF8 { Array($0) }
    }

    public init(bytes: [UInt8]) { self.bytes = bytes }

    public var count: Int { bytes.count }

    /// The text of a byte range. Ranges produced by the tokenizer always fall on character boundaries.
    @inlinable
    public subscript(range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The text of a byte range, lowercased in ASCII only (the key form lexicons are stored in).
    public func lowercasedKey(_ range: Range<Int>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(range.count)
        for i in range {
            let b = bytes[i]
            out.append(b >= 65 && b <= 90 ? b + 32 : b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Converts UTF-8 byte offsets to Unicode code-point offsets (Python string indices).
public struct CodePointMap: Sendable {
    /// nil when the text is pure ASCII and offsets are equal.
    private let prefix: [Int32]?

    public init(_ text: Text) {
        var ascii = true
        for b in text.bytes where b >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            prefix = nil
            return
        }
        var table = [Int32](repeating: 0, count: text.bytes.count + 1)
        var count: Int32 = 0
        for (i, b) in text.bytes.enumerated() {
            table[i] = count
            if b & 0xC0 != 0x80 { count += 1 }
        }
        table[text.bytes.count] = count
        prefix = table
    }

    @inlinable
    public func callAsFunction(_ byteOffset: Int) -> Int { codePoint(byteOffset) }

    public func codePoint(_ byteOffset: Int) -> Int {
        guard let prefix else { return byteOffset }
        return Int(prefix[byteOffset])
    }
}

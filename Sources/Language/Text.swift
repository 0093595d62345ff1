/// A document's text as UTF-8 bytes: the form every hot loop of the pipeline walks.
///
/// Spans inside the pipeline are UTF-8 byte offsets (`Range<Int>`); they become Unicode code-point
/// offsets (the JSON contract's unit) only at the output, through `CodePointMap`.
public struct Text: Sendable {
    public let bytes: [UInt8]

    public init(_ string: String) { bytes = string.withBorrowedUTF8 { Array($0) } }

    public init(bytes: [UInt8]) { self.bytes = bytes }

    public var count: Int { bytes.count }

    /// The text of a byte range. Ranges produced by the tokenizer always fall on character boundaries.
    @inlinable
    public subscript(range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The text of a byte range, lowercased in ASCII only (the key form lexicons are stored in).
    public func lowercasedKey(_ range: Range<Int>) -> String {
        // Written in place: a short key (most words) needs no allocation at all.
        String(unsafeUninitializedCapacity: range.count) { out in
            var n = 0
            for i in range {
                let b = bytes[i]
                out[n] = b >= 65 && b <= 90 ? b + 32 : b
                n += 1
            }
            return n
        }
    }

    /// Whether the text in `range`, ASCII-lowercased, is one of `words` (lowercase ASCII), compared byte by
    /// byte: no key is built for the many words that are none of them.
    public func lowercased(_ range: Range<Int>, isOneOf words: [[UInt8]]) -> Bool {
        for word in words where word.count == range.count {
            var i = range.lowerBound
            var matched = true
            for w in word {
                let b = bytes[i]
                if (b >= 65 && b <= 90 ? b + 32 : b) != w { matched = false; break }
                i += 1
            }
            if matched { return true }
        }
        return false
    }
}

/// Converts UTF-8 byte offsets to Unicode code-point offsets (Python string indices).
public struct CodePointMap: Sendable {
    /// nil when the text is pure ASCII and offsets are equal.
    private let prefix: [Int32]?

    public init(_ text: Text) {
        if Self.isASCII(text.bytes) {
            prefix = nil
            return
        }
        var table = [Int32](filledWith: 0, count: text.bytes.count + 1)
        var count: Int32 = 0
        for (i, b) in text.bytes.enumerated() {
            table[i] = count
            if b & 0xC0 != 0x80 { count += 1 }
        }
        table[text.bytes.count] = count
        prefix = table
    }

    /// Whether no byte has its high bit set, tested eight bytes at a time (most news text is ASCII, and every
    /// document's `extract` line asks).
    static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            var i = 0
            var high: UInt64 = 0
            while i + 8 <= raw.count {
                high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                i += 8
            }
            while i < raw.count {
                high |= UInt64(raw[i])
                i += 1
            }
            return high & 0x8080_8080_8080_8080 == 0
        }
    }

    @inlinable
    public func callAsFunction(_ byteOffset: Int) -> Int { codePoint(byteOffset) }

    public func codePoint(_ byteOffset: Int) -> Int {
        guard let prefix else { return byteOffset }
        return Int(prefix[byteOffset])
    }
}

extension String {
    /// Hands `body` the string's UTF-8 bytes. A native string lends them as they are; `withUTF8` needs a
    /// mutable copy (a retain and a release each call), which word-table probes paid hundreds of times a
    /// document.
    @inlinable
    public func withBorrowedUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}

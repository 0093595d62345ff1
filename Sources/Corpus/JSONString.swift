/// JSON string quoting (RFC 8259), the one routine behind every JSON NewsGraph writes (`extract` lines,
/// query answers, graph.json).
public enum JSONString {
    /// Hands `emit` the quoted, escaped form of `value`, in chunks: runs of bytes that need no escape go out
    /// as they are (valid UTF-8 needs none); quotes, backslashes and control characters (and DEL) as escapes.
    public static func write(_ value: String, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        var value = value
        value.withUTF8 { write($0, emit) }
    }

    /// `write` for a string's UTF-8 bytes.
    public static func write(_ utf8: UnsafeBufferPointer<UInt8>, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        quote.withUnsafeBufferPointer(emit)
        var start = 0
        for i in 0..<utf8.count {
            let b = utf8[i]
            guard needsEscape(b) else { continue }
            if start < i { emit(UnsafeBufferPointer(rebasing: utf8[start..<i])) }
            escapes[Int(b)].withUnsafeBufferPointer(emit)
            start = i + 1
        }
        if start < utf8.count { emit(UnsafeBufferPointer(rebasing: utf8[start...])) }
        quote.withUnsafeBufferPointer(emit)
    }

    /// Whether no byte needs an escape, so the string goes out between quotes as it is.
    @inline(__always)
    public static func needsNoEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in utf8 where needsEscape(b) { return false }
        return true
    }

    @inline(__always)
    static func needsEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0x7F
    }

    private static let quote: [UInt8] = [UInt8(ascii: "\"")]

    /// The escape of each byte below 0x80 that needs one (empty for the rest).
    private static let escapes: [[UInt8]] = (0..<128).map { b -> [UInt8] in
        switch b {
        case 0x22: return Array(#"\""#.utf8)
        case 0x5C: return Array(#"\\"#.utf8)
        case 0x0A: return Array(#"\n"#.utf8)
        case 0x0D: return Array(#"\r"#.utf8)
        case 0x09: return Array(#"\t"#.utf8)
        case 0..<0x20, 0x7F:
            let hex = Array("0123456789abcdef".utf8)
            return Array(#"\u00"#.utf8) + [hex[b >> 4], hex[b & 15]]
        default: return []
        }
    }
}

/// JSON string quoting (RFC 8259), the one routine behind every JSON NewsGraph writes (`extract` lines,
/// query answers, graph.json).
public enum JSONString {
    /// Hands `emit` the quoted, escaped form of `value`, in chunks: runs of bytes that need no escape go out
    /// as they are (valid UTF-8 needs none); quotes, backslashes and control characters (and DEL) as escapes.
    public static func write(_ value: String, _ emit: (UnsafeBufferPointer<UInt8>) -> Void) {
        quote.withUnsafeBufferPointer(emit)
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0x7F else { continue }
                if start < i { emit(UnsafeBufferPointer(rebasing: utf8[start..<i])) }
                escapes[Int(b)].withUnsafeBufferPointer(emit)
                start = i + 1
            }
            if start < utf8.count { emit(UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        quote.withUnsafeBufferPointer(emit)
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

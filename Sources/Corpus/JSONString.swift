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
        let quote = UnsafeBufferPointer(start: quoteByte.utf8Start, count: 1)
        emit(quote)
        if needsNoEscape(utf8) {
            emit(utf8)
            emit(quote)
            return
        }
        var start = 0
        var i = 0
        let raw = UnsafeRawPointer(utf8.baseAddress!)
        while i < utf8.count {
            // Runs without escapes are skipped eight bytes at a time.
            if i + 8 <= utf8.count, !wordNeedsEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) {
                i += 8
                continue
            }
            let b = utf8[i]
            if needsEscape(b) {
                if start < i { emit(UnsafeBufferPointer(rebasing: utf8[start..<i])) }
                escapes[Int(b)].withUnsafeBufferPointer(emit)
                start = i + 1
            }
            i += 1
        }
        if start < utf8.count { emit(UnsafeBufferPointer(rebasing: utf8[start...])) }
        emit(quote)
    }

    /// Whether no byte needs an escape, so the string goes out between quotes as it is.
    /// Eight bytes at a time: the byte-at-a-time loop was ~5 instructions a byte over every string written.
    @inline(__always)
    public static func needsNoEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= utf8.count {
            if wordNeedsEscape(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return false }
            i += 8
        }
        while i < utf8.count {
            if needsEscape(utf8[i]) { return false }
            i += 1
        }
        return true
    }

    /// Whether any of eight bytes is below 0x20, a quote, a backslash or DEL. The zero-byte tests
    /// ("Bit Twiddling Hacks": a byte below n exists iff (w - n·0x01…) & ~w & 0x80… is not zero, for n ≤ 128)
    /// are exact about whether such a byte exists, which is all that is asked.
    @inline(__always)
    static func wordNeedsEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let control = (w &- ones &* 0x20) & ~w & highs != 0
        return control || hasZero(w ^ (ones &* 0x22)) || hasZero(w ^ (ones &* 0x5C)) || hasZero(w ^ (ones &* 0x7F))
    }

    @inline(__always)
    static func needsEscape(_ b: UInt8) -> Bool {
        b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || b == 0x7F
    }

    private static let quoteByte: StaticString = "\""

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

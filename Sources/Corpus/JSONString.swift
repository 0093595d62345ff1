import XML

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
        var i = ByteWords.firstIndex(in: utf8, word: wordNeedsEscape, byte: needsEscape)
        while i < utf8.count {
            if start < i { emit(UnsafeBufferPointer(rebasing: utf8[start..<i])) }
            escapes[Int(utf8[i])].withUnsafeBufferPointer(emit)
            start = i + 1
            i = ByteWords.firstIndex(in: utf8, from: start, word: wordNeedsEscape, byte: needsEscape)
        }
        if start < utf8.count { emit(UnsafeBufferPointer(rebasing: utf8[start...])) }
        emit(quote)
    }

    /// Writes `"name":`, after a comma when `comma`, at `out`, which has room for `name.utf8CodeUnitCount + 4`
    /// bytes, and returns how many it wrote. Names are literals in the code, none needing an escape; they are
    /// copied in place (a few letters: `update(from:count:)` called memcpy for each). Both JSON sinks,
    /// `JSONOutput` and the exports' `ByteSink`, write their keys with it.
    @inlinable @inline(__always)
    public static func writeKey(_ name: StaticString, comma: Bool, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let length = name.utf8CodeUnitCount
        assert(!UnsafeBufferPointer(start: name.utf8Start, count: length).contains {
            $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\")
        }, "key needs escaping")
        var at = out
        if comma { at.pointee = UInt8(ascii: ","); at += 1 }
        at.pointee = UInt8(ascii: "\"")
        let source = UnsafeRawPointer(name.utf8Start)
        let target = UnsafeMutableRawPointer(at + 1)
        if length >= 8 {
            // Eight bytes at a time, the last word overlapping the one before: most keys are 4 to 16 letters.
            var k = 0
            while k + 8 < length {
                target.storeBytes(of: source.loadUnaligned(fromByteOffset: k, as: UInt64.self), toByteOffset: k,
                                  as: UInt64.self)
                k += 8
            }
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self),
                              toByteOffset: length - 8, as: UInt64.self)
        } else if length >= 4 {
            // Two four-byte words, the second overlapping the first: no loop for the usual short key.
            target.storeBytes(of: source.loadUnaligned(as: UInt32.self), as: UInt32.self)
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self),
                              toByteOffset: length - 4, as: UInt32.self)
        } else {
            for i in 0..<length { target.storeBytes(of: source.load(fromByteOffset: i, as: UInt8.self),
                                                    toByteOffset: i, as: UInt8.self) }
        }
        at += length + 1
        at[0] = UInt8(ascii: "\"")
        at[1] = UInt8(ascii: ":")
        return at + 2 - out
    }

    /// Writes `utf8` between quotes at `out`, which has room for `utf8.count + 2` bytes, and returns that count:
    /// the form of a string that `needsNoEscape`, most of those written.
    @inlinable @inline(__always)
    public static func writePlain(_ utf8: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = UInt8(ascii: "\"")
        if let source = utf8.baseAddress { (out + 1).update(from: source, count: utf8.count) }
        out[utf8.count + 1] = UInt8(ascii: "\"")
        return utf8.count + 2
    }

    /// Whether no byte needs an escape, so the string goes out between quotes as it is.
    /// Eight bytes at a time: the byte-at-a-time loop was ~5 instructions a byte over every string written.
    @inlinable @inline(__always)
    public static func needsNoEscape(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteWords.firstIndex(in: utf8, word: wordNeedsEscape, byte: needsEscape) == utf8.count
    }

    /// Whether any of eight bytes is below 0x20, a quote, a backslash or DEL.
    @inlinable @inline(__always)
    static func wordNeedsEscape(_ w: UInt64) -> Bool {
        ByteWords.containsByte(below: 0x20, in: w) || ByteWords.contains(0x22, in: w)
            || ByteWords.contains(0x5C, in: w) || ByteWords.contains(0x7F, in: w)
    }

    @inlinable @inline(__always)
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

/// Finding the first byte of a small set in UTF-8, eight bytes at a time. The JSON writers' escapes (Corpus) and
/// the XML fast path's checks (here) scan every string they write this way; the XML module is the lowest one
/// both reach.
public enum ByteWords {
    /// The index of the first byte of `bytes[start...]` for which `byte` holds, or `bytes.count`. `word` says
    /// whether it holds for any of eight bytes, exactly (the tests below are).
    @inlinable @inline(__always)
    public static func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0,
                                  word: (UInt64) -> Bool, byte: (UInt8) -> Bool) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        let raw = UnsafeRawPointer(base)
        var i = start
        while i + 8 <= bytes.count, !word(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
        while i < bytes.count, !byte(bytes[i]) { i += 1 }
        return i
    }

    /// Whether every byte is ASCII (below 0x80).
    @inlinable
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstIndex(in: bytes, word: { $0 & highs != 0 }, byte: { $0 >= 0x80 }) == bytes.count
    }

    // The zero-byte tests of "Bit Twiddling Hacks": exact about whether such a byte exists, which is all that
    // is asked (not where).

    /// Whether any of the eight bytes of `word` is `value`.
    @inlinable @inline(__always)
    public static func contains(_ value: UInt8, in word: UInt64) -> Bool {
        hasZeroByte(word ^ (ones &* UInt64(value)))
    }

    /// Whether any of the eight bytes of `word` is below `limit` (at most 128).
    @inlinable @inline(__always)
    public static func containsByte(below limit: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    @inlinable @inline(__always)
    static func hasZeroByte(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }

    @inlinable static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @inlinable static var highs: UInt64 { 0x8080_8080_8080_8080 }
}

/// A read-only table from words to values, probed with a token's bytes: no `String` is built or hashed.
/// Swift's seeded `String` hashing costs several hundred instructions a probe, and the taggers and the actor
/// recognizer probe once per token.
///
/// `Fold` says how keys and probes are read: `ExactBytes`, or `CaseAndApostrophe` (ASCII letters lowercased,
/// ’ (U+2019) as ', the actor lexicon's keys). It is a type, not a flag, so each table's probe loop is
/// compiled for its folding.
public struct WordMap<Value: Sendable, Fold: ByteFolding>: Sendable {
    // Inlinable, so that each table's probe is compiled, in the module that probes it, for its `Fold`.
    @usableFromInline var slots: [Int32]        // index into `values`, or -1
    @usableFromInline var keyBytes: [UInt8] = []
    @usableFromInline var keyStarts: [Int32] = [0]
    @usableFromInline var values: [Value] = []
    @usableFromInline let mask: Int

    public init(_ words: [String: Value]) {
        var capacity = 16
        while capacity < words.count * 2 { capacity <<= 1 }
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (word, value) in words {
            let key = Array(word.utf8).withUnsafeBufferPointer { bytes in
                var folded = [UInt8]()
                var i = 0
                while i < bytes.count { folded.append(Fold.next(bytes, &i, bytes.count)) }
                return folded
            }
            var slot = key.withUnsafeBufferPointer { slotOf($0, 0..<$0.count) }
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(values.count)
            keyBytes.append(contentsOf: key)
            keyStarts.append(Int32(keyBytes.count))
            values.append(value)
        }
    }

    /// The value for `bytes[range]` (folded as the table folds).
    @inlinable
    public func value(in bytes: [UInt8], _ range: Range<Int>) -> Value? {
        bytes.withUnsafeBufferPointer { value(in: $0, range) }
    }

    @inlinable
    public func value(for bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        value(in: bytes, 0..<bytes.count)
    }

    @inlinable
    public subscript(_ word: String) -> Value? {
        var word = word
        return word.withUTF8 { value(for: $0) }
    }

    @inlinable
    func value(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Value? {
        var slot = slotOf(bytes, range)
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if matches(entry, bytes, range) { return values[entry] }
            slot = (slot + 1) & mask
        }
    }

    /// FNV-1a over the folded bytes, mixed so that the low bits (the slot) depend on every byte.
    @inlinable @inline(__always)
    func slotOf(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = range.lowerBound
        while i < range.upperBound { h = (h ^ UInt64(Fold.next(bytes, &i, range.upperBound))) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
    }

    @inlinable @inline(__always)
    func matches(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var k = Int(keyStarts[entry])
        let end = Int(keyStarts[entry + 1])
        var i = range.lowerBound
        while i < range.upperBound {
            guard k < end, keyBytes[k] == Fold.next(bytes, &i, range.upperBound) else { return false }
            k += 1
        }
        return k == end
    }
}

/// How a `WordMap` reads bytes: the byte at `i`, moving `i` past what it read.
public protocol ByteFolding: Sendable {
    static func next(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int) -> UInt8
}

/// Bytes as they are.
public enum ExactBytes: ByteFolding {
    @inlinable @inline(__always)
    public static func next(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int) -> UInt8 {
        defer { i += 1 }
        return bytes[i]
    }
}

/// ASCII letters lowercased, ’ (U+2019) read as '.
public enum CaseAndApostrophe: ByteFolding {
    @inlinable @inline(__always)
    public static func next(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int) -> UInt8 {
        let b = bytes[i]
        if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 {
            i += 3
            return 0x27
        }
        i += 1
        return b >= 65 && b <= 90 ? b + 32 : b
    }
}

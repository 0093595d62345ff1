/// A read-only table from words to values, probed with a token's bytes: no `String` is built or hashed.
/// Swift's seeded `String` hashing costs several hundred instructions a probe, and the taggers and the actor
/// recognizer probe once per token.
///
/// `Fold` says how keys and probes are read: `ExactBytes`, or `CaseAndApostrophe` (ASCII letters lowercased,
/// ’ (U+2019) as ', the actor lexicon's keys). It is a type, not a flag, so each table's probe loop is
/// compiled for its folding.
public struct WordMap<Value: Sendable, Fold: ByteFolding>: Sendable {
    // Inlinable, so that each table's probe is compiled, in the module that probes it, for its `Fold`.
    /// Per slot: 0 when empty, else the key's 32-bit hash tag in the high half and its index into `values`
    /// plus one in the low half. The tag settles nearly every probe that lands on another word's slot
    /// without comparing bytes; most probes (a token that is not in the table) end at an empty slot.
    @usableFromInline var slots: [UInt64]
    @usableFromInline var keyBytes: [UInt8] = []
    @usableFromInline var keyStarts: [Int32] = [0]
    @usableFromInline var values: [Value] = []
    @usableFromInline let mask: Int

    @inlinable  // specialized where each table is built; unspecialized, every append went through metadata
    public init(_ words: [String: Value]) {
        // At most a quarter full: a miss then meets an empty slot within a probe or two.
        var capacity = 16
        while capacity < words.count * 4 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        keyStarts.reserveCapacity(words.count + 1)
        values.reserveCapacity(words.count)
        // Every table is built at start-up, before the first document: keys are folded straight into
        // `keyBytes` and hashed there, with no array per word.
        var slots = self.slots, keyBytes = [UInt8]()
        for (word, value) in words {
            let start = keyBytes.count
            word.withBorrowedUTF8 { bytes in
                var i = 0
                while i < bytes.count { keyBytes.append(Fold.next(bytes, &i, bytes.count)) }
            }
            // Folding is idempotent, so the folded key hashes as its unfolded probes do.
            let hash = keyBytes.withUnsafeBufferPointer { Self.hash($0, start..<$0.count) }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Self.tag(hash) | UInt64(values.count + 1)
            keyStarts.append(Int32(keyBytes.count))
            values.append(value)
        }
        self.slots = slots
        self.keyBytes = keyBytes
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
    public subscript(_ word: String) -> Value? { word.withBorrowedUTF8 { value(for: $0) } }

    /// The value for `bytes[range]`, folded as the table folds while it is read: a caller that holds a
    /// token's bytes probes without copying or folding them first.
    @inlinable
    public func value(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Value? {
        value(in: bytes, range, readAs: Fold.self)
    }

    /// The value for `bytes[range]` read with another folding than the table's: a table of words already in a
    /// caller's key form (`ExactBytes`) probed with a token's bytes, folded into that form as they are read.
    @inlinable
    public func value<Probe: ByteFolding>(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                          readAs probe: Probe.Type) -> Value? {
        let hash = Self.hash(bytes, range, probe)
        let tag = Self.tag(hash)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { return nil }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let index = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if matches(index, bytes, range, probe) { return values[index] }
            }
            slot = (slot + 1) & mask
        }
    }

    /// FNV-1a over the folded bytes, mixed so that the low bits (the slot) depend on every byte.
    @inlinable @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        hash(bytes, range, Fold.self)
    }

    @inlinable @inline(__always)
    static func hash<Probe: ByteFolding>(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                         _: Probe.Type) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = range.lowerBound
        while i < range.upperBound { h = (h ^ UInt64(Probe.next(bytes, &i, range.upperBound))) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }

    /// The high half of a slot: bits of the hash the slot number does not use.
    @inlinable @inline(__always)
    static func tag(_ hash: UInt64) -> UInt64 { (hash &* 0x9E37_79B9_7F4A_7C15) & 0xFFFF_FFFF_0000_0000 }

    @inlinable @inline(__always)
    func matches<Probe: ByteFolding>(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                     _: Probe.Type) -> Bool {
        var k = Int(keyStarts[entry])
        let end = Int(keyStarts[entry + 1])
        var i = range.lowerBound
        while i < range.upperBound {
            guard k < end, keyBytes[k] == Probe.next(bytes, &i, range.upperBound) else { return false }
            k += 1
        }
        return k == end
    }
}

/// How a `WordMap` reads bytes: the byte at `i`, moving `i` past what it read.
public protocol ByteFolding: Sendable {
    static func next(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int) -> UInt8
}

extension ByteFolding {
    /// Whether `bytes[range]`, read with this folding, is `word` (a literal already in folded form): a token
    /// compared with a word of the grammar without making a `String` of its key.
    @inlinable @inline(__always)
    public static func reads(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, as word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard range.count >= count else { return false }  // folding never lengthens a key
        let w = word.utf8Start
        var at = range.lowerBound, k = 0
        while at < range.upperBound {
            guard k < count, next(bytes, &at, range.upperBound) == w[k] else { return false }
            k += 1
        }
        return k == count
    }
}

/// Bytes as they are.
public enum ExactBytes: ByteFolding {
    @inlinable @inline(__always)
    public static func next(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int) -> UInt8 {
        defer { i += 1 }
        return bytes[i]
    }
}

/// ASCII letters lowercased; every other byte as it is.
public enum ASCIICase: ByteFolding {
    @inlinable @inline(__always)
    public static func next(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int) -> UInt8 {
        let b = bytes[i]
        i += 1
        return b &+ (b &- 65 < 26 ? 32 : 0)
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

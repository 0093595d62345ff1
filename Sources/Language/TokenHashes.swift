/// One 64-bit hash per token of a document, taken once and shared by the stages that look every token up in a
/// word table: the event extractor (triggers and clause words), the temporal tagger (its word classes) and
/// the actor recognizer (capitalised words). Each of them used to hash every token again for its own table.
///
/// The hash (`WordHash`) reads bytes with `| 0x20`, which lowercases ASCII letters. For a token that is all
/// ASCII, that agrees with the ASCII-lowercased keys tables use, as long as no key holds a byte that `| 0x20`
/// folds another onto (`WordHash.foldsLikeLowercasing`): a `WordHashTable` built from such keys answers for
/// ASCII tokens as a byte-compared table does. Other tokens are looked up the old way (`isASCII`).
public struct TokenHashes: Sendable {
    /// `WordHash.of` each token's bytes.
    public let values: [UInt64]
    /// Whether each token's bytes are all ASCII.
    public let isASCII: [Bool]

    public init(text: Text, tokens: [Token]) {
        let n = tokens.count
        // Written in place, one token at a time: appends checked capacity twice per token.
        var isASCII = [Bool](filledWith: false, count: n)
        var values = [UInt64](filledWith: 0, count: n)
        text.bytes.withUnsafeBufferPointer { bytes in
            tokens.withUnsafeBufferPointer { tokens in
                isASCII.withUnsafeMutableBufferPointer { ascii in
                    values.withUnsafeMutableBufferPointer { values in
                        for i in 0..<n {
                            let (hash, high) = WordHash.hashAndHighBits(bytes, tokens[i].range)
                            values[i] = hash
                            ascii[i] = high == 0
                        }
                    }
                }
            }
        }
        self.values = values
        self.isASCII = isASCII
    }
}

/// The hash of a word's bytes read with `| 0x20`, eight bytes at a time.
public enum WordHash {
    /// A hash of the ASCII-lowercased bytes, eight at a time (`| 0x20` lowercases letters and leaves digits,
    /// apostrophes, periods, hyphens and UTF-8 continuation bytes distinct from ASCII).
    @inlinable @inline(__always)
    public static func of(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        hashAndHighBits(bytes, range).hash
    }

    /// `of`, and the high bits of the bytes or'ed together (zero for an ASCII word).
    @inlinable @inline(__always)
    public static func hashAndHighBits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>)
        -> (hash: UInt64, high: UInt64) {
        hashAndHighBits(bytes, range, fold: 0x2020_2020_2020_2020)
    }

    /// The same hash of the bytes as they are, case kept (`TextKey`'s).
    @inlinable @inline(__always)
    public static func exact(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        hashAndHighBits(bytes, 0..<bytes.count, fold: 0).hash
    }

    /// The hash with each byte or'ed with `fold`'s (`0x20` in every byte lowercases ASCII letters; 0 keeps
    /// the bytes).
    @inlinable @inline(__always)
    static func hashAndHighBits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fold: UInt64)
        -> (hash: UInt64, high: UInt64) {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: range.count)
        guard let base = bytes.baseAddress, !range.isEmpty else { return (h, 0) }
        let raw = UnsafeRawPointer(base)
        var i = range.lowerBound
        let end = range.upperBound
        if range.count <= 8, i &+ 8 <= bytes.count {
            // Most words: one chunk, loaded whole (the loop below, unrolled for it).
            let mask = UInt64.max &>> UInt64(truncatingIfNeeded: (8 &- range.count) &* 8)
            let chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) & mask
            h = (h ^ (chunk | fold) & mask) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h &>> 32
            return (finish(h), chunk & 0x8080_8080_8080_8080)
        }
        var high: UInt64 = 0
        // Wrapping arithmetic and masking shifts: the checked forms cost a test and a branch each, on a hash
        // taken for every word.
        while i < end {
            let n = min(8, end &- i)
            var chunk: UInt64 = 0
            if i &+ 8 <= bytes.count {
                chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            } else {
                for k in 0..<n { chunk |= UInt64(base[i &+ k]) &<< UInt64(k &* 8) }
            }
            let mask: UInt64 = n == 8 ? ~0 : (1 &<< UInt64(n &* 8)) &- 1
            high |= chunk & mask
            chunk = (chunk | fold) & mask
            h = (h ^ chunk) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h &>> 32
            i &+= 8
        }
        return (finish(h), high & 0x8080_8080_8080_8080)
    }

    @inlinable @inline(__always)
    static func finish(_ h: UInt64) -> UInt64 {
        var h = h ^ (h &>> 29)
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h &>> 32
        return h == 0 ? 1 : h
    }

    /// Whether `| 0x20` reads `key` (an ASCII-lowercased table key) as ASCII lowercasing does, for every
    /// ASCII token: the key holds no byte that `| 0x20` folds another printable byte onto ("@" and "`",
    /// "[" and "{", "\" and "|", "]" and "}", "^" and "~", "_" and DEL) and no control byte. Tokens hold no
    /// control bytes (the tokenizer reads them as spaces).
    @inlinable
    public static func foldsLikeLowercasing(_ key: some Sequence<UInt8>) -> Bool {
        key.allSatisfy { b in
            b >= 0x20 && b != 0x40 && b != 0x60 && !(0x5B...0x5F).contains(b) && !(0x7B...0x7F).contains(b)
        }
    }
}

/// An open-addressing hash table from a 64-bit word hash (`WordHash`) to its entry: one probe per token in a
/// hot loop, no string built. With a few thousand keys a 64-bit collision is vanishingly unlikely (and for
/// words of up to eight bytes the hash is one-to-one), so the word itself is not stored.
public struct WordHashTable<Value: Sendable>: Sendable {
    @usableFromInline struct Slot: Sendable {
        @usableFromInline var key: UInt64
        @usableFromInline var value: Value?

        @inlinable init(key: UInt64, value: Value?) {
            self.key = key
            self.value = value
        }
    }

    /// 16-bit fingerprints of the keys, probed first: small enough to stay in L1 cache, so the common case,
    /// a word not in the table, never touches the slots.
    @usableFromInline var fingerprints: [UInt16]
    @usableFromInline var slots: [Slot]
    @usableFromInline let mask: Int

    @inlinable
    public init(_ entries: [UInt64: Value]) {
        self.init(capacity: entries.count)
        for (key, value) in entries { insert(key, value) }
    }

    /// An empty table with room for `capacity` keys.
    @inlinable  // here and below: specialized where each table is built, not run through generic metadata
    init(capacity: Int) {
        var size = 16
        while size < capacity * 3 { size <<= 1 }
        mask = size - 1
        fingerprints = [UInt16](repeating: 0, count: size)
        slots = [Slot](repeating: Slot(key: 0, value: nil), count: size)
    }

    /// Adds `key` unless the table has it; whether it was added. The table must have room (`capacity`).
    @inlinable @discardableResult
    mutating func insert(_ key: UInt64, _ value: Value) -> Bool {
        let f = Self.fingerprint(key)
        var slot = Int(truncatingIfNeeded: key) & mask
        while fingerprints[slot] != 0 {
            if fingerprints[slot] == f, slots[slot].key == key { return false }
            slot = (slot + 1) & mask
        }
        fingerprints[slot] = f
        slots[slot] = Slot(key: key, value: value)
        return true
    }

    @inlinable @inline(__always)
    static func fingerprint(_ key: UInt64) -> UInt16 {
        let f = UInt16(truncatingIfNeeded: key >> 48)
        return f == 0 ? 1 : f
    }

    @inlinable @inline(__always)
    public func lookup(_ key: UInt64) -> Value? {
        let f = Self.fingerprint(key)
        return fingerprints.withUnsafeBufferPointer { fingerprints in
            var slot = Int(truncatingIfNeeded: key) & mask
            while true {
                let g = fingerprints[slot]
                if g == 0 { return nil }
                if g == f, slots[slot].key == key { return slots[slot].value }
                slot = (slot + 1) & mask
            }
        }
    }
}

extension WordHashTable {
    /// The table that answers for ASCII tokens as a byte-compared table (`WordMap<Value, Fold>(words)`)
    /// does, probed with the tokens' `WordHash`: each word is folded as that table folds it and hashed. Nil
    /// when that cannot hold: a folding that keeps ASCII case, a folded word with a byte `| 0x20` reads
    /// differently (`foldsLikeLowercasing`), or two words folding to one key. Words not ASCII once folded are
    /// left out: no ASCII token reads as one.
    @inlinable
    public static func forASCIITokens<Fold: ByteFolding>(_ words: [String: Value], foldedAs fold: Fold.Type)
        -> WordHashTable? {
        // The hash reads ASCII capitals as small letters: only a folding that does the same agrees with it.
        let capitals: [UInt8] = Array("AZ".utf8)
        let foldsCase = capitals.withUnsafeBufferPointer { bytes in
            var i = 0
            return Fold.next(bytes, &i, 2) == UInt8(ascii: "a") && Fold.next(bytes, &i, 2) == UInt8(ascii: "z")
        }
        guard foldsCase else { return nil }
        var table = WordHashTable(capacity: words.count)
        var key = [UInt8]()  // each word folded, in one reused buffer
        for (word, value) in words {
            key.removeAll(keepingCapacity: true)
            word.withBorrowedUTF8 { bytes in
                var i = 0
                while i < bytes.count { key.append(Fold.next(bytes, &i, bytes.count)) }
            }
            guard key.allSatisfy({ $0 < 0x80 }) else { continue }
            guard WordHash.foldsLikeLowercasing(key) else { return nil }
            // Two words folding to one key hash alike, as would two keys whose hashes collide: either way the
            // table could not tell them apart.
            let hash = key.withUnsafeBufferPointer { WordHash.of($0, 0..<$0.count) }
            guard table.insert(hash, value) else { return nil }
        }
        return table
    }
}


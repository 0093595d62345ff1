/// A read-only hash table from single words to `WordInfo`, probed with a token's bytes directly:
/// looking a word up costs no `String` (the recognizer does this once for every capitalised word).
///
/// Keys are folded like `ActorLexicon.key`: ASCII letters lowercased, ’ (U+2019) read as '.
struct WordTable: Sendable {
    private var slots: [Int32]        // index into `entries`, or -1
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int32] = [0]
    private var values: [WordInfo] = []
    private let mask: Int

    init(_ words: [String: WordInfo]) {
        var capacity = 16
        while capacity < words.count * 2 { capacity <<= 1 }
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (key, value) in words {
            let bytes = Array(key.utf8)
            var slot = Int(truncatingIfNeeded: WordTable.hash(bytes, 0..<bytes.count)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(values.count)
            keyBytes.append(contentsOf: bytes)
            keyStarts.append(Int32(keyBytes.count))
            values.append(value)
        }
    }

    /// FNV-1a over folded bytes.
    static func hash(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        var i = range.lowerBound
        while i < range.upperBound {
            h = (h ^ UInt64(folded(bytes, &i, range.upperBound))) &* 0x100000001b3
        }
        return h ^ (h >> 29)
    }

    func lookup(_ bytes: [UInt8], _ range: Range<Int>) -> WordInfo? {
        var slot = Int(truncatingIfNeeded: WordTable.hash(bytes, range)) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if matches(entry, bytes, range) { return values[entry] }
            slot = (slot + 1) & mask
        }
    }

    private func matches(_ entry: Int, _ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var k = Int(keyStarts[entry])
        let end = Int(keyStarts[entry + 1])
        var i = range.lowerBound
        while i < range.upperBound {
            guard k < end, keyBytes[k] == WordTable.folded(bytes, &i, range.upperBound) else { return false }
            k += 1
        }
        return k == end
    }

    /// The folded byte at `i` (ASCII letters lowercased, ’ read as '), moving `i` past what it read.
    @inline(__always)
    private static func folded(_ bytes: [UInt8], _ i: inout Int, _ end: Int) -> UInt8 {
        let b = bytes[i]
        if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 {
            i += 3
            return 0x27
        }
        i += 1
        return b >= 65 && b <= 90 ? b + 32 : b
    }
}

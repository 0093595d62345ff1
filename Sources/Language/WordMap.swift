/// A read-only table from words (their UTF-8 bytes, compared exactly) to values, probed with the bytes
/// themselves: no `String` is built or hashed. Swift's seeded `String` hashing costs several hundred
/// instructions a probe, and a tagger probes once per token.
public struct WordMap<Value: Sendable>: Sendable {
    private var slots: [Int32]        // index into `values`, or -1
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int32] = [0]
    private var values: [Value] = []
    private let mask: Int

    public init(_ words: [String: Value]) {
        var capacity = 16
        while capacity < words.count * 2 { capacity <<= 1 }
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (word, value) in words {
            let bytes = Array(word.utf8)
            var slot = bytes.withUnsafeBufferPointer { Self.slot(for: $0) } & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(values.count)
            keyBytes.append(contentsOf: bytes)
            keyStarts.append(Int32(keyBytes.count))
            values.append(value)
        }
    }

    /// FNV-1a, folded so that the low bits (the slot) depend on every byte.
    @inline(__always)
    private static func slot(for bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    public func value(for bytes: UnsafeBufferPointer<UInt8>) -> Value? {
        var slot = Self.slot(for: bytes) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            let start = Int(keyStarts[entry]), end = Int(keyStarts[entry + 1])
            if end - start == bytes.count, keyBytes.withUnsafeBufferPointer({ keys in
                bytes.indices.allSatisfy { keys[start + $0] == bytes[$0] }
            }) {
                return values[entry]
            }
            slot = (slot + 1) & mask
        }
    }

    public subscript(_ word: String) -> Value? {
        var word = word
        return word.withUTF8 { value(for: $0) }
    }
}

/// A `String` used as a dictionary key, hashed once, when it is made, by a short multiply-xor loop over its
/// UTF-8 bytes, eight at a time (`WordHash.exact`, the token hash without its case folding).
///
/// The actor recognizer's per-document name tables ("which person does this surname belong to") take about
/// forty look-ups per article; `String`'s own hashing (SipHash over its normalized form) cost about 350
/// instructions each. Two keys are equal when their byte hashes and their strings are, so equal keys always
/// hash alike; spellings that differ only in Unicode normalization hash apart, and so are different keys, as
/// they are in the lexicon's byte-keyed tables.
///
/// `Dictionary` and `Set` take a key's hash from `_rawHashValue(seed:)`, the `Hashable` requirement they call
/// with their own seed; this type answers it from the stored hash, without a `Hasher`. The seed is mixed in,
/// so tables still differ in their order, which keeps copying one table into another linear.
public struct TextKey: Hashable, Sendable, CustomStringConvertible {
    public let string: String
    @usableFromInline let bytesHash: UInt64

    @inlinable
    public init(_ string: String) {
        self.string = string
        bytesHash = string.withBorrowedUTF8 { WordHash.exact($0) }
    }

    public var description: String { string }

    @inlinable
    public static func == (a: TextKey, b: TextKey) -> Bool { a.bytesHash == b.bytesHash && a.string == b.string }

    @inlinable
    public func hash(into hasher: inout Hasher) { hasher.combine(bytesHash) }

    @inlinable
    public func _rawHashValue(seed: Int) -> Int {
        var h = bytesHash ^ UInt64(UInt(bitPattern: seed))
        h = (h ^ (h &>> 31)) &* 0xD6E8_FEB8_6659_FD93
        return Int(truncatingIfNeeded: h ^ (h &>> 32))
    }
}

/// A fixed set of words, probed with a `String`: the grammar's word lists ("in", "since", "during" …), tested
/// many times per sentence. `Set<String>` pays Swift's seeded hashing (~350 instructions a probe); this
/// probes a `WordMap`, whose hash is a short loop over the bytes. Iterates in the order it was given.
public struct WordSet: Sendable, Sequence, ExpressibleByArrayLiteral {
    /// The words, each mapped to nothing of interest: a `WordTable` keeps them once, in order.
    @usableFromInline let table: WordTable<Bool>

    public init(_ words: some Sequence<String>) { table = WordTable(words.map { (key: $0, value: true) }) }

    public init(arrayLiteral elements: String...) { self.init(elements) }

    @inlinable
    public func contains(_ word: String) -> Bool { table[word] != nil }

    /// The set keyed by `WordHash`, for ASCII tokens read lowercased (`WordTable.hashed`).
    @inlinable
    public var hashed: WordHashTable<Bool>? { table.hashed }

    /// Whether the set holds `bytes[range]` read with `fold` (a token's bytes, folded into the words' form).
    @inlinable
    public func contains<Fold: ByteFolding>(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                            readAs fold: Fold.Type) -> Bool {
        table.value(in: bytes, range, readAs: fold) != nil
    }

    public var count: Int { table.count }

    public func makeIterator() -> IndexingIterator<[String]> { table.keys.makeIterator() }
}

/// A fixed table from words to values, probed with a `String`, for the same reason as `WordSet`: the
/// grammar's month, weekday, number and unit names are looked up many times per sentence.
public struct WordTable<Value: Sendable>: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    @usableFromInline let map: WordMap<Value, ExactBytes>
    /// The entries, in the order given.
    public let entries: [(key: String, value: Value)]
    /// The table keyed by `WordHash`, answering for an ASCII token read with a folding that lowercases ASCII letters
    /// (as the grammar's and the recognizer's keys are) what `value(in:_:readAs:)` answers, from the hash the
    /// document's stages share: one probe, where the bytes were folded, hashed and compared. Keys with capitals
    /// are left out (no lowercased token reads as one). Nil where the hash could not tell the keys apart
    /// (`WordHashTable.forASCIITokens`).
    public let hashed: WordHashTable<Value>?

    public init(_ entries: [(key: String, value: Value)]) {
        var seen = Set<String>()
        self.entries = entries.filter { seen.insert($0.key).inserted }
        let table = Dictionary(uniqueKeysWithValues: self.entries.map { ($0.key, $0.value) })
        map = WordMap(table)
        hashed = WordHashTable.forASCIITokens(table.filter { !$0.key.utf8.contains { $0 &- 65 < 26 } },
                                              foldedAs: CaseAndApostrophe.self)
    }

    public init(dictionaryLiteral elements: (String, Value)...) { self.init(elements.map { (key: $0.0, value: $0.1) }) }

    @inlinable
    public subscript(_ word: String) -> Value? { map[word] }

    /// The value for `bytes[range]` read with `fold` (a token's bytes, folded into the keys' form).
    @inlinable
    public func value<Fold: ByteFolding>(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>,
                                         readAs fold: Fold.Type) -> Value? {
        map.value(in: bytes, range, readAs: fold)
    }

    public var keys: [String] { entries.map(\.key) }
    public var count: Int { entries.count }

    public func makeIterator() -> IndexingIterator<[(key: String, value: Value)]> { entries.makeIterator() }
}

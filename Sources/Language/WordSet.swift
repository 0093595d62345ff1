/// A fixed set of words, probed with a `String`: the grammar's word lists ("in", "since", "during" …), tested
/// many times per sentence. `Set<String>` pays Swift's seeded hashing (~350 instructions a probe); this
/// probes a `WordMap`, whose hash is a short loop over the bytes. Iterates in the order it was given.
public struct WordSet: Sendable, Sequence, ExpressibleByArrayLiteral {
    @usableFromInline let map: WordMap<Bool, ExactBytes>
    /// The words, each once, in the order first given.
    public let words: [String]

    public init(_ words: some Sequence<String>) {
        var seen = Set<String>()
        self.words = words.filter { seen.insert($0).inserted }
        map = WordMap(Dictionary(uniqueKeysWithValues: self.words.map { ($0, true) }))
    }

    public init(arrayLiteral elements: String...) { self.init(elements) }

    @inlinable
    public func contains(_ word: String) -> Bool { map[word] != nil }

    public var count: Int { words.count }

    public func makeIterator() -> IndexingIterator<[String]> { words.makeIterator() }
}

/// A fixed table from words to values, probed with a `String`, for the same reason as `WordSet`: the
/// grammar's month, weekday, number and unit names are looked up many times per sentence.
public struct WordTable<Value: Sendable>: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    @usableFromInline let map: WordMap<Value, ExactBytes>
    /// The entries, in the order given.
    public let entries: [(key: String, value: Value)]

    public init(_ entries: [(key: String, value: Value)]) {
        var seen = Set<String>()
        self.entries = entries.filter { seen.insert($0.key).inserted }
        map = WordMap(Dictionary(uniqueKeysWithValues: self.entries.map { ($0.key, $0.value) }))
    }

    public init(dictionaryLiteral elements: (String, Value)...) { self.init(elements.map { (key: $0.0, value: $0.1) }) }

    @inlinable
    public subscript(_ word: String) -> Value? { map[word] }

    public var keys: [String] { entries.map(\.key) }
    public var count: Int { entries.count }

    public func makeIterator() -> IndexingIterator<[(key: String, value: Value)]> { entries.makeIterator() }
}

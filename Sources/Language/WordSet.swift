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

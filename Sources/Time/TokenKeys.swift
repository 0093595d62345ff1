import Language

/// The tagger's key of each token (lowercased, curly apostrophes straightened, a word's final period left out),
/// made the first time a parser asks for it.
///
/// Parsers start at few tokens (numbers and time words) and look a few tokens around them: most of a
/// document's tokens are never asked for, and making a String for every token had cost a third of the tagger's
/// setup. A class, so that the tagger's non-mutating parsers can fill it in.
final class TokenKeys {
    private let bytes: [UInt8]
    private let tokens: [Token]
    /// Memory of its own rather than an array property: a class's array is checked for exclusive access on
    /// every read, which cost more than the keys saved. Only the entries flagged in `isMade` are initialized, so
    /// that freeing a document's keys touches only the keys made.
    private let keys: UnsafeMutablePointer<String>
    private let isMade: UnsafeMutableBufferPointer<Bool>
    /// The tokens whose keys were made, in the order they were: freeing the keys visits only these (a walk
    /// over the flags, eight at a time, still cost 780 instructions a document). Left uninitialized beyond
    /// `madeCount`.
    private let made: UnsafeMutablePointer<Int32>
    private var madeCount = 0

    init(text: Text, tokens: [Token]) {
        self.bytes = text.bytes
        self.tokens = tokens
        self.keys = .allocate(capacity: tokens.count)
        self.isMade = .allocate(capacity: tokens.count)
        isMade.initialize(repeating: false)
        self.made = .allocate(capacity: tokens.count)
    }

    deinit {
        for k in 0..<madeCount { (keys + Int(made[k])).deinitialize(count: 1) }
        keys.deallocate()
        isMade.deallocate()
        made.deallocate()
    }

    private func noteMade(_ i: Int) {
        isMade[i] = true
        made[madeCount] = Int32(truncatingIfNeeded: i)
        madeCount += 1
    }

    subscript(i: Int) -> String {
        get {
            if isMade[i] { return keys[i] }
            let key = bytes.withUnsafeBufferPointer { bytes in
                TaggerRun.key(UnsafeBufferPointer(rebasing: bytes[TaggerRun.keyRange(of: tokens[i], in: bytes)]))
            }
            (keys + i).initialize(to: key)
            noteMade(i)
            return key
        }
        set {
            if isMade[i] {
                keys[i] = newValue
            } else {
                (keys + i).initialize(to: newValue)
                noteMade(i)
            }
        }
    }
}

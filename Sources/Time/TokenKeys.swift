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
    /// every read, which cost more than the keys saved.
    private let made: UnsafeMutableBufferPointer<String?>

    init(text: Text, tokens: [Token]) {
        self.bytes = text.bytes
        self.tokens = tokens
        self.made = .allocate(capacity: tokens.count)
        made.initialize(repeating: nil)
    }

    deinit {
        made.deinitialize()
        made.deallocate()
    }

    subscript(i: Int) -> String {
        get {
            if let key = made[i] { return key }
            let key = bytes.withUnsafeBufferPointer { bytes in
                TaggerRun.key(UnsafeBufferPointer(rebasing: bytes[TaggerRun.keyRange(of: tokens[i], in: bytes)]))
            }
            made[i] = key
            return key
        }
        set { made[i] = newValue }
    }
}

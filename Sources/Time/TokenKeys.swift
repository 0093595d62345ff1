import Language

/// The tagger's key of each token (lowercased, curly apostrophes straightened, a word's final period left out),
/// made the first time a parser asks for it.
///
/// Parsers start at few tokens (numbers and time words) and look a few tokens around them: most of a
/// document's tokens are never asked for, and making a String for every token had cost a third of the tagger's
/// setup. A class, so that the tagger's non-mutating parsers can fill it in. A worker keeps one across the
/// documents of a group (`reset(text:tokens:)`): its three buffers are made again only for a longer document.
final class TokenKeys {
    /// Read on every key made, written only by `reset`: private to this final class, they are not checked for
    /// exclusive access at run time (no `swift_beginAccess` in the profile), as `keys`' writes would be.
    private var bytes: [UInt8]
    private var tokens: [Token]
    /// Memory of its own rather than an array property: a class's array is checked for exclusive access on
    /// every read, which cost more than the keys saved. Only the entries flagged in `isMade` are initialized, so
    /// that freeing a document's keys touches only the keys made.
    private var keys: UnsafeMutablePointer<String>
    private var isMade: UnsafeMutableBufferPointer<Bool>
    /// The tokens whose keys were made, in the order they were: freeing the keys visits only these (a walk
    /// over the flags, eight at a time, still cost 780 instructions a document). Left uninitialized beyond
    /// `madeCount`.
    private var made: UnsafeMutablePointer<Int32>
    private var madeCount = 0
    /// Tokens the buffers have room for.
    private var capacity: Int

    init(text: Text, tokens: [Token]) {
        self.bytes = text.bytes
        self.tokens = tokens
        capacity = tokens.count
        self.keys = .allocate(capacity: capacity)
        self.isMade = .allocate(capacity: capacity)
        isMade.initialize(repeating: false)
        self.made = .allocate(capacity: capacity)
    }

    /// Empties the keys for another document's tokens.
    func reset(text: Text, tokens: [Token]) {
        forgetKeys()
        if tokens.count > capacity {
            deallocateBuffers()
            capacity = tokens.count
            keys = .allocate(capacity: capacity)
            isMade = .allocate(capacity: capacity)
            isMade.initialize(repeating: false)
            made = .allocate(capacity: capacity)
        }
        self.bytes = text.bytes
        self.tokens = tokens
    }

    deinit {
        forgetKeys()
        deallocateBuffers()
    }

    /// Frees the keys made and clears their flags (only theirs: the rest are already clear).
    private func forgetKeys() {
        for k in 0..<madeCount {
            let i = Int(made[k])
            (keys + i).deinitialize(count: 1)
            isMade[i] = false
        }
        madeCount = 0
    }

    private func deallocateBuffers() {
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

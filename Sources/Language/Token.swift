/// A word, number or punctuation mark, located by UTF-8 byte offsets into a `Text`.
public struct Token: Hashable, Sendable {
    public enum Kind: UInt8, Sendable {
        /// Letters, possibly with digits, inner apostrophes or an abbreviation's periods ("U.S.", "Mr.").
        case word
        /// Digits with inner separators: "2.14", "50,000", "3:50", "1996-12-06" is three numbers.
        case number
        /// Sentence and clause punctuation, quotes, brackets, dashes.
        case punctuation
        /// Everything else: currency signs, %, &, emoji.
        case symbol
    }

    public struct Flags: OptionSet, Hashable, Sendable {
        public let rawValue: UInt16
        @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }

        // Computed constants, not `static let`s: other modules read a `let` through a lazy global's accessor
        // (a call and a once-check each time a flag is tested); these inline to the constant.
        /// Whitespace (or the start of text) precedes the token; without it the token is glued to the previous one.
        @inlinable public static var spaceBefore: Flags { Flags(rawValue: 1 << 0) }
        /// A line break precedes the token.
        @inlinable public static var newlineBefore: Flags { Flags(rawValue: 1 << 1) }
        /// First character is an uppercase letter.
        @inlinable public static var capitalized: Flags { Flags(rawValue: 1 << 2) }
        /// Every letter is uppercase and there are at least two letters.
        @inlinable public static var allCaps: Flags { Flags(rawValue: 1 << 3) }
        /// Contains a digit.
        @inlinable public static var hasDigit: Flags { Flags(rawValue: 1 << 4) }
        /// A word that carries a trailing abbreviation period ("Mr.", "U.S.", "Jan.").
        @inlinable public static var abbreviation: Flags { Flags(rawValue: 1 << 5) }
        /// The possessive clitic split off a word: "'s", "’s", or a lone "’" after a plural.
        @inlinable public static var possessive: Flags { Flags(rawValue: 1 << 6) }
        /// A paragraph starts at this token (blank line, indented line, or line break in unwrapped text).
        @inlinable public static var paragraphStart: Flags { Flags(rawValue: 1 << 7) }
        /// First character is a lowercase letter.
        @inlinable public static var lowercase: Flags { Flags(rawValue: 1 << 8) }
    }

    /// The byte offsets, stored in 32 bits: a token is 12 bytes where `Range<Int>` made it 24, and every stage
    /// walks the token array. A text is tokenized up to its first 4 GiB (`Tokenizer.maxBytes`).
    @usableFromInline let start: UInt32
    @usableFromInline let end: UInt32
    public var kind: Kind
    public var flags: Flags

    @inlinable public var range: Range<Int> { Int(start)..<Int(end) }

    @inlinable
    public init(range: Range<Int>, kind: Kind, flags: Flags) {
        // Clamped, not trapping: past 4 GiB a token's range is cut short, never out of the text.
        start = UInt32(clamping: range.lowerBound)
        end = UInt32(clamping: range.upperBound)
        self.kind = kind
        self.flags = flags
    }

    @inlinable public var isCapitalized: Bool { flags.contains(.capitalized) }
    @inlinable public var isAllCaps: Bool { flags.contains(.allCaps) }
    @inlinable public var isLowercase: Bool { flags.contains(.lowercase) }
    @inlinable public var hasSpaceBefore: Bool { flags.contains(.spaceBefore) }
}

/// A sentence: a byte range of the text, the tokens inside it and the paragraph it belongs to.
public struct Sentence: Hashable, Sendable {
    public var range: Range<Int>
    /// Indices into the document's token array.
    public var tokens: Range<Int>
    /// 0-based paragraph number (blank lines, indented lines or line breaks in unwrapped text start a new one).
    public var paragraph: Int

    public init(range: Range<Int>, tokens: Range<Int>, paragraph: Int) {
        self.range = range
        self.tokens = tokens
        self.paragraph = paragraph
    }
}

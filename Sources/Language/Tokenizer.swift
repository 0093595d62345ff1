import Foundation

/// Splits UTF-8 text into tokens in one pass over the bytes.
///
/// Decisions that matter downstream: possessive "'s"/"’s" is its own token (so "Takaichi’s" yields the name
/// "Takaichi"); hyphens split words ("US-Japan" → US, -, Japan) and the parts stay glued (no `spaceBefore`);
/// abbreviation periods stay on their word ("U.S.", "Mr.", "Jan."); numbers keep inner separators
/// ("2.14", "50,000", "3:50"); paragraph starts are marked from blank lines, indentation or, in text that
/// is not hard-wrapped, any line break.
public struct Tokenizer: Sendable {
    public struct Abbreviation: Sendable {
        public var sentenceFinal: Bool
        public var onlyBeforeNumber: Bool
        public var lowercaseToo: Bool
    }

    /// Keyed by the lowercased word without its period, and probed with a word's bytes as they are: every
    /// word before a period is looked up, and a `String` key cost an array, a string and a hash each time.
    public let abbreviations: WordMap<Abbreviation, ASCIICase>

    public init(abbreviations: [String: Abbreviation]) {
        self.abbreviations = WordMap(abbreviations)
    }

    /// The tokenizer with the built-in abbreviation table.
    public static let standard: Tokenizer = {
        var table = [String: Abbreviation]()
        for row in DataTable.load("abbreviations.tsv", bundle: LanguageData.bundle) {
            let flags = row.count > 1 ? Set(row[1].split(separator: ",").map(String.init)) : []
            table[row[0].lowercased()] = Abbreviation(
                sentenceFinal: flags.contains("final"), onlyBeforeNumber: flags.contains("number"),
                lowercaseToo: flags.contains("lower"))
        }
        return Tokenizer(abbreviations: table)
    }()

    /// The most bytes of a text that are tokenized: tokens hold 32-bit offsets.
    public static let maxBytes = Int(UInt32.max)

    public func tokenize(_ text: Text) -> [Token] {
        let bytes = text.bytes
        let n = min(bytes.count, Tokenizer.maxBytes)
        let wrapped = Tokenizer.isHardWrapped(bytes)
        var tokens = [Token]()
        tokens.reserveCapacity(n / 4)  // about a token per 4.5 bytes of news text: rarely grown
        var i = 0
        var pendingFlags: Token.Flags = [.spaceBefore, .paragraphStart]
        var newlines = 0
        var indentAfterNewline = false

        let asciiClasses = UTF8Scan.asciiClasses
        while i < n {
            let lead = bytes[i]
            let (scalar, length) = lead < 0x80 ? (UInt32(lead), 1) : UTF8Scan.scalar(bytes, i)
            let cls = lead < 0x80 ? asciiClasses[Int(lead)] : UTF8Scan.classify(scalar)
            switch cls {
            case .space:
                pendingFlags.insert(.spaceBefore)
                if newlines > 0 { indentAfterNewline = true }
                i += length
                continue
            case .newline:
                pendingFlags.insert(.spaceBefore)
                pendingFlags.insert(.newlineBefore)
                if scalar != 0x0D { newlines += 1 }
                indentAfterNewline = false
                i += length
                continue
            default:
                break
            }
            if newlines > 0 && (newlines >= 2 || !wrapped || indentAfterNewline) {
                pendingFlags.insert(.paragraphStart)
            }
            let start = i
            var kind: Token.Kind
            var flags = pendingFlags
            switch cls {
            case .letter:
                kind = .word
                i = scanWord(bytes, from: i, flags: &flags)
            case .digit:
                kind = .number
                i = scanNumber(bytes, from: i)
                flags.insert(.hasDigit)
            case .apostrophe:
                // "'s" glued to a word is the possessive clitic; a lone "’" after "s" is a plural possessive.
                kind = .punctuation
                i += length
                if start > 0, !flags.contains(.spaceBefore), i < n, bytes[i] | 0x20 == UInt8(ascii: "s"),
                   i + 1 >= n || !isWordChar(bytes, i + 1) {
                    i += 1
                    flags.insert(.possessive)
                } else if start > 0, !flags.contains(.spaceBefore), bytes[start - 1] | 0x20 == UInt8(ascii: "s"),
                          i >= n || !isWordChar(bytes, i) {
                    flags.insert(.possessive)
                }
            case .hyphen, .period, .punctuation:
                kind = .punctuation
                i += length
            default:
                kind = .symbol
                i += length
            }
            tokens.append(Token(range: start..<i, kind: kind, flags: flags))
            pendingFlags = []
            newlines = 0
            indentAfterNewline = false
        }
        return tokens
    }

    private func isWordChar(_ bytes: [UInt8], _ i: Int) -> Bool {
        let cls = UTF8Scan.classify(UTF8Scan.scalar(bytes, i).value)
        return cls == .letter || cls == .digit
    }

    /// Letters and digits, inner apostrophes before letters (O'Brien, don't) but not the possessive 's,
    /// then an abbreviation period where the word is a known abbreviation, an initial or an acronym (U.S.).
    private func scanWord(_ bytes: [UInt8], from start: Int, flags: inout Token.Flags) -> Int {
        let n = bytes.count
        var i = start
        // Capitals and small letters seen (capitals counted at least up to two: enough for `allCaps`).
        var upper = 0, lower = 0
        var hasDigit = false
        // The first character decides capitalisation; the caller found it to be a letter.
        let first = bytes[start] < 0x80 ? UInt32(bytes[start]) : UTF8Scan.scalar(bytes, start).value
        let firstUpper = first < 0x80 ? first <= 0x5A : UTF8Scan.isUppercase(first)
        let firstLower = first < 0x80 ? !firstUpper : !firstUpper && UTF8Scan.isLowercase(first)
        while i < n {
            // ASCII letters and digits, most of any text, take the short way: no decoding, no classifying,
            // and no bounds checks.
            i = bytes.withUnsafeBufferPointer { p in
                var j = i
                // Eight bytes at a time while eight remain: a word's letters are classified in one go
                // (`AsciiLanes`), and the first byte that is neither letter nor digit ends the run.
                let raw = UnsafeRawPointer(p.baseAddress!)
                while j &+ 8 <= n {
                    let lanes = AsciiLanes(raw.loadUnaligned(fromByteOffset: j, as: UInt64.self))
                    let stop = ~(lanes.letters | lanes.digits) & AsciiLanes.high
                    let take = stop == 0 ? 8 : stop.trailingZeroBitCount >> 3
                    let keep: UInt64 = take == 8 ? ~0 : (1 &<< UInt64(take &* 8)) &- 1
                    // Only "no small letter" and "two capitals or more" matter (`allCaps`): no popcount, which
                    // this target's baseline CPU lacks as an instruction.
                    let capitals = lanes.capitals & keep
                    if capitals != 0 { upper &+= capitals & (capitals &- 1) == 0 ? 1 : 2 }
                    if (lanes.letters & ~lanes.capitals) & keep != 0 { lower &+= 1 }
                    if lanes.digits & keep != 0 { hasDigit = true }
                    j &+= take
                    if take < 8 { return j }
                }
                while j < n {
                    let b = p[j]
                    if (b | 0x20) &- 0x61 < 26 {
                        if b & 0x20 == 0 { upper &+= 1 } else { lower &+= 1 }
                    } else if b &- 0x30 < 10 {
                        hasDigit = true
                    } else {
                        break
                    }
                    j &+= 1
                }
                return j
            }
            // Any other ASCII character but an apostrophe ends the word.
            guard i < n, bytes[i] >= 0x80 || bytes[i] == UInt8(ascii: "'") else { break }
            let (scalar, length) = UTF8Scan.scalar(bytes, i)
            let cls = UTF8Scan.classify(scalar)
            if cls == .letter {
                if UTF8Scan.isUppercase(scalar) { upper += 1 } else if UTF8Scan.isLowercase(scalar) { lower += 1 }
                i += length
            } else if cls == .digit {
                hasDigit = true
                i += length
            } else if cls == .apostrophe, i + length < n {
                // Possessive 's / ’s ends the word; any other apostrophe between letters stays inside.
                let next = i + length
                let afterIsLetter = UTF8Scan.classify(UTF8Scan.scalar(bytes, next).value) == .letter
                guard afterIsLetter else { break }
                if bytes[next] | 0x20 == UInt8(ascii: "s"), next + 1 >= n || !isWordChar(bytes, next + 1) { break }
                i = next
            } else {
                break
            }
        }
        if hasDigit { flags.insert(.hasDigit) }
        if firstUpper { flags.insert(.capitalized) }
        if firstLower { flags.insert(.lowercase) }
        // Two capitals are two letters: "at least two letters, all capitals".
        if lower == 0 && upper >= 2 { flags.insert(.allCaps) }

        // Abbreviation periods.
        guard i < n, bytes[i] == UInt8(ascii: ".") else { return i }
        let wordLength = i - start
        // Acronyms with periods: U.S., U.K., a.m., e.g. — short letter groups each followed by a period.
        if wordLength <= 2, i + 2 < n, isLetterASCII(bytes[i + 1]) {
            var j = i + 1
            var groups = 1
            while j < n {
                var k = j
                while k < n, isLetterASCII(bytes[k]), k - j < 3 { k += 1 }
                guard k > j, k < n, bytes[k] == UInt8(ascii: "."), k - j <= 2 else { break }
                groups += 1
                j = k + 1
            }
            if groups >= 2 {
                flags.insert(.abbreviation)
                if firstUpper { flags.insert(.allCaps) }
                return j
            }
        }
        // A single capital letter: an initial ("George W. Bush").
        if wordLength == 1 && firstUpper {
            flags.insert(.abbreviation)
            return i + 1
        }
        if let abbreviation = abbreviations.value(in: bytes, start..<i) {
            if !firstUpper && !abbreviation.lowercaseToo { return i }
            if abbreviation.onlyBeforeNumber {
                var j = i + 1
                while j < n, bytes[j] == UInt8(ascii: " ") { j += 1 }
                guard j < n, bytes[j] >= 48, bytes[j] <= 57 else { return i }
            }
            flags.insert(.abbreviation)
            return i + 1
        }
        return i
    }

    /// Eight bytes read as one little-endian word, each byte's class as its lane's high bit: ASCII letters,
    /// capitals among them, and ASCII digits. Bytes of 0x80 and above are in none. Lanes are masked to seven
    /// bits before adding, so no sum carries into the next lane.
    struct AsciiLanes {
        @inline(__always) static var high: UInt64 { 0x8080_8080_8080_8080 }
        @inline(__always) static var low7: UInt64 { 0x7F7F_7F7F_7F7F_7F7F }
        /// `byte` in every lane.
        @inline(__always) static func lanes(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

        let letters: UInt64
        let capitals: UInt64
        let digits: UInt64

        @inline(__always)
        init(_ word: UInt64) {
            let ascii = ~word & Self.high
            // A letter once its case bit is set: 0x61...0x7A. A lane at or above `x` has its high bit set in
            // `lane + (0x80 - x)`.
            let folded = (word | Self.lanes(0x20)) & Self.low7
            letters = (folded &+ Self.lanes(0x80 - 0x61)) & ~(folded &+ Self.lanes(0x80 - 0x7B)) & ascii
            // A capital has its case bit (0x20) clear: shifted two places, that bit lands on the lane's high bit.
            capitals = letters & ~(word &<< 2)
            let plain = word & Self.low7
            digits = (plain &+ Self.lanes(0x80 - 0x30)) & ~(plain &+ Self.lanes(0x80 - 0x3A)) & ascii
        }
    }

    private func isLetterASCII(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }

    /// Digits with inner `.`, `,` or `:` followed by a digit.
    private func scanNumber(_ bytes: [UInt8], from start: Int) -> Int {
        let n = bytes.count
        var i = start
        while i < n {
            let b = bytes[i]
            if b >= 48 && b <= 57 {
                i += 1
            } else if (b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: ":")),
                      i + 1 < n, bytes[i + 1] >= 48, bytes[i + 1] <= 57 {
                i += 2
            } else {
                break
            }
        }
        return i
    }

    /// Whether line breaks are layout (hard-wrapped newswire) rather than paragraph ends: most lines are
    /// of similar medium length and do not end with sentence punctuation.
    public static func isHardWrapped(_ bytes: [UInt8]) -> Bool {
        var lines = 0, mediumLines = 0, terminalEnds = 0, longLines = 0
        // Line by line, each end found with memchr; a line's length runs to its last non-blank byte.
        bytes.withUnsafeBufferPointer { p in
            guard let base = p.baseAddress else { return }
            let n = p.count
            var start = 0
            while start <= n {
                let end: Int
                if start < n, let newline = memchr(base + start, 10, n - start) {
                    end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                } else {
                    end = n
                }
                var last = end - 1
                while last >= start, p[last] == 32 || p[last] == 13 || p[last] == 9 { last -= 1 }
                let lineLength = last - start + 1
                if lineLength > 0 {
                    lines += 1
                    if lineLength >= 35 && lineLength <= 90 { mediumLines += 1 }
                    if lineLength > 100 { longLines += 1 }
                    let lastNonSpace = p[last]
                    if lastNonSpace == UInt8(ascii: ".") || lastNonSpace == UInt8(ascii: "?")
                        || lastNonSpace == UInt8(ascii: "!") || lastNonSpace == UInt8(ascii: "\"") {
                        terminalEnds += 1
                    }
                }
                start = end + 1
            }
        }
        guard lines >= 4 else { return false }
        return mediumLines * 10 >= lines * 6 && terminalEnds * 2 <= lines && longLines * 10 <= lines
    }
}

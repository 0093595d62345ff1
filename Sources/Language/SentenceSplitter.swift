/// Groups tokens into sentences and paragraphs.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets) unless the next word starts
/// in lowercase; after a sentence-final abbreviation ("U.S.", "Inc.") when a typical sentence opener follows;
/// at every paragraph start; and before a capitalised article that follows a reporting verb mid-sentence
/// ("…authorities said A cargo aircraft…": a kicker run into its sentence without a full stop).
public struct SentenceSplitter: Sendable {
    public let tokenizer: Tokenizer

    public init(tokenizer: Tokenizer = .standard) {
        self.tokenizer = tokenizer
    }

    public static let standard = SentenceSplitter()

    /// Words that typically open a sentence; after an abbreviation period they signal a sentence break.
    private static let openers: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "but",
        "and", "in", "on", "at", "for", "his", "her", "its", "their", "our", "there", "as", "if", "when", "while",
        "after", "before", "meanwhile", "however", "also", "some", "many", "most", "no", "not", "officials",
    ]
    /// Lengths 3–8, first letters s, r, a: `mayBeReportingVerb` tests those before the words themselves.
    private static let reportingVerbs = ["said", "says", "say", "reported", "added", "stated"].map { Array($0.utf8) }

    public func split(_ text: Text, tokens: [Token]) -> [Sentence] {
        var sentences = [Sentence]()
        guard !tokens.isEmpty else { return sentences }
        sentences.reserveCapacity(tokens.count / 16 + 1)  // news sentences run to about 25 tokens
        let bytes = text.bytes
        var start = 0
        var paragraph = 0

        func close(_ endExclusive: Int) {
            guard endExclusive > start else { return }
            sentences.append(Sentence(range: tokens[start].range.lowerBound..<tokens[endExclusive - 1].range.upperBound,
                                      tokens: start..<endExclusive, paragraph: paragraph))
            start = endExclusive
        }

        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            if i > 0, token.flags.contains(.paragraphStart) {
                close(i)
                paragraph += 1
            }
            if token.kind == .punctuation, isTerminal(bytes, token) {
                var end = i + 1
                while end < tokens.count, isClosing(bytes, tokens[end]),
                      !tokens[end].hasSpaceBefore || isClosingQuoteOnly(bytes, tokens[end]) {
                    if tokens[end].flags.contains(.paragraphStart) { break }
                    end += 1
                }
                if end >= tokens.count || startsSentence(bytes, tokens[end]) {
                    close(end)
                    i = end
                    continue
                }
            } else if token.kind == .word, token.flags.contains(.abbreviation), i + 1 < tokens.count {
                let next = tokens[i + 1]
                let word = token.range.lowerBound..<(token.range.upperBound - 1)
                let acronym = token.isAllCaps
                let final = acronym || (tokenizer.abbreviations.value(in: bytes, word)?.sentenceFinal ?? false)
                if final, next.kind == .word, next.isCapitalized, !next.flags.contains(.paragraphStart),
                   SentenceSplitter.openers.contains(text.lowercasedKey(next.range)) {
                    close(i + 1)
                }
            } else if token.kind == .word, i > start + 1, i + 2 < tokens.count, mayBeReportingVerb(bytes, token.range),
                      text.lowercased(token.range, isOneOf: SentenceSplitter.reportingVerbs) {
                let next = tokens[i + 1], after = tokens[i + 2]
                let article = text.lowercasedKey(next.range)
                if next.isCapitalized, !next.isAllCaps, article == "a" || article == "an" || article == "the",
                   after.kind == .word, after.isLowercase, !next.flags.contains(.paragraphStart) {
                    close(i + 1)
                }
            }
            i += 1
        }
        close(tokens.count)
        return sentences
    }

    /// A cheap first test for `reportingVerbs` ("said", "reported", "added" …), which every word meets: their
    /// lengths and first letters.
    @inline(__always)
    private func mayBeReportingVerb(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        guard range.count >= 3, range.count <= 8 else { return false }
        let first = bytes[range.lowerBound] | 0x20
        return first == UInt8(ascii: "s") || first == UInt8(ascii: "r") || first == UInt8(ascii: "a")
    }

    private func isTerminal(_ bytes: [UInt8], _ token: Token) -> Bool {
        let r = token.range
        if r.count == 1 {
            let b = bytes[r.lowerBound]
            return b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")
        }
        // "…" U+2026 and the ideographic full stop U+3002.
        return r.count == 3 && bytes[r.lowerBound] == 0xE2 && bytes[r.lowerBound + 1] == 0x80 && bytes[r.lowerBound + 2] == 0xA6
            || r.count == 3 && bytes[r.lowerBound] == 0xE3 && bytes[r.lowerBound + 1] == 0x80 && bytes[r.lowerBound + 2] == 0x82
    }

    /// Closing quotes and brackets that belong to the sentence they follow.
    private func isClosing(_ bytes: [UInt8], _ token: Token) -> Bool {
        guard token.kind == .punctuation else { return false }
        let r = token.range
        if r.count == 1 {
            let b = bytes[r.lowerBound]
            return b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ")") || b == UInt8(ascii: "]")
        }
        // ” U+201D, ’ U+2019, » U+00BB
        if r.count == 3, bytes[r.lowerBound] == 0xE2, bytes[r.lowerBound + 1] == 0x80 {
            return bytes[r.lowerBound + 2] == 0x9D || bytes[r.lowerBound + 2] == 0x99
        }
        return r.count == 2 && bytes[r.lowerBound] == 0xC2 && bytes[r.lowerBound + 1] == 0xBB
    }

    private func isClosingQuoteOnly(_ bytes: [UInt8], _ token: Token) -> Bool {
        let r = token.range
        return r.count == 3 && bytes[r.lowerBound] == 0xE2 && bytes[r.lowerBound + 1] == 0x80 && bytes[r.lowerBound + 2] == 0x9D
    }

    /// After terminal punctuation: anything but a lowercase word or clause punctuation starts a new sentence.
    private func startsSentence(_ bytes: [UInt8], _ next: Token) -> Bool {
        if next.flags.contains(.paragraphStart) { return true }
        switch next.kind {
        case .word: return !next.isLowercase
        case .number, .symbol: return true
        case .punctuation:
            // Opening quotes, brackets and dashes may open a sentence; commas, semicolons and the like do not.
            let b = bytes[next.range.lowerBound]
            if next.range.count == 1 {
                return b == UInt8(ascii: "\"") || b == UInt8(ascii: "(") || b == UInt8(ascii: "[")
                    || b == UInt8(ascii: "'") || b == UInt8(ascii: "-")
            }
            return b == 0xE2 || b == 0xC2
        }
    }
}

import Testing
@testable import Language

@Suite struct WordSetTests {
    /// `WordSet` stands in for `Set<String>` in the grammar's word lists: the same answers, exact bytes.
    @Test func answersAsASetOfTheSameWordsWould() {
        let list = ["in", "since", "a.m", "'s", "o'clock", "–", "tōkyō", "in", ""]
        let words = WordSet(list)
        let set = Set(list)
        for probe in list + ["In", "a.m.", "’s", "o’clock", "-", "tokyo", "i", "sinc", "since "] {
            #expect(words.contains(probe) == set.contains(probe), "\(probe)")
        }
        // Each word once, in the order first given; the literal form builds the same.
        #expect(Array(words) == ["in", "since", "a.m", "'s", "o'clock", "–", "tōkyō", ""])
        let literal: WordSet = ["b", "a", "b"]
        #expect(Array(literal) == ["b", "a"] && literal.count == 2)
    }

    @Test func aWordTableFindsItsValuesAndKeepsTheFirstOfARepeatedKey() {
        let table = WordTable([(key: "jan", value: 1), (key: "feb", value: 2), (key: "jan", value: 9)])
        #expect(table["jan"] == 1 && table["feb"] == 2 && table["Jan"] == nil && table["ja"] == nil)
        #expect(table.keys == ["jan", "feb"] && table.count == 2)
        let literal: WordTable<String> = ["spring": "SP", "fall": "FA"]
        #expect(literal["fall"] == "FA" && literal.map(\.key) == ["spring", "fall"])
    }
    /// The hashed copy answers for every ASCII token as the table does read lowercased; keys with capitals, which no
    /// lowercased token reads as, are left out of it.
    @Test func theHashedCopyAnswersForASCIITokensAsTheTableDoes() throws {
        let table = WordTable([(key: "may", value: 1), (key: "GMT", value: 2), (key: "o'clock", value: 3),
                               (key: "’til", value: 4), (key: "mid", value: 5), (key: "-", value: 6),
                               (key: "'s", value: 7), (key: "tōkyō", value: 8)])
        let hashed = try #require(table.hashed)
        let text = Text("May may MAY GMT gmt o'clock O'Clock mid-year Tokyo 's till -")
        let tokens = Tokenizer.standard.tokenize(text)
        let hashes = TokenHashes(text: text, tokens: tokens)
        var found = 0
        text.bytes.withUnsafeBufferPointer { bytes in
            for i in tokens.indices where hashes.isASCII[i] {
                let byBytes = table.value(in: bytes, tokens[i].range, readAs: CaseAndApostrophe.self)
                #expect(hashed.lookup(hashes.values[i]) == byBytes, "\(text[tokens[i].range])")
                if byBytes != nil { found += 1 }
            }
        }
        #expect(found == 8)  // may ×3, o'clock ×2, mid, the hyphen of "mid-year" and the last one
    }
}

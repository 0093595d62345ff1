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
}

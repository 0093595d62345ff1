import Testing
@testable import Language

@Suite struct WordMapTests {
    @Test func findsEveryWordAndNothingElse() {
        var words = [String: Int]()
        for (i, w) in ["the", "a", "year-earlier", "tōkyō", "", "yesterday", "x"].enumerated() { words[w] = i }
        // Enough words to wrap around the table and collide.
        for i in 0..<500 { words["w\(i)"] = 1_000 + i }
        let map = WordMap<Int, ExactBytes>(words)
        for (word, value) in words { #expect(map[word] == value, "\(word)") }
        for absent in ["th", "thee", "The", "tokyo", "w500", "year", "yesterday."] { #expect(map[absent] == nil, "\(absent)") }
        let bytes = Array("xthe".utf8)
        #expect(bytes.withUnsafeBufferPointer { map.value(for: UnsafeBufferPointer(rebasing: $0[1...])) } == 0)
    }
}

@Suite struct WordMapFoldingTests {
    @Test func foldingReadsCaseAndCurlyApostrophesAway() {
        let map = WordMap<Int, CaseAndApostrophe>(["people's": 1, "ny": 2, "tōkyō": 3])
        #expect(map["PEOPLE\u{2019}S"] == 1 && map["People's"] == 1 && map["NY"] == 2)
        // Only ASCII letters fold.
        #expect(map["tōkyō"] == 3 && map["TŌKYŌ"] == nil)
        let exact = WordMap<Int, ExactBytes>(["people's": 1])
        #expect(exact["People's"] == nil && exact["people\u{2019}s"] == nil)
        let bytes = Array("the NY office".utf8)
        #expect(map.value(in: bytes, 4..<6) == 2 && map.value(in: bytes, 4..<5) == nil)
    }

    @Test func asciiCaseFoldsLettersOnly() {
        let map = WordMap<Int, ASCIICase>(["corp": 1, "o'neill": 2])
        let bytes = Array("CORP. Corp O'Neill O\u{2019}Neill @".utf8)
        #expect(map.value(in: bytes, 0..<4) == 1 && map.value(in: bytes, 6..<10) == 1)
        #expect(map.value(in: bytes, 11..<18) == 2)
        // A curly apostrophe is not an apostrophe here, and "@" (0x40) is not "`" (0x60).
        #expect(map.value(in: bytes, 19..<28) == nil)
        #expect(WordMap<Int, ASCIICase>(["`": 3]).value(in: bytes, 29..<30) == nil)
    }

    @Test func exactTableProbedWithAnotherFold() {
        // A table of words in key form, read from text folded as the caller's keys are.
        let words = WordSet(["o'neill", "march"])
        let bytes = Array("O\u{2019}Neill MARCH Marc".utf8)
        bytes.withUnsafeBufferPointer { b in
            #expect(words.contains(b, 0..<9, readAs: CaseAndApostrophe.self))
            #expect(words.contains(b, 10..<15, readAs: CaseAndApostrophe.self))
            #expect(!words.contains(b, 10..<15, readAs: ExactBytes.self))
            #expect(!words.contains(b, 16..<20, readAs: CaseAndApostrophe.self))
        }
        let table: WordTable<Int> = ["march": 3]
        #expect(bytes.withUnsafeBufferPointer { table.value(in: $0, 10..<15, readAs: ASCIICase.self) } == 3)
    }
}

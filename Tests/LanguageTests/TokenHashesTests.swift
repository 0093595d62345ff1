import Testing
@testable import Language

@Suite struct TokenHashesTests {
    func hash(_ bytes: [UInt8], _ range: Range<Int>) -> UInt64 {
        bytes.withUnsafeBufferPointer { WordHash.of($0, range) }
    }

    /// A word's hash is the same wherever it lies: with eight readable bytes from its start (one load) or
    /// at the very end of the text (read byte by byte), and whatever its case.
    @Test func hashDependsOnlyOnTheFoldedBytes() {
        for word in ["a", "of", "the", "Tokyo", "U.S.", "yesterday", "year-earlier", "internationally", "o'clock"] {
            let inside = Array(("xx " + word + " and more text").utf8)
            let atEnd = Array(("xx " + word).utf8)
            let upper = Array(("xx " + word.uppercased() + " and more text").utf8)
            let range = 3..<(3 + word.utf8.count)
            #expect(hash(inside, range) == hash(atEnd, range), "\(word)")
            #expect(hash(inside, range) == hash(upper, range), "\(word)")
        }
        let bytes = Array("tokyo tokya tokyo.".utf8)
        #expect(hash(bytes, 0..<5) != hash(bytes, 6..<11) && hash(bytes, 0..<5) != hash(bytes, 12..<18))
    }

    @Test func marksTokensThatAreNotASCII() {
        let text = Text("Tōkyō’s mayor said on Tuesday")
        let tokens = Tokenizer.standard.tokenize(text)
        let hashes = TokenHashes(text: text, tokens: tokens)
        #expect(hashes.values.count == tokens.count)
        #expect(hashes.isASCII.first == false)   // "Tōkyō"
        let lastFour = Array(hashes.isASCII.suffix(4))  // "mayor said on Tuesday"
        #expect(lastFour == [true, true, true, true])
    }

    /// For every ASCII token, the hash-keyed table answers as the byte-compared table it was made from.
    @Test func hashTableAnswersAsTheWordMapForASCIITokens() throws {
        var words = [String: Int]()
        let listed = ["the", "o'clock", "year-earlier", "people’s", "GMT", "mid", "a", "internationally", "–", "dec"]
        for (i, w) in listed.enumerated() { words[w] = i }
        for i in 0..<300 { words["w\(i)"] = 100 + i }
        let map = WordMap<Int, CaseAndApostrophe>(words)
        let table = try #require(WordHashTable.forASCIITokens(words, foldedAs: CaseAndApostrophe.self))
        let text = Text("The O'Clock THE gmt Gmt people's peoples w7 W299 w300 Year-Earlier Mid-year internationally "
                        + "dec Dec.")
        let tokens = Tokenizer.standard.tokenize(text)
        let hashes = TokenHashes(text: text, tokens: tokens)
        var compared = 0
        text.bytes.withUnsafeBufferPointer { bytes in
            for (i, t) in tokens.enumerated() where hashes.isASCII[i] {
                #expect(table.lookup(hashes.values[i]) == map.value(in: bytes, t.range), "\(text[t.range])")
                compared += 1
            }
        }
        #expect(compared == tokens.count)
        // "people's" is found through the curly key folded to "'".
        let peoples = 24..<32
        #expect(text[peoples] == "people's")
        #expect(text.bytes.withUnsafeBufferPointer { table.lookup(WordHash.of($0, peoples)) } == 3)
    }

    /// No table where `| 0x20` would read a key otherwise than lowercasing, where two words fold to one key, or
    /// where the table's folding keeps case.
    @Test func noTableWhereTheHashCouldMisread() {
        func table(_ words: [String: Int], _ fold: (some ByteFolding).Type) -> Bool {
            WordHashTable.forASCIITokens(words, foldedAs: fold) != nil
        }
        #expect(!table(["a@b": 1, "c": 2], CaseAndApostrophe.self))
        #expect(!table(["snake_case": 1], CaseAndApostrophe.self))
        #expect(!table(["GMT": 1, "gmt": 2], ASCIICase.self))
        // The hash reads case away: a table that keeps case apart cannot be one.
        #expect(!table(["gmt": 1], ExactBytes.self))
        #expect(table(["gmt": 1], ASCIICase.self))
    }
}

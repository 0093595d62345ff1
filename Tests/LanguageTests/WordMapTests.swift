import Testing
@testable import Language

@Suite struct WordMapTests {
    @Test func findsEveryWordAndNothingElse() {
        var words = [String: Int]()
        for (i, w) in ["the", "a", "year-earlier", "tōkyō", "", "yesterday", "x"].enumerated() { words[w] = i }
        // Enough words to wrap around the table and collide.
        for i in 0..<500 { words["w\(i)"] = 1_000 + i }
        let map = WordMap(words)
        for (word, value) in words { #expect(map[word] == value, "\(word)") }
        for absent in ["th", "thee", "The", "tokyo", "w500", "year", "yesterday."] { #expect(map[absent] == nil, "\(absent)") }
        let bytes = Array("xthe".utf8)
        #expect(bytes.withUnsafeBufferPointer { map.value(for: UnsafeBufferPointer(rebasing: $0[1...])) } == 0)
    }
}

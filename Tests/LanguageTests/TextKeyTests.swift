import Testing
@testable import Language

@Suite struct TextKeyTests {
    @Test func findsEveryKeyAndNothingElse() {
        var table = [TextKey: Int]()
        // Short keys (one partial chunk), keys of exactly eight and sixteen bytes, long and non-ASCII ones.
        var words = ["", "a", "hu", "abe shinzo", "takaichi", "12345678", "1234567812345678", "lee myung-bak",
                     "people's bank of china", "tōkyō", "zürich"]
        for i in 0..<300 { words.append("name \(i)") }
        for (i, w) in words.enumerated() { table[TextKey(w)] = i }
        #expect(table.count == words.count)
        for (i, w) in words.enumerated() { #expect(table[TextKey(w)] == i, "\(w)") }
        for absent in ["b", "takaichi ", "1234567", "123456781234567", "name 300", "Hu", "tokyo"] {
            #expect(table[TextKey(absent)] == nil, "\(absent)")
        }
    }

    @Test func equalKeysHashAlike() {
        let a = TextKey("Liberal Democratic Party")
        let b = TextKey(String("Liberal Democratic Party".reversed().reversed()))
        #expect(a == b && a.hashValue == b.hashValue)
        var set = Set<TextKey>()
        set.insert(a)
        #expect(set.contains(b) && !set.contains(TextKey("Liberal Democratic party")))
    }

    @Test func normalizationVariantsAreDifferentKeys() {
        // "é" precomposed and as "e" with a combining accent: equal as Strings, different bytes.
        let composed = TextKey("caf\u{E9}"), decomposed = TextKey("cafe\u{301}")
        #expect(composed.string == decomposed.string)
        #expect(composed != decomposed)
        #expect(Set([composed, decomposed]).count == 2)
    }
}

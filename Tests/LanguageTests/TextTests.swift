import Testing
@testable import Language

@Suite struct CodePointMapTests {
    /// Offsets are code points: a multi-byte character anywhere (inside the first eight-byte word, across
    /// words, in the tail) shifts the offsets after it; pure ASCII maps every offset to itself.
    @Test func offsetsCountCodePointsWhereverTheFirstNonASCIIByteIs() {
        for position in 0..<20 {
            var s = String(repeating: "a", count: 19)
            s.insert("é", at: s.index(s.startIndex, offsetBy: position))
            let map = CodePointMap(Text(s))
            #expect(map(position) == position && map(position + 2) == position + 1 && map(21) == 20)
        }
        let ascii = CodePointMap(Text(String(repeating: "b", count: 17)))
        #expect((0...17).allSatisfy { ascii($0) == $0 })
    }
}

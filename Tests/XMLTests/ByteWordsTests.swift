import Testing
@testable import XML

@Suite struct ByteWordsTests {
    /// The word tests are exact: for every byte value in every lane of a word, they say yes exactly when the
    /// byte is the value sought (or below the limit), whatever the other lanes hold.
    @Test func wordTestsAreExactInEveryLane() {
        for filler: UInt8 in [0x00, 0x41, 0x80, 0xFF] {
            for lane in 0..<8 {
                for b in 0...255 {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[lane] = UInt8(b)
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    #expect(ByteWords.contains(0x22, in: word) == bytes.contains(0x22), "byte \(b) lane \(lane)")
                    #expect(ByteWords.containsByte(below: 0x20, in: word) == bytes.contains { $0 < 0x20 },
                            "byte \(b) lane \(lane)")
                }
            }
        }
    }

    /// `isASCII` finds a byte above ASCII wherever it is: in the first word, across words, in the tail.
    @Test func isASCIIFindsAHighByteAnywhere() {
        for length in 0...24 {
            let plain = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            #expect(plain.withUnsafeBufferPointer { ByteWords.isASCII($0) })
            for position in 0..<length {
                var bytes = plain
                bytes[position] = 0x80
                #expect(!bytes.withUnsafeBufferPointer { ByteWords.isASCII($0) }, "length \(length) at \(position)")
            }
        }
    }

    /// `firstIndex` finds what a byte-at-a-time search finds, from every start, for the sought byte at every
    /// position of strings up to 24 bytes (across the eight-byte steps and the tail).
    @Test func firstIndexMatchesALinearSearch() {
        let word = { (w: UInt64) in ByteWords.contains(UInt8(ascii: "&"), in: w) }
        let byte = { (b: UInt8) in b == UInt8(ascii: "&") }
        for length in 0...24 {
            for position in 0...length {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                if position < length { bytes[position] = UInt8(ascii: "&") }
                for start in 0...length {
                    let expected = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? length
                    let found = bytes.withUnsafeBufferPointer {
                        ByteWords.firstIndex(in: $0, from: start, word: word, byte: byte)
                    }
                    #expect(found == expected, "length \(length), & at \(position), from \(start)")
                }
            }
        }
    }
}

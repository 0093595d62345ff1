import Testing
@testable import XML

@Suite struct DecimalTextTests {
    /// Integers are written from their digits, everything else by `description`: the text is the same.
    @Test func shortestIsDescription() {
        var values: [Double] = [0, -0.0, 1, -1, 3, 10, 99, 100, 12345, -98765, 0.5, 0.25, 1e-05, 1.5e300, -2.75,
                                9_007_199_254_740_991, 9_007_199_254_740_992, -9_007_199_254_740_991, 1e15, 1e16, 1e17,
                                .pi, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
                                4503599627370495.5]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            values.append(Double(Int.random(in: -1_000_000_000...1_000_000_000, using: &generator)))
            values.append(Double.random(in: -1e6...1e6, using: &generator))
        }
        for v in values { #expect(DecimalText.shortest(v) == v.description, "\(v)") }
    }

    @Test func wholeNumbersEndInPointZero() {
        #expect(DecimalText.shortest(42) == "42.0" && DecimalText.shortest(-7) == "-7.0")
    }
}

import Testing
@testable import Language

@Suite struct ArrayFillTests {
    /// `Array(filledWith:count:)` gives what `Array(repeating:count:)` gives, for trivial and reference-counted
    /// elements and for an empty count.
    @Test func fillsAsRepeatingDoes() {
        for count in [0, 1, 7, 1_000] {
            #expect([Int](filledWith: -1, count: count) == [Int](repeating: -1, count: count))
            #expect([Bool](filledWith: true, count: count) == [Bool](repeating: true, count: count))
            #expect([String?](filledWith: "word", count: count) == [String?](repeating: "word", count: count))
            #expect([String?](filledWith: nil, count: count).count == count)
        }
    }
}

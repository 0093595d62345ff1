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

    /// `refill(with:count:)` leaves `count` copies of the value whatever the array held, shorter or longer, within
    /// its capacity or past it; `resize(to:padding:)` keeps the elements it keeps and pads with the value.
    @Test func refillsAndResizesInPlace() {
        for (start, count) in [(0, 5), (10, 3), (3, 10), (1_000, 1_000), (5, 0)] {
            var words = (0..<start).map { "w\($0)" }
            words.reserveCapacity(8)
            words.refill(with: "x", count: count)
            #expect(words == [String](repeating: "x", count: count))

            var numbers = Array(0..<start)
            numbers.reserveCapacity(8)
            numbers.resize(to: count, padding: -1)
            #expect(numbers == Array(0..<min(start, count)) + [Int](repeating: -1, count: max(0, count - start)))
        }
        // Within the capacity, the storage is kept.
        var kept = [Int](filledWith: 7, count: 100)
        kept.refill(with: 0, count: 10)
        let capacity = kept.capacity
        kept.refill(with: 1, count: 90)
        #expect(kept.capacity == capacity)
        #expect(kept == [Int](repeating: 1, count: 90))
    }

    /// `takeEmptied()` moves the storage out empty, with its capacity, and leaves the source empty.
    @Test func takesStorageOutEmptied() {
        var words = (0..<50).map { "w\($0)" }
        let capacity = words.capacity
        let taken = words.takeEmptied()
        #expect(taken.isEmpty && taken.capacity == capacity)
        #expect(words.isEmpty)
        var table = Dictionary(uniqueKeysWithValues: (0..<50).map { ("k\($0)", $0) })
        let room = table.capacity
        let takenTable = table.takeEmptied()
        #expect(takenTable.isEmpty && takenTable.capacity == room)
        #expect(table.isEmpty)
    }
}

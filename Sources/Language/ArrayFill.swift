extension Array {
    /// `count` copies of `value`, as `Array(repeating:count:)` makes them, by a cheaper road for the arrays made
    /// once per document: `Array(repeating:count:)` and `Array(unsafeUninitializedCapacity:)` allocate through a
    /// standard-library function that is never specialized, so each call looks the array's storage class up in
    /// the runtime's generic-metadata cache (about 540 instructions); copying a `repeatElement` collection is
    /// specialized for `Element` and finds that class through a cached accessor.
    @inlinable
    public init(filledWith value: Element, count: Int) {
        self.init(repeatElement(value, count: count))
    }

    /// Gives the array `count` elements in the storage it already has, for a caller that overwrites every one:
    /// the elements it keeps hold what they held, and any added are `value` (appended one by one within the
    /// capacity, grown once past it).
    @inlinable
    public mutating func resize(to count: Int, padding value: Element) {
        if self.count > count {
            removeLast(self.count - count)
        } else if count > capacity {
            append(contentsOf: repeatElement(value, count: count - self.count))
        } else {
            while self.count < count { append(value) }
        }
    }

    /// The array's storage, emptied, moved out (the array left empty), for a caller that fills it and gives it
    /// back: the working arrays a stage keeps from one document to the next. Emptied only when it holds
    /// something: emptying an empty array still runs the generic `replaceSubrange`.
    @inlinable
    public mutating func takeEmptied() -> [Element] {
        var taken = [Element]()
        swap(&taken, &self)
        if !taken.isEmpty { taken.removeAll(keepingCapacity: true) }
        return taken
    }

    /// Makes the array `count` copies of `value` in the storage it already has, for the per-document arrays a
    /// worker keeps across a group's documents: the elements it has are overwritten in place, the rest appended
    /// one by one within the capacity (`append(contentsOf: repeatElement…)` cost about 1,700 instructions a call).
    /// Past the capacity, a new array is made.
    @inlinable
    public mutating func refill(with value: Element, count: Int) {
        guard count <= capacity else {
            self = Array(filledWith: value, count: count)
            return
        }
        if self.count > count { removeLast(self.count - count) }
        withUnsafeMutableBufferPointer { $0.update(repeating: value) }
        while self.count < count { append(value) }
    }
}

extension Dictionary {
    /// `Array.takeEmptied` for a stage's per-document tables.
    @inlinable
    public mutating func takeEmptied() -> [Key: Value] {
        var taken = [Key: Value]()
        swap(&taken, &self)
        if !taken.isEmpty { taken.removeAll(keepingCapacity: true) }
        return taken
    }
}

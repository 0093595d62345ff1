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
}

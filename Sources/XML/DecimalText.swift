/// An integer's decimal digits written straight into memory: the numbers of the JSON writers (`JSONOutput`,
/// the exports' `ByteSink`) and of the XML fast path, without building a `String` for each. In the XML module,
/// the lowest one all three writers reach.
public enum DecimalText {
    /// How many bytes `value` takes, its minus sign included.
    @inlinable @inline(__always)
    public static func length(of value: Int) -> Int {
        // Most numbers written are offsets and counts of a few digits: compared, not divided.
        let sign = value < 0 ? 1 : 0
        var m = value.magnitude
        if m < 10 { return sign + 1 }
        if m < 100 { return sign + 2 }
        if m < 1000 { return sign + 3 }
        if m < 10000 { return sign + 4 }
        if m < 100_000 { return sign + 5 }
        var length = sign
        repeat { length += 1; m /= 10 } while m > 0
        return length
    }

    /// Writes `value` at `out`, which has room for `length(of: value)` bytes, and returns that length.
    @inlinable @inline(__always)
    public static func write(_ value: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        let length = length(of: value)
        if value < 0 { out[0] = UInt8(ascii: "-") }
        var n = value.magnitude
        var i = length - 1
        repeat {
            out[i] = 48 + UInt8(n % 10)
            n /= 10
            i -= 1
        } while n > 0
        return length
    }
}

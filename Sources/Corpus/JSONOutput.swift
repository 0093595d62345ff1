/// A minimal streaming JSON writer into a byte buffer, for the pipeline's machine-readable outputs
/// (`extract` lines, `graph.json`). Hand-written because Foundation's encoders dominate the cost of a
/// 40 MB/s pipeline and do not keep key order.
public struct JSONOutput: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// One bit per open level, innermost lowest: whether the next value there needs a comma first. A bit
    /// stack rather than an array of flags, since it is touched for every value written.
    private var commas: UInt64 = 0
    private var depth = 0

    public init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        commas = 0
        depth = 0
    }

    @inline(__always)
    private mutating func separate() {
        if commas & 1 != 0 { bytes.append(UInt8(ascii: ",")) }
        commas |= 1
    }

    @inline(__always)
    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        precondition(depth < 63, "JSONOutput nests at most 63 levels")
        depth += 1
        commas <<= 1
    }

    @inline(__always)
    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        depth -= 1
        commas >>= 1
    }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func beginArray() { open(UInt8(ascii: "[")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes `"name":`; the next value written is the member's value. Names are literals written in the
    /// code, none of which needs escaping, so their bytes go out as they are (an `extract` line has a dozen
    /// keys per mention).
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { utf8 in
            assert(!utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }, "key needs escaping")
            bytes.append(contentsOf: utf8)
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        commas &= ~1
    }

    public mutating func string(_ value: String?) {
        separate()
        guard let value else { bytes.append(contentsOf: "null".utf8); return }
        appendString(value)
    }

    public mutating func int(_ value: Int?) {
        separate()
        guard let value else { bytes.append(contentsOf: "null".utf8); return }
        appendDecimal(value)
    }

    /// Writes an integer's digits straight into the buffer (offsets are most of an `extract` line's numbers).
    private mutating func appendDecimal(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var n = value.magnitude
        if n < 10 { bytes.append(48 + UInt8(n)); return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            while n > 0 {
                digits[19 - count] = 48 + UInt8(n % 10)
                n /= 10
                count += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(20 - count)...]))
        }
    }

    public mutating func double(_ value: Double?) {
        separate()
        guard let value, value.isFinite else { bytes.append(contentsOf: "null".utf8); return }
        bytes.append(contentsOf: "\(value)".utf8)
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// Appends bytes that are already JSON (e.g. a line encoded elsewhere).
    public mutating func append(raw: [UInt8]) { bytes.append(contentsOf: raw) }

    public mutating func null() { separate(); bytes.append(contentsOf: "null".utf8) }

    /// Ends a JSON-lines record: the next value starts a new top-level value.
    public mutating func newline() {
        bytes.append(10)
        commas = 0
        depth = 0
    }

    /// Member shorthands.
    public mutating func member(_ name: StaticString, _ value: String?) { key(name); string(value) }
    public mutating func member(_ name: StaticString, _ value: Int?) { key(name); int(value) }
    public mutating func member(_ name: StaticString, _ value: Double?) { key(name); double(value) }

    private mutating func appendString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            // Most values need no escape: the quotes and the bytes go in as they are.
            if JSONString.needsNoEscape(utf8) {
                bytes.append(UInt8(ascii: "\""))
                bytes.append(contentsOf: utf8)
                bytes.append(UInt8(ascii: "\""))
            } else {
                JSONString.write(utf8) { bytes.append(contentsOf: $0) }
            }
        }
    }
}

import XML

/// A minimal streaming JSON writer into a byte buffer, for the pipeline's machine-readable outputs
/// (`extract` lines, query answers). Hand-written because Foundation's encoders dominate the cost of a
/// 40 MB/s pipeline and do not keep key order.
///
/// Bytes are written through a pointer held in the struct itself: `Array.append` checks uniqueness and
/// capacity for every byte, and a class's stored properties pay exclusivity checks on every access, which
/// made one key cost ~200 instructions. Here one check covers each piece. Copies share the buffer until one
/// of them writes (copy on write, through `owner`).
public struct JSONOutput: @unchecked Sendable {
    private var owner: ByteAllocation
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes have been written.
    public private(set) var count = 0
    /// One bit per open level, innermost lowest: whether the next value there needs a comma first. A bit
    /// stack rather than an array of flags, since it is touched for every value written.
    private var commas: UInt64 = 0
    private var depth = 0

    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        owner = ByteAllocation(capacity: self.capacity)
        base = owner.base
    }

    /// The bytes written so far (a copy).
    public var bytes: [UInt8] { withBytes { Array($0) } }

    /// Hands `body` the bytes written so far, without copying them.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }

    public mutating func reset() {
        reserve(0)
        count = 0
        commas = 0
        depth = 0
    }

    // MARK: - Raw writes

    /// Makes room for `extra` more bytes in a buffer no copy shares.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity || !isKnownUniquelyReferenced(&owner) { reallocate(count + extra) }
    }

    private mutating func reallocate(_ needed: Int) {
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        let fresh = ByteAllocation(capacity: newCapacity)
        fresh.base.update(from: base, count: count)
        owner = fresh
        base = fresh.base
        capacity = newCapacity
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    private mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    // MARK: - Structure

    @inline(__always)
    private mutating func separate() {
        if commas & 1 != 0 { append(UInt8(ascii: ",")) }
        commas |= 1
    }

    @inline(__always)
    private mutating func open(_ bracket: UInt8) {
        separate()
        append(bracket)
        precondition(depth < 63, "JSONOutput nests at most 63 levels")
        depth += 1
        commas <<= 1
    }

    @inline(__always)
    private mutating func close(_ bracket: UInt8) {
        append(bracket)
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
        reserve(name.utf8CodeUnitCount + 4)
        count += JSONString.writeKey(name, comma: commas & 1 != 0, to: base + count)
        commas &= ~1
    }

    // MARK: - Values

    public mutating func string(_ value: String?) {
        separate()
        guard let value else { append("null"); return }
        appendString(value)
    }

    /// `string(_:)` for a value that is there: wrapping it in an Optional would copy it (a retain and a
    /// release) for every value written.
    public mutating func string(_ value: String) {
        separate()
        appendString(value)
    }

    public mutating func int(_ value: Int?) {
        separate()
        guard let value else { append("null"); return }
        appendDecimal(value)
    }

    /// Writes an integer's digits straight into the buffer (offsets are most of an `extract` line's numbers).
    private mutating func appendDecimal(_ value: Int) {
        reserve(20)  // the longest Int, "-9223372036854775808"
        count += DecimalText.write(value, to: base + count)
    }

    public mutating func double(_ value: Double?) {
        separate()
        guard let value, value.isFinite else { append("null"); return }
        var text = "\(value)"
        text.withUTF8 { append($0) }
    }

    public mutating func bool(_ value: Bool) {
        separate()
        append(value ? "true" : "false")
    }

    /// Appends bytes that are already JSON (e.g. a line encoded elsewhere).
    public mutating func append(raw: [UInt8]) { raw.withUnsafeBufferPointer { append($0) } }

    public mutating func null() { separate(); append("null") }

    /// Ends a JSON-lines record: the next value starts a new top-level value.
    public mutating func newline() {
        append(10)
        commas = 0
        depth = 0
    }

    /// Member shorthands.
    public mutating func member(_ name: StaticString, _ value: String?) { key(name); string(value) }
    public mutating func member(_ name: StaticString, _ value: String) { key(name); string(value) }
    public mutating func member(_ name: StaticString, _ value: Int?) { key(name); int(value) }
    public mutating func member(_ name: StaticString, _ value: Double?) { key(name); double(value) }

    private mutating func appendString(_ value: String) {
        // Native strings lend their bytes as they are; `withUTF8` would need a mutable copy of each (a retain
        // and a release per value written).
        if let done = value.utf8.withContiguousStorageIfAvailable({ appendString(utf8: $0) }) { return done }
        var value = value
        value.withUTF8 { appendString(utf8: $0) }
    }

    private mutating func appendString(utf8: UnsafeBufferPointer<UInt8>) {
        // Most values need no escape: the quotes and the bytes go in as they are.
        if JSONString.needsNoEscape(utf8) {
            reserve(utf8.count + 2)
            count += JSONString.writePlain(utf8, to: base + count)
        } else {
            JSONString.write(utf8) { append($0) }
        }
    }
}

/// The memory behind a `JSONOutput`, freed with the last copy that uses it.
final class ByteAllocation {
    let base: UnsafeMutablePointer<UInt8>

    init(capacity: Int) { base = .allocate(capacity: capacity) }

    deinit { base.deallocate() }
}

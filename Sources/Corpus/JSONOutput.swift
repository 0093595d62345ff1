import Foundation
import XML

/// A minimal streaming JSON writer into a byte buffer, for the pipeline's machine-readable outputs
/// (`extract` lines, query answers). Hand-written because Foundation's encoders dominate the cost of a
/// 40 MB/s pipeline and do not keep key order.
///
/// Bytes are written through a pointer held in the struct itself: `Array.append` checks uniqueness and
/// capacity for every byte, and a class's stored properties pay exclusivity checks on every access, which
/// made one key cost ~200 instructions. Here one check covers each piece. Copies share the buffer until one
/// of them writes (copy on write, through `owner`).
///
/// The writes are inlinable: `extract` writes a line's keys and values from another module, where each was a
/// call that did a few instructions of work.
public struct JSONOutput: @unchecked Sendable {
    @usableFromInline var owner: ByteAllocation
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var capacity: Int
    @usableFromInline var written = 0
    /// One bit per open level, innermost lowest: whether the next value there needs a comma first. A bit
    /// stack rather than an array of flags, since it is touched for every value written.
    @usableFromInline var commas: UInt64 = 0
    @usableFromInline var depth = 0

    /// How many bytes have been written.
    public var count: Int { written }

    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        owner = ByteAllocation(capacity: self.capacity)
        base = owner.base
    }

    /// The bytes written so far (a copy).
    public var bytes: [UInt8] { withBytes { Array($0) } }

    /// Hands `body` the bytes written so far, without copying them.
    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(start: base, count: written)) }
    }

    public mutating func reset() {
        reserve(0)
        written = 0
        commas = 0
        depth = 0
    }

    // MARK: - Raw writes

    /// Makes room for `extra` more bytes in a buffer no copy shares.
    @inlinable @inline(__always)
    mutating func reserve(_ extra: Int) {
        if written + extra > capacity || !isKnownUniquelyReferenced(&owner) { reallocate(written + extra) }
    }

    @usableFromInline
    mutating func reallocate(_ needed: Int) {
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        let fresh = ByteAllocation(capacity: newCapacity)
        fresh.base.update(from: base, count: written)
        owner = fresh
        base = fresh.base
        capacity = newCapacity
    }

    @inlinable @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[written] = byte
        written += 1
    }

    @inlinable @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + written).update(from: source, count: bytes.count)
        written += bytes.count
    }

    @inlinable @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    // MARK: - Structure

    @inlinable @inline(__always)
    mutating func separate() {
        if commas & 1 != 0 { append(UInt8(ascii: ",")) }
        commas |= 1
    }

    @inlinable @inline(__always)
    mutating func open(_ bracket: UInt8) {
        separate()
        append(bracket)
        precondition(depth < 63, "JSONOutput nests at most 63 levels")
        depth += 1
        commas <<= 1
    }

    @inlinable @inline(__always)
    mutating func close(_ bracket: UInt8) {
        append(bracket)
        depth -= 1
        commas >>= 1
    }

    @inlinable public mutating func beginObject() { open(UInt8(ascii: "{")) }
    @inlinable public mutating func endObject() { close(UInt8(ascii: "}")) }
    @inlinable public mutating func beginArray() { open(UInt8(ascii: "[")) }
    @inlinable public mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Writes `"name":`; the next value written is the member's value. Names are literals written in the
    /// code, none of which needs escaping, so their bytes go out as they are (an `extract` line has a dozen
    /// keys per mention).
    @inlinable public mutating func key(_ name: StaticString) {
        reserve(name.utf8CodeUnitCount + 4)
        written += JSONString.writeKey(name, comma: commas & 1 != 0, to: base + written)
        commas &= ~1
    }

    // MARK: - Values

    @inlinable public mutating func string(_ value: String?) {
        separate()
        guard let value else { append("null"); return }
        appendString(value)
    }

    /// `string(_:)` for a value that is there: wrapping it in an Optional would copy it (a retain and a
    /// release) for every value written.
    @inlinable public mutating func string(_ value: String) {
        separate()
        appendString(value)
    }

    @inlinable public mutating func int(_ value: Int?) {
        separate()
        guard let value else { append("null"); return }
        appendDecimal(value)
    }

    /// Writes an integer's digits straight into the buffer (offsets are most of an `extract` line's numbers).
    @inlinable
    mutating func appendDecimal(_ value: Int) {
        reserve(20)  // the longest Int, "-9223372036854775808"
        written += DecimalText.write(value, to: base + written)
    }

    public mutating func double(_ value: Double?) {
        separate()
        guard let value, value.isFinite else { append("null"); return }
        var text = "\(value)"
        text.withUTF8 { append($0) }
    }

    @inlinable public mutating func bool(_ value: Bool) {
        separate()
        append(value ? "true" : "false")
    }

    @inlinable public mutating func null() { separate(); append("null") }

    /// Ends a JSON-lines record: the next value starts a new top-level value.
    @inlinable public mutating func newline() {
        append(10)
        commas = 0
        depth = 0
    }

    /// Member shorthands.
    @inlinable public mutating func member(_ name: StaticString, _ value: String?) { key(name); string(value) }
    @inlinable public mutating func member(_ name: StaticString, _ value: String) { key(name); string(value) }
    @inlinable public mutating func member(_ name: StaticString, _ value: Int?) { key(name); int(value) }
    public mutating func member(_ name: StaticString, _ value: Double?) { key(name); double(value) }

    @inlinable
    mutating func appendString(_ value: String) {
        // Native strings lend their bytes as they are; `withUTF8` would need a mutable copy of each (a retain
        // and a release per value written).
        if let done = value.utf8.withContiguousStorageIfAvailable({ appendString(utf8: $0) }) { return done }
        var value = value
        value.withUTF8 { appendString(utf8: $0) }
    }

    @inlinable
    mutating func appendString(utf8: UnsafeBufferPointer<UInt8>) {
        // Most values need no escape: the quotes and the bytes go in as they are.
        if JSONString.needsNoEscape(utf8) {
            reserve(utf8.count + 2)
            written += JSONString.writePlain(utf8, to: base + written)
        } else {
            JSONString.write(utf8) { append($0) }
        }
    }
}

extension JSONOutput {
    /// Writes one record (an object or array whose shape the caller knows, such as an `extract` mention)
    /// straight into the buffer through `body`, as the next value at this level. One check of room and
    /// ownership covers the record, where each key and value written one by one paid its own; the caller
    /// writes the record's punctuation and keys as literals.
    ///
    /// `maxBytes` must cover everything `body` writes: `JSONRecord.maxBytes` gives a string's worst case.
    @inlinable
    public mutating func record(maxBytes: Int, _ body: (inout JSONRecord) -> Void) {
        separate()
        reserve(maxBytes)
        var record = JSONRecord(at: base + written)
        body(&record)
        let count = base.distance(to: record.at)
        precondition(count - written <= maxBytes, "JSONOutput.record wrote past the room it reserved")
        written = count
    }
}

/// The write position inside a `JSONOutput.record`: writes go straight to memory already reserved.
public struct JSONRecord {
    @usableFromInline var at: UnsafeMutablePointer<UInt8>

    @inlinable
    init(at: UnsafeMutablePointer<UInt8>) { self.at = at }

    /// The most bytes `string(_:)` writes for `value`: every byte escaped as `\u00XX`, and the quotes.
    @inlinable
    public static func maxBytes(_ value: String) -> Int { value.utf8.count * 6 + 2 }

    /// The most bytes `strings(_:)` writes for `values`.
    @inlinable
    public static func maxBytes(_ values: [String]) -> Int {
        var total = 2
        for v in values { total += maxBytes(v) + 1 }
        return total
    }

    /// The most bytes `int(_:)` writes.
    public static let maxIntBytes = 20

    /// Bytes that are already JSON: the record's punctuation and keys (`{"start":`, `,"end":`).
    @inlinable @inline(__always)
    public mutating func raw(_ text: StaticString) {
        // `withUTF8Buffer`, not `utf8Start`: a one-character literal may be stored as a scalar, not bytes.
        let count = text.withUTF8Buffer { bytes in
            at.update(from: bytes.baseAddress!, count: bytes.count)
            return bytes.count
        }
        at += count
    }

    @inlinable @inline(__always)
    public mutating func int(_ value: Int) { at += DecimalText.write(value, to: at) }

    @inlinable
    public mutating func string(_ value: String) {
        if let done: Void = value.utf8.withContiguousStorageIfAvailable({ string(utf8: $0) }) { return done }
        var value = value
        value.withUTF8 { string(utf8: $0) }
    }

    /// A member after the record's first: `key` is its literal with the comma, quotes and colon (`,"end":`).
    /// Always inlined, so that the key's bytes are copied as constants.
    @inlinable @inline(__always)
    public mutating func member(_ key: StaticString, _ value: String) {
        raw(key)
        string(value)
    }

    @inlinable @inline(__always)
    public mutating func member(_ key: StaticString, _ value: String?) {
        raw(key)
        string(value)
    }

    @inlinable @inline(__always)
    public mutating func member(_ key: StaticString, _ value: Int) {
        raw(key)
        int(value)
    }

    /// An array of strings: `["a","b"]`.
    @inlinable
    public mutating func strings(_ values: [String]) {
        raw("[")
        for (k, value) in values.enumerated() {
            if k > 0 { raw(",") }
            string(value)
        }
        raw("]")
    }

    @inlinable
    public mutating func string(_ value: String?) {
        guard let value else { raw("null"); return }
        string(value)
    }

    @inlinable
    mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        // Most values (ids, types, kinds, dates, short names) are 4 to 16 bytes: two overlapping loads hold all
        // of them, are tested for escapes and stored as they are, where a string's own loop and `memcpy` call
        // cost several times as much.
        let n = utf8.count
        if n >= 4, n <= 16, let source = utf8.baseAddress {
            let raw = UnsafeRawPointer(source)
            let target = UnsafeMutableRawPointer(at + 1)
            if n >= 8 {
                let head = raw.loadUnaligned(as: UInt64.self)
                let tail = raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
                if !JSONString.wordNeedsEscape(head), !JSONString.wordNeedsEscape(tail) {
                    target.storeBytes(of: head, as: UInt64.self)
                    target.storeBytes(of: tail, toByteOffset: n - 8, as: UInt64.self)
                    closePlain(count: n)
                    return
                }
            } else {
                let head = raw.loadUnaligned(as: UInt32.self)
                let tail = raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
                if !JSONString.wordNeedsEscape(UInt64(head) | UInt64(tail) &<< 32) {
                    target.storeBytes(of: head, as: UInt32.self)
                    target.storeBytes(of: tail, toByteOffset: n - 4, as: UInt32.self)
                    closePlain(count: n)
                    return
                }
            }
        }
        if JSONString.needsNoEscape(utf8) {
            at += JSONString.writePlain(utf8, to: at)
        } else {
            JSONString.write(utf8) { piece in
                guard let source = piece.baseAddress else { return }
                at.update(from: source, count: piece.count)
                at += piece.count
            }
        }
    }
}

extension JSONRecord {
    /// The quotes around `count` bytes already stored after the opening one.
    @inlinable @inline(__always)
    mutating func closePlain(count: Int) {
        at[0] = UInt8(ascii: "\"")
        at[count + 1] = UInt8(ascii: "\"")
        at += count + 2
    }
}

/// The memory behind a `JSONOutput`, freed with the last copy that uses it.
@usableFromInline
final class ByteAllocation {
    @usableFromInline let base: UnsafeMutablePointer<UInt8>

    @usableFromInline
    init(capacity: Int) { base = .allocate(capacity: capacity) }

    deinit { base.deallocate() }
}

extension JSONOutput {
    /// Writes `outputs` one after another to `fd`, each from its own memory, up to 1,024 in one `writev(2)`:
    /// `extract`'s main thread had copied every line into one buffer before writing it, a sixth of its time.
    public static func write(_ outputs: [JSONOutput], to fd: Int32) throws {
        try withExtendedLifetime(outputs) {
            var vectors = outputs.map { iovec(iov_base: UnsafeMutableRawPointer($0.base), iov_len: $0.written) }
            var first = 0
            while first < vectors.count {
                if vectors[first].iov_len == 0 {
                    first += 1
                    continue
                }
                let count = min(vectors.count - first, 1024)  // IOV_MAX on Linux
                let written = vectors.withUnsafeBufferPointer { writev(fd, $0.baseAddress! + first, Int32(count)) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw SystemCallError(code: errno)
                }
                if written == 0 { throw SystemCallError(code: EIO) }  // nothing written of a non-empty line: no progress
                // Past the vectors written whole; a vector written in part goes on from where it stopped.
                var left = written
                while left > 0 {
                    if left >= vectors[first].iov_len {
                        left -= vectors[first].iov_len
                        first += 1
                    } else {
                        vectors[first].iov_base += left
                        vectors[first].iov_len -= left
                        left = 0
                    }
                }
            }
        }
    }
}

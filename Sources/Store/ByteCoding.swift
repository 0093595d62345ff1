/// The binary encoding shared by the store's compact values (a document's contribution, the events a graph
/// build spills): unsigned LEB128 varints, strings as UTF-8 length then bytes, an optional
/// string as 0 for none or length + 1.

/// Appends varints and length-prefixed strings.
struct ByteWriter {
    var bytes = [UInt8]()

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ value: Int) { varint(UInt64(max(0, value))) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional(_ s: String?) {
        guard var s else { varint(0); return }
        s.withUTF8 { utf8 in
            int(utf8.count + 1)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }

    mutating func indices(_ list: [Int32]) {
        int(list.count)
        for i in list { int(Int(i)) }
    }
}

/// Reads what `ByteWriter` wrote; every read returns nil past the end or on a value out of range, so a
/// damaged blob is reported, never trusted.
struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { position == bytes.count }

    mutating func varint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count, shift < 64 {
            let b = bytes[position]
            position += 1
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    mutating func int() -> Int? {
        guard let v = varint(), v <= UInt64(Int32.max) else { return nil }
        return Int(v)
    }

    /// The next `count` bytes, skipped over.
    mutating func slice(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count <= bytes.count - position else { return nil }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + count)])
        position += count
        return slice
    }

    private mutating func utf8(count: Int) -> String? {
        guard count <= bytes.count - position else { return nil }
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<(position + count)]), as: UTF8.self)
        position += count
        return s
    }

    mutating func string() -> String? {
        guard let n = int() else { return nil }
        return utf8(count: n)
    }

    /// `.some(nil)` for an absent value, nil for a damaged one.
    mutating func optional() -> String?? {
        guard let n = int() else { return nil }
        if n == 0 { return .some(nil) }
        guard let s = utf8(count: n - 1) else { return nil }
        return .some(s)
    }

    mutating func strings() -> [String]? {
        guard let n = int(), n <= bytes.count - position else { return nil }
        var list = [String]()
        list.reserveCapacity(n)
        for _ in 0..<n {
            guard let s = string() else { return nil }
            list.append(s)
        }
        return list
    }

    mutating func indices(below limit: Int) -> [Int32]? {
        guard let n = int(), n <= bytes.count - position else { return nil }
        var list = [Int32]()
        list.reserveCapacity(n)
        for _ in 0..<n {
            guard let i = int(), i < limit else { return nil }
            list.append(Int32(i))
        }
        return list
    }
}

/// Hand-written JSON output on a `ByteSink`: strings are escaped byte by byte (RFC 8259), which is several
/// times faster than building `[String: Any]` for `JSONSerialization` on graphs with millions of values.
extension ByteSink {
    mutating func jsonString(_ value: String) {
        append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                if i > start { append(bytes: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
                start = i + 1
                switch b {
                case UInt8(ascii: "\""): append("\\\"")
                case UInt8(ascii: "\\"): append("\\\\")
                case 0x0A: append("\\n")
                case 0x0D: append("\\r")
                case 0x09: append("\\t")
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    append("\\u00")
                    append(hex[Int(b >> 4)])
                    append(hex[Int(b & 0xF)])
                }
            }
            if start < bytes.count { append(bytes: UnsafeBufferPointer(rebasing: bytes[start...])) }
        }
        append(UInt8(ascii: "\""))
    }

    mutating func jsonString(_ value: String?) {
        if let value { jsonString(value) } else { append("null") }
    }

    mutating func jsonNumber(_ value: Int) { append(String(value)) }

    /// Non-finite numbers have no JSON form and become null.
    mutating func jsonNumber(_ value: Double) {
        if value.isFinite { append(value.description) } else { append("null") }
    }

    mutating func jsonStrings(_ values: [String]) {
        append(UInt8(ascii: "["))
        for (i, v) in values.enumerated() {
            if i > 0 { append(UInt8(ascii: ",")) }
            jsonString(v)
        }
        append(UInt8(ascii: "]"))
    }

    /// `"key":` (keys are our own ASCII literals and need no escaping).
    mutating func jsonKey(_ key: StaticString, first: Bool = false) {
        if !first { append(UInt8(ascii: ",")) }
        append(UInt8(ascii: "\""))
        append(key)
        append("\":")
    }
}

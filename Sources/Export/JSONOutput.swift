import Corpus

/// Hand-written JSON output on a `ByteSink` (strings quoted by `Corpus.JSONString`), which is several
/// times faster than building `[String: Any]` for `JSONSerialization` on graphs with millions of values.
extension ByteSink {
    mutating func jsonString(_ value: String) {
        JSONString.write(value) { append(bytes: $0) }
    }

    mutating func jsonString(_ value: String?) {
        if let value { jsonString(value) } else { append("null") }
    }

    mutating func jsonNumber(_ value: Int) { appendDecimal(value) }

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
        append(UInt8(ascii: "\""))
        append(UInt8(ascii: ":"))
    }
}

import Corpus

/// Hand-written JSON output on a `ByteSink` (strings quoted by `Corpus.JSONString`), which is several
/// times faster than building `[String: Any]` for `JSONSerialization` on graphs with millions of values.
extension ByteSink {
    mutating func jsonString(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            // Most values need no escape: quotes and bytes go in with one room check (the chunked writer
            // cost ~500 instructions a string).
            if JSONString.needsNoEscape(utf8), let out = room(utf8.count + 2) {
                wrote(JSONString.writePlain(utf8, to: out))
            } else {
                JSONString.write(utf8) { append(bytes: $0) }
            }
        }
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
        // A key is a literal of a few letters: it always fits the sink's buffer.
        guard let out = room(key.utf8CodeUnitCount + 4) else { preconditionFailure("JSON key longer than the buffer") }
        wrote(JSONString.writeKey(key, comma: !first, to: out))
    }
}

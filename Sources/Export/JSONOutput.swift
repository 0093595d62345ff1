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
                out[0] = UInt8(ascii: "\"")
                if let source = utf8.baseAddress { (out + 1).update(from: source, count: utf8.count) }
                out[utf8.count + 1] = UInt8(ascii: "\"")
                wrote(utf8.count + 2)
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
        let length = key.utf8CodeUnitCount
        guard var out = room(length + 4) else {
            if !first { append(UInt8(ascii: ",")) }
            append(UInt8(ascii: "\""))
            append(key)
            append(UInt8(ascii: "\""))
            append(UInt8(ascii: ":"))
            return
        }
        let start = out
        if !first { out.pointee = UInt8(ascii: ","); out += 1 }
        out.pointee = UInt8(ascii: "\"")
        for i in 0..<length { out[1 + i] = key.utf8Start[i] }
        out += length + 1
        out[0] = UInt8(ascii: "\"")
        out[1] = UInt8(ascii: ":")
        wrote(out + 2 - start)
    }
}

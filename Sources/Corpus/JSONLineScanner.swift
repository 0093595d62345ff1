import XML

/// Parses one JSON-lines record: a JSON object whose top-level members are kept (strings decoded, numbers as
/// written) and whose nested values are checked and skipped.
///
/// Hand-written because Foundation's `JSONSerialization` spent ~85 instructions per input byte here (most of
/// it building `NSString`s and generic metadata for every string), about a tenth of `extract`'s work; this
/// scanner reads the line's bytes once. It follows RFC 8259 and is lenient where news feeds are messy and
/// nothing is ambiguous, as Foundation is about trailing commas: a leading byte order mark, raw control
/// characters inside strings, and a trailing comma before `}` or `]` are accepted, and an unpaired UTF-16
/// surrogate escape becomes U+FFFD instead of losing the document.
public enum JSONLineScanner {
    /// A top-level member's value. Nested arrays and objects are validated but not kept.
    public enum Value: Equatable, Sendable {
        case string(String)
        /// The number's literal text, as written ("12", "1e3").
        case number(String)
        case bool(Bool)
        case null
        case array
        case object
    }

    public struct SyntaxError: Error, CustomStringConvertible, Sendable {
        /// What was wrong, and the 1-based byte offset where it was found.
        public let description: String
    }

    /// What a line holds: an object's members, or another value (reported as "expected a JSON object, found …").
    public enum Found: Sendable {
        case object([(key: String, value: Value)])
        case other(Value)
    }

    /// Parses `line` (one whole JSON text). Members come in line order; a repeated key appears twice.
    public static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> Found {
        var members = [(key: String, value: Value)]()
        let other = try forEachMember(of: line) { key, value in
            members.append((String(decoding: key, as: UTF8.self), value))
        }
        if let other { return .other(other) }
        return .object(members)
    }

    /// Parses `line` as `parse` does, handing each top-level member to `member` as it is read, in line order:
    /// its key's decoded UTF-8 bytes (valid only during the call) and its value. Returns the line's value when
    /// it is not an object, nil when it is.
    ///
    /// A reader that wants a few keys compares their bytes here: `parse`'s array of members, and the strings,
    /// copies and comparisons of its keys, cost about 3,000 instructions per document.
    public static func forEachMember(
        of line: UnsafeBufferPointer<UInt8>,
        _ member: (_ key: UnsafeBufferPointer<UInt8>, _ value: Value) -> Void
    ) throws(SyntaxError) -> Value? {
        var scanner = JSONScanner(bytes: line)
        scanner.skipByteOrderMark()
        scanner.skipSpace()
        var other: Value?
        if scanner.peek == UInt8(ascii: "{") {
            try scanner.topLevelObject(member)
        } else {
            other = try scanner.value(depth: 0)
        }
        scanner.skipSpace()
        guard scanner.atEnd else { throw scanner.error("unexpected text after the JSON value") }
        return other
    }

    /// Parses `line`; see `parse(_:)` for buffers.
    public static func parse(_ line: [UInt8]) throws(SyntaxError) -> Found {
        try line.withUnsafeBufferPointer { (buffer) throws(SyntaxError) in try parse(buffer) }
    }

    /// Containers nested deeper than this are refused rather than risking the stack.
    static let maximumDepth = 512
}

/// The byte-level reading both `JSONLineScanner` and `JSONCursor` are made of.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var at = 0

    var atEnd: Bool { at >= bytes.count }
    var peek: UInt8 { at < bytes.count ? bytes[at] : 0 }

    func error(_ what: String) -> JSONLineScanner.SyntaxError {
        JSONLineScanner.SyntaxError(description: "\(what) at byte \(min(at, bytes.count) + 1)")
    }

    mutating func skipByteOrderMark() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { at = 3 }
    }

    mutating func skipSpace() {
        while at < bytes.count {
            switch bytes[at] {
            case 0x20, 0x09, 0x0A, 0x0D: at += 1
            default: return
            }
        }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(JSONLineScanner.SyntaxError) {
        skipSpace()
        guard peek == byte else { throw error(atEnd ? "line ends where \(what) was expected" : "expected \(what)") }
        at += 1
    }

    mutating func topLevelObject(
        _ member: (UnsafeBufferPointer<UInt8>, JSONLineScanner.Value) -> Void
    ) throws(JSONLineScanner.SyntaxError) {
        at += 1  // {
        skipSpace()
        if peek == UInt8(ascii: "}") { at += 1; return }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else { throw error(atEnd ? "line ends inside an object" : "expected a quoted member name") }
            // A key without escapes (every key in practice) is handed on as its bytes in the line.
            let keyStart = at + 1
            try skipString()
            var decoded: String?
            if bytes[keyStart..<(at - 1)].contains(UInt8(ascii: "\\")) {
                at = keyStart - 1
                decoded = try string()
            }
            let keyEnd = at - 1
            try expect(UInt8(ascii: ":"), "':' after a member name")
            skipSpace()
            let value = try value(depth: 1)
            if var decoded {
                decoded.withUTF8 { member($0, value) }
            } else {
                member(UnsafeBufferPointer(rebasing: bytes[keyStart..<keyEnd]), value)
            }
            if try endOfMembers(UInt8(ascii: "}")) { return }
        }
    }

    /// After a member or element: true at the closing bracket (also after a trailing comma), false after a comma
    /// that another value follows.
    mutating func endOfMembers(_ close: UInt8) throws(JSONLineScanner.SyntaxError) -> Bool {
        skipSpace()
        if peek == close { at += 1; return true }
        guard peek == UInt8(ascii: ",") else {
            throw error(atEnd ? "line ends inside an \(close == UInt8(ascii: "}") ? "object" : "array")"
                              : "expected ',' or '\(Character(Unicode.Scalar(close)))'")
        }
        at += 1
        skipSpace()
        if peek == close { at += 1; return true }
        return false
    }

    mutating func value(depth: Int) throws(JSONLineScanner.SyntaxError) -> JSONLineScanner.Value {
        switch peek {
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < JSONLineScanner.maximumDepth else { throw error("values nested too deeply") }
            let isObject = peek == UInt8(ascii: "{")
            try skipContainer(depth: depth + 1)
            return isObject ? .object : .array
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try number())
        default:
            throw error(atEnd ? "line ends where a value was expected" : "unexpected character where a value was expected")
        }
    }

    mutating func skipContainer(depth: Int) throws(JSONLineScanner.SyntaxError) {
        let isObject = bytes[at] == UInt8(ascii: "{")
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        at += 1
        skipSpace()
        if peek == close { at += 1; return }
        while true {
            skipSpace()
            if isObject {
                guard peek == UInt8(ascii: "\"") else { throw error(atEnd ? "line ends inside an object" : "expected a quoted member name") }
                try skipString()
                try expect(UInt8(ascii: ":"), "':' after a member name")
                skipSpace()
            }
            _ = try value(depth: depth)
            if try endOfMembers(close) { return }
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONLineScanner.SyntaxError) {
        let n = word.utf8CodeUnitCount
        guard at + n <= bytes.count, (0..<n).allSatisfy({ bytes[at + $0] == word.utf8Start[$0] }) else {
            throw error("unexpected character where a value was expected")
        }
        at += n
    }

    mutating func number() throws(JSONLineScanner.SyntaxError) -> String {
        let start = at
        if peek == UInt8(ascii: "-") { at += 1 }
        guard isDigit(peek) else { throw error("a number needs a digit") }
        if peek == UInt8(ascii: "0") { at += 1 } else { while isDigit(peek) { at += 1 } }
        if peek == UInt8(ascii: ".") {
            at += 1
            guard isDigit(peek) else { throw error("a number needs a digit after '.'") }
            while isDigit(peek) { at += 1 }
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            at += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { at += 1 }
            guard isDigit(peek) else { throw error("a number needs a digit in its exponent") }
            while isDigit(peek) { at += 1 }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
    }

    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// Skips a string without decoding it (member names and strings inside nested values).
    mutating func skipString() throws(JSONLineScanner.SyntaxError) {
        at += 1
        while true {
            at = JSONScanner.nextQuoteOrBackslash(in: bytes, from: at)
            guard at < bytes.count else { break }
            if bytes[at] == UInt8(ascii: "\"") { at += 1; return }
            // A backslash.
            at += 1
            guard at < bytes.count else { break }
            if bytes[at] == UInt8(ascii: "u") {
                _ = try hex4(at + 1)
                at += 5
                continue
            }
            guard JSONScanner.simpleEscape(bytes[at]) != nil else { throw error("unknown escape") }
            at += 1
        }
        throw error("line ends inside a string")
    }

    /// Decodes the string starting at the opening quote; `at` ends after the closing quote.
    mutating func string() throws(JSONLineScanner.SyntaxError) -> String {
        at += 1
        let start = at
        // Most strings have no escape: their bytes are the value. Quotes and backslashes are looked for eight
        // bytes at a time (a document's text is most of a line).
        at = JSONScanner.nextQuoteOrBackslash(in: bytes, from: at)
        guard at < bytes.count else { throw error("line ends inside a string") }
        if bytes[at] == UInt8(ascii: "\"") {
            let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)
            at += 1
            return value
        }
        // An escaped value is never longer than its escaped form, so it is decoded in place into a string as long
        // as the rest of the line: one allocation, and runs copied without an array append's checks each.
        var failure: JSONLineScanner.SyntaxError?
        let capacity = bytes.count - start
        let value = String(unsafeUninitializedCapacity: capacity) { out -> Int in
            guard let base = out.baseAddress else { return 0 }
            let plain = at - start
            base.update(from: bytes.baseAddress! + start, count: plain)
            do throws(JSONLineScanner.SyntaxError) {
                return try decodeEscapes(into: base, count: plain)
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        // A short value early in a long line (a title before the text) is not left holding the line's length.
        guard value.utf8.count * 2 + 64 < capacity else { return value }
        var shared = value
        return shared.withUTF8 { String(decoding: $0, as: UTF8.self) }
    }

    /// Decodes from the backslash at `at` to the closing quote, writing after the `count` bytes already at
    /// `out`; returns the decoded length. `at` ends after the closing quote.
    private mutating func decodeEscapes(into out: UnsafeMutablePointer<UInt8>,
                                        count: Int) throws(JSONLineScanner.SyntaxError) -> Int {
        var n = count
        while at < bytes.count {
            if bytes[at] == UInt8(ascii: "\"") {
                at += 1
                return n
            }
            // A backslash.
            at += 1
            guard at < bytes.count else { break }
            let e = bytes[at]
            if e == UInt8(ascii: "u") {
                var scalar = try hex4(at + 1)
                at += 5
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    // A high surrogate pairs with a following "\uDC00"..."\uDFFF"; alone it cannot be text.
                    if at + 6 <= bytes.count, bytes[at] == UInt8(ascii: "\\"), bytes[at + 1] == UInt8(ascii: "u"),
                       let low = try? hex4(at + 2), low >= 0xDC00 && low < 0xE000 {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        at += 6
                    } else {
                        scalar = 0xFFFD
                    }
                } else if scalar >= 0xDC00 && scalar < 0xE000 {
                    scalar = 0xFFFD
                }
                UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}") { out[n] = $0; n += 1 }
            } else if let decoded = JSONScanner.simpleEscape(e) {
                out[n] = decoded
                n += 1
                at += 1
            } else {
                throw error("unknown escape")
            }
            let run = at
            at = JSONScanner.nextQuoteOrBackslash(in: bytes, from: at)
            (out + n).update(from: bytes.baseAddress! + run, count: at - run)
            n += at - run
        }
        throw error("line ends inside a string")
    }

    /// The index of the first quote or backslash from `start` on, or `bytes.count`.
    @inline(__always)
    static func nextQuoteOrBackslash(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        ByteWords.firstIndex(in: bytes, from: start,
                             word: { ByteWords.contains(0x22, in: $0) || ByteWords.contains(0x5C, in: $0) },
                             byte: { $0 == 0x22 || $0 == 0x5C })
    }

    static func simpleEscape(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "\""): return UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): return UInt8(ascii: "\\")
        case UInt8(ascii: "/"): return UInt8(ascii: "/")
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        default: return nil
        }
    }

    func hex4(_ i: Int) throws(JSONLineScanner.SyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("line ends inside a \\u escape") }
        var v: UInt32 = 0
        for k in i..<(i + 4) {
            let b = bytes[k]
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
            default: throw error("a \\u escape needs four hex digits")
            }
            v = v << 4 | UInt32(digit)
        }
        return v
    }
}

/// A pull reader over one JSON text, for a reader that knows the shape it expects (`extract` output read back):
/// it walks objects and arrays and takes each value as the kind it wants, and a value of another kind is
/// skipped, as are members it does not ask for. Nothing is built that the caller does not take.
///
/// Foundation's `JSONSerialization` building `NSDictionary`s, `NSArray`s and `NSString`s was most of the work of
/// loading `extract` lines back (0.27–0.31 s for the first 3,000 Reuters lines, 12 MB, on one core); this reads
/// the line's bytes once, with the scanner `JSONLineScanner` is made of (same syntax, same leniency: a byte order
/// mark, raw control characters inside strings and trailing commas are accepted).
///
/// Each value must be taken (`string`, `int`, `skip`, or entered) before the next member or element is asked for.
public struct JSONCursor {
    private var scanner: JSONScanner
    private var depth = 0

    /// A container being read: whether a member or element has been read (the next must follow a comma).
    public struct Container {
        fileprivate let close: UInt8
        fileprivate var started = false
    }

    /// A member's name, compared with the names a reader expects (`case "start":`) without making a `String`.
    public struct Key {
        fileprivate let bytes: UnsafeBufferPointer<UInt8>
        /// The decoded name, for the rare name written with escapes.
        fileprivate let decoded: [UInt8]?

        public static func ~= (name: StaticString, key: Key) -> Bool {
            guard let decoded = key.decoded else { return equal(key.bytes, name) }
            return decoded.withUnsafeBufferPointer { equal($0, name) }
        }

        /// Through `withUTF8Buffer`: a one-character literal may be stored as a scalar, without `utf8Start`.
        private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
            name.withUTF8Buffer { expected in
                guard bytes.count == expected.count else { return false }
                for i in 0..<expected.count where bytes[i] != expected[i] { return false }
                return true
            }
        }
    }

    /// A cursor before the text's value. `bytes` must outlive it (and every `Key` it hands out).
    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        scanner = JSONScanner(bytes: bytes)
        scanner.skipByteOrderMark()
        scanner.skipSpace()
    }

    /// Enters the object at the cursor; nil, with the value skipped, when another kind of value is there.
    public mutating func beginObject() throws(JSONLineScanner.SyntaxError) -> Container? {
        try begin(UInt8(ascii: "{"), UInt8(ascii: "}"))
    }

    /// Enters the array at the cursor; nil, with the value skipped, when another kind of value is there.
    public mutating func beginArray() throws(JSONLineScanner.SyntaxError) -> Container? {
        try begin(UInt8(ascii: "["), UInt8(ascii: "]"))
    }

    /// The next member's name, with the cursor on its value; nil once the object is closed.
    public mutating func nextKey(_ object: inout Container) throws(JSONLineScanner.SyntaxError) -> Key? {
        guard try next(&object) else { return nil }
        guard scanner.peek == UInt8(ascii: "\"") else {
            throw scanner.error(scanner.atEnd ? "line ends inside an object" : "expected a quoted member name")
        }
        let start = scanner.at + 1
        try scanner.skipString()
        var key = Key(bytes: UnsafeBufferPointer(rebasing: scanner.bytes[start..<(scanner.at - 1)]), decoded: nil)
        if key.bytes.contains(UInt8(ascii: "\\")) {
            scanner.at = start - 1
            var name = try scanner.string()
            key = Key(bytes: key.bytes, decoded: name.withUTF8 { Array($0) })
        }
        try scanner.expect(UInt8(ascii: ":"), "':' after a member name")
        scanner.skipSpace()
        return key
    }

    /// Whether another element follows, with the cursor on it; false once the array is closed.
    public mutating func nextElement(_ array: inout Container) throws(JSONLineScanner.SyntaxError) -> Bool {
        try next(&array)
    }

    /// The string at the cursor; nil, with the value skipped, when another kind of value is there.
    public mutating func string() throws(JSONLineScanner.SyntaxError) -> String? {
        guard scanner.peek == UInt8(ascii: "\"") else {
            try skip()
            return nil
        }
        return try scanner.string()
    }

    /// The whole number at the cursor (`12`, also `12.0` or `1.2e1`); nil, with the value skipped, when another
    /// value is there, or a number with a fraction or out of `Int`'s range.
    public mutating func int() throws(JSONLineScanner.SyntaxError) -> Int? {
        let b = scanner.peek
        guard b == UInt8(ascii: "-") || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) else {
            try skip()
            return nil
        }
        let start = scanner.at
        var value = 0
        var negative = false, exact = true
        // Plain integers, nearly every number here, are summed as they are read; others go through `Double`.
        if b == UInt8(ascii: "-") {
            negative = true
            scanner.at += 1
        }
        while scanner.at < scanner.bytes.count {
            let d = scanner.bytes[scanner.at] &- UInt8(ascii: "0")
            guard d < 10 else { break }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(d))
            if o1 || o2 { exact = false }
            value = sum
            scanner.at += 1
        }
        let next = scanner.peek
        guard exact, next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E"),
              scanner.at > start + (negative ? 1 : 0) else {
            scanner.at = start
            let literal = try scanner.number()
            guard let double = Double(literal), double.rounded() == double,
                  double >= -9.2e18, double <= 9.2e18 else { return nil }
            return Int(double)
        }
        return negative ? -value : value
    }

    /// Skips the value at the cursor, whatever it is.
    public mutating func skip() throws(JSONLineScanner.SyntaxError) {
        _ = try scanner.value(depth: depth)
    }

    /// Checks that nothing but space follows the value read.
    public mutating func finish() throws(JSONLineScanner.SyntaxError) {
        scanner.skipSpace()
        guard scanner.atEnd else { throw scanner.error("unexpected text after the JSON value") }
    }

    private mutating func begin(_ open: UInt8, _ close: UInt8) throws(JSONLineScanner.SyntaxError) -> Container? {
        guard scanner.peek == open else {
            try skip()
            return nil
        }
        guard depth < JSONLineScanner.maximumDepth else { throw scanner.error("values nested too deeply") }
        depth += 1
        scanner.at += 1
        return Container(close: close)
    }

    /// Past the comma before the next member or element (or the container's end): whether there is one.
    private mutating func next(_ container: inout Container) throws(JSONLineScanner.SyntaxError) -> Bool {
        scanner.skipSpace()
        if scanner.peek == container.close {
            scanner.at += 1
            depth -= 1
            return false
        }
        if container.started {
            // A comma, then the next value or (a trailing comma) the end.
            if try scanner.endOfMembers(container.close) {
                depth -= 1
                return false
            }
        }
        container.started = true
        scanner.skipSpace()
        return true
    }
}

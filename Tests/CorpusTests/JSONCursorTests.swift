import Corpus
import Testing

/// The pull reader `extract` output is read back with: values taken as the kind asked for, others skipped, and
/// the same syntax errors as the line scanner.
@Suite struct JSONCursorTests {
    /// Walks `json` as an object of members whose values are taken with `take`, and returns what it took.
    private func members(_ json: String,
                         _ take: (JSONCursor.Key, inout JSONCursor) throws(JSONLineScanner.SyntaxError) -> String?)
        throws(JSONLineScanner.SyntaxError) -> [String?] {
        var bytes = Array(json.utf8)
        return try bytes.withUnsafeMutableBufferPointer { (buffer) throws(JSONLineScanner.SyntaxError) -> [String?] in
            var c = JSONCursor(UnsafeBufferPointer(buffer))
            var taken = [String?]()
            guard var object = try c.beginObject() else { return ["not an object"] }
            while let key = try c.nextKey(&object) { taken.append(try take(key, &c)) }
            try c.finish()
            return taken
        }
    }

    @Test func takesTheMembersAskedForAndSkipsTheRest() throws {
        let json = #"{"id":"a\"b","skip":{"x":[1,{"y":null}],"z":"}"},"n":42,"list":["p","q"],"t":true}"#
        let taken = try members(json) { (key, c) throws(JSONLineScanner.SyntaxError) in
            switch key {
            case "id": return try c.string()
            case "n": return try c.int().map(String.init)
            case "list":
                guard var array = try c.beginArray() else { return nil }
                var items = [String]()
                while try c.nextElement(&array) { items.append(try c.string() ?? "?") }
                return items.joined(separator: "+")
            default:
                try c.skip()
                return "-"
            }
        }
        #expect(taken == [#"a"b"#, "-", "42", "p+q", "-"])
    }

    /// A value of another kind than asked reads as missing and is passed over; the next member still reads.
    @Test func aValueOfAnotherKindReadsAsMissing() throws {
        let json = #"{"a":12,"b":"x","c":[1],"d":{"e":1},"f":"after"}"#
        let taken = try members(json) { (key, c) throws(JSONLineScanner.SyntaxError) in
            switch key {
            case "a": return try c.string()
            case "b": return try c.int().map(String.init)
            case "c": return try c.beginObject() == nil ? nil : "object"
            case "d": return try c.beginArray() == nil ? nil : "array"
            default: return try c.string()
            }
        }
        #expect(taken == [nil, nil, nil, nil, "after"])
    }

    /// Whole numbers however written; fractions, out-of-range values and non-numbers are not integers.
    @Test func integers() throws {
        let json = #"{"a":0,"b":-17,"c":12.0,"d":1.2e1,"e":1.5,"f":99999999999999999999,"g":"7","h":true,"i":-0}"#
        let taken = try members(json) { (_, c) throws(JSONLineScanner.SyntaxError) in try c.int().map(String.init) }
        #expect(taken == ["0", "-17", "12", "12", nil, nil, nil, nil, "0"])
    }

    /// A member name written with escapes compares as its decoded text.
    @Test func escapedNamesCompareDecoded() throws {
        let json = #"{"st\u0061rt":1,"\"q\"":2,"é":3,"\u00e9":4,"x":5}"#
        let taken = try members(json) { (key, c) throws(JSONLineScanner.SyntaxError) in
            try c.skip()
            switch key {
            case "start": return "start"
            case #""q""#: return "q"
            case "é": return "é"  // one scalar, two bytes
            case "x": return "x"
            default: return nil
            }
        }
        #expect(taken == ["start", "q", "é", "é", "x"])
    }

    /// The line scanner's leniency: a byte order mark, space anywhere, trailing commas.
    @Test func lenientWhereNothingIsAmbiguous() throws {
        let json = "\u{FEFF} { \"a\" : [ 1 , 2 , ] , \"b\" : 3 , } "
        let taken = try members(json) { (key, c) throws(JSONLineScanner.SyntaxError) in
            guard case "a" = key else { return try c.int().map(String.init) }
            guard var array = try c.beginArray() else { return nil }
            var sum = 0
            while try c.nextElement(&array) { sum += try c.int() ?? 0 }
            return String(sum)
        }
        #expect(taken == ["3", "3"])
    }

    @Test func malformedTextIsASyntaxError() {
        let bad = [
            #"{"a":1 "b":2}"#,  // no comma
            #"{"a" 1}"#,  // no colon
            #"{"a":[1,2}"#,  // array closed by a brace
            #"{"a":1"#,  // cut short
            #"{,"a":1}"#,  // leading comma
            #"{"a":[,1]}"#,
            #"{"a":1} x"#,  // text after the value
            #"{"a":-}"#,
        ]
        for json in bad {
            #expect(throws: JSONLineScanner.SyntaxError.self, "\(json)") {
                _ = try members(json) { (_, c) throws(JSONLineScanner.SyntaxError) in
                    if var array = try c.beginArray() {
                        while try c.nextElement(&array) { _ = try c.int() }
                        return nil
                    }
                    return try c.int().map(String.init)
                }
            }
        }
    }

    @Test func nestingIsBounded() {
        let deep = #"{"a":"# + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"
        #expect(throws: JSONLineScanner.SyntaxError.self) {
            _ = try members(deep) { (_, c) throws(JSONLineScanner.SyntaxError) in
                try c.skip()
                return nil
            }
        }
    }
}

import Corpus
import Foundation
import Testing

/// `JSONLineScanner` replaced `JSONSerialization` for input lines; these tests hold it to Foundation's results
/// on valid JSON and to a clear error on invalid JSON.
@Suite struct JSONLineScannerTests {
    func members(_ line: String) throws -> [String: JSONLineScanner.Value] {
        guard case .object(let found) = try JSONLineScanner.parse(Array(line.utf8)) else {
            Issue.record("not an object: \(line)")
            return [:]
        }
        return Dictionary(found, uniquingKeysWith: { _, last in last })
    }

    /// Top-level strings as Foundation decodes them.
    func foundationStrings(_ line: String) throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        return object.compactMapValues { $0 as? String }
    }

    func scannerStrings(_ line: String) throws -> [String: String] {
        try members(line).compactMapValues { if case .string(let s) = $0 { return s } else { return nil } }
    }

    @Test func agreesWithFoundationOnValidLines() throws {
        let lines = [
            #"{"id": "a", "text": "plain"}"#,
            #"{"text": "quote \" backslash \\ slash \/ controls \b\f\n\r\t end"}"#,
            #"{"text": "\u00e9t\u00E9 \u4e2d\u6587 \ud83d\ude00 \u0000 nul"}"#,
            #"{"text":"caf\u00e9","id":12,"n":-0.5e+3,"t":true,"f":false,"z":null}"#,
            #"  {  "nested" : {"a": [1, 2, {"b": "c\"}"}], "d": {}} , "text" : "x" , "arr": [[[]]] }  "#,
            "{\"text\": \"curly ‘quotes’ and — dashes, 中文\"}",
            #"{"text": "a", "text": "repeated, last wins"}"#,
            #"{}"#,
        ]
        for line in lines {
            #expect(try scannerStrings(line) == foundationStrings(line), "\(line)")
        }
    }

    @Test func agreesWithFoundationOnRandomStrings() throws {
        var rng = SplitMix(seed: 7)
        let alphabet: [Unicode.Scalar] = ["a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{1}", "\u{1F}", "\u{7F}",
                                          "é", "中", "\u{1F600}", "\u{FFFD}", "’", "{", "}", "[", "]", ",", ":"]
        for _ in 0..<300 {
            var object = [String: Any]()
            for k in 0..<Int(rng.next() % 5) {
                var s = String.UnicodeScalarView()
                for _ in 0..<Int(rng.next() % 40) { s.append(alphabet[Int(rng.next() % UInt64(alphabet.count))]) }
                object["k\(k)" + String(s.prefix(3))] = String(s)
            }
            object["list"] = [1, "x", ["y": [true, NSNull()]]]
            let line = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
            #expect(try scannerStrings(line) == foundationStrings(line), "\(line)")
        }
    }

    @Test func keepsOtherValuesByKind() throws {
        let m = try members(#"{"id": 1e3, "n": 12, "b": true, "z": null, "a": [1], "o": {"k": 1}}"#)
        #expect(m["id"] == .number("1e3"))
        #expect(m["n"] == .number("12"))
        #expect(m["b"] == .bool(true))
        #expect(m["z"] == .null)
        #expect(m["a"] == .array)
        #expect(m["o"] == .object)
        guard case .other(.array) = try JSONLineScanner.parse(Array("[1, 2]".utf8)) else {
            Issue.record("an array at the top level is reported as one")
            return
        }
    }

    @Test func rejectsInvalidLinesWithAPosition() {
        let bad = [
            "{not json", #"{"text": "unterminated}"#, #"{"text": "bad \x escape"}"#, #"{"text" "no colon"}"#,
            #"{"text": "x"} trailing"#, #"{"text": tru}"#, #"{"n": 01}"#, #"{"n": -}"#, #"{"n": 1.}"#, #"{"n": 1e}"#,
            #"{"text": "\u12G4"}"#, #"{"text": "x",, "a": 1}"#, #"{"a": [1 2]}"#, "", "   ", #"{"a": 1"#,
            #"{"text": "x"}}"#, #"{'text': 'single quotes'}"#,
        ]
        for line in bad {
            #expect(throws: JSONLineScanner.SyntaxError.self, "\(line)") { try JSONLineScanner.parse(Array(line.utf8)) }
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) == nil, "Foundation also refuses \(line)")
            do {
                _ = try JSONLineScanner.parse(Array(line.utf8))
            } catch {
                #expect(error.description.contains(" at byte "), "\(error.description)")
            }
        }
    }

    /// Where news feeds are messy and the meaning is plain, the line is kept.
    @Test func lenientWhereNothingIsAmbiguous() throws {
        #expect(try scannerStrings("\u{FEFF}{\"text\": \"after a byte order mark\"}") == ["text": "after a byte order mark"])
        #expect(try scannerStrings("{\"text\": \"raw\ttab\"}") == ["text": "raw\ttab"])
        #expect(try scannerStrings(#"{"text": "x", "a": [1, 2,],}"#) == ["text": "x"])
        #expect(try scannerStrings(#"{"text": "lone \ud800 high, lone \udc00 low"}"#) == ["text": "lone \u{FFFD} high, lone \u{FFFD} low"])
    }

    @Test func deepNestingIsRefusedNotCrashed() throws {
        let deep = #"{"a": "# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(throws: JSONLineScanner.SyntaxError.self) { try JSONLineScanner.parse(Array(deep.utf8)) }
        let fine = #"{"text": "x", "a": "# + String(repeating: "[", count: 500) + String(repeating: "]", count: 500) + "}"
        #expect(try scannerStrings(fine) == ["text": "x"])
    }
}

/// A small deterministic generator, so a failure reproduces.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension JSONLineScannerTests {
    /// Members reach the visitor in line order, keys as decoded bytes (escaped keys decoded first); a line that
    /// is not an object comes back as its value, with no member visited.
    @Test func visitsMembersInOrderWithDecodedKeys() throws {
        var seen = [(String, JSONLineScanner.Value)]()
        let line = Array(#"{"id": 7, "te\u0078t": "body", "nested": {"a": [1]}, "id": "again"}"#.utf8)
        let other = try line.withUnsafeBufferPointer { (line) throws(JSONLineScanner.SyntaxError) in
            try JSONLineScanner.forEachMember(of: line) { key, value in
                seen.append((String(decoding: key, as: UTF8.self), value))
            }
        }
        #expect(other == nil)
        #expect(seen.map(\.0) == ["id", "text", "nested", "id"])
        #expect(seen.map(\.1) == [.number("7"), .string("body"), .object, .string("again")])

        var visited = 0
        let array = Array("[1, 2]".utf8)
        let value = try array.withUnsafeBufferPointer { (line) throws(JSONLineScanner.SyntaxError) in
            try JSONLineScanner.forEachMember(of: line) { _, _ in visited += 1 }
        }
        #expect(value == .array)
        #expect(visited == 0)
    }
}

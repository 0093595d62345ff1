import Corpus
import Foundation
import Testing

@Suite struct JSONStringTests {
    func quoted(_ s: String) -> String {
        var out = [UInt8]()
        JSONString.write(s) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func escapesOnlyWhatJSONNeeds() {
        #expect(quoted("") == #""""#)
        #expect(quoted("plain Ünïcode 東京 ‘quote’") == #""plain Ünïcode 東京 ‘quote’""#)
        #expect(quoted("a\"b\\c") == #""a\"b\\c""#)
        #expect(quoted("line\nbreak\r\ttab") == #""line\nbreak\r\ttab""#)
        #expect(quoted("\u{0}\u{1F}\u{7F}") == #""\u0000\u001f\u007f""#)
    }

    /// Escapes land where they belong whatever their position relative to the eight-byte skips: checked against
    /// a byte-at-a-time reference on every escaped byte at every position of strings up to 24 bytes, and on
    /// random mixes.
    @Test func escapesAtEveryPositionMatchAByteAtATimeReference() {
        func reference(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = [0x22]
            for b in bytes {
                switch b {
                case 0x22: out += Array(#"\""#.utf8)
                case 0x5C: out += Array(#"\\"#.utf8)
                case 0x0A: out += Array(#"\n"#.utf8)
                case 0x0D: out += Array(#"\r"#.utf8)
                case 0x09: out += Array(#"\t"#.utf8)
                case 0..<0x20, 0x7F: out += Array(String(format: "\\u%04x", Int(b)).utf8)
                default: out.append(b)
                }
            }
            return out + [0x22]
        }
        func written(_ bytes: [UInt8]) -> [UInt8] {
            var out = [UInt8]()
            bytes.withUnsafeBufferPointer { JSONString.write($0) { out.append(contentsOf: $0) } }
            return out
        }
        for length in 1...24 {
            for position in 0..<length {
                for b: UInt8 in [0x00, 0x09, 0x0A, 0x1F, 0x22, 0x5C, 0x7F] {
                    var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: length)
                    bytes[position] = b
                    #expect(written(bytes) == reference(bytes), "byte \(b) at \(position) of \(length)")
                }
            }
        }
        var random = SystemRandomNumberGenerator()
        let pieces: [UInt8] = [0x41, 0x20, 0x22, 0x5C, 0x0A, 0x01, 0x7F, 0xC3, 0xA9]
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0...64, using: &random)).map { _ in pieces.randomElement(using: &random)! }
            #expect(written(bytes) == reference(bytes))
        }
    }

    @Test func everyStringRoundTripsThroughAJSONParser() throws {
        let samples = ["", "x", "\"\"", "\\\\\\", "end\\", "\u{1}start", "mixed \u{8} é \" \\ \n 𝄞", String(repeating: "ab\"", count: 1000)]
        for s in samples {
            let data = Data(("[" + quoted(s) + "]").utf8)
            let parsed = try JSONSerialization.jsonObject(with: data) as? [String]
            #expect(parsed == [s])
        }
    }
}

@Suite struct JSONOutputTests {
    @Test func writesValuesAndGrowsPastItsCapacity() throws {
        var out = JSONOutput(capacity: 1)
        out.beginObject()
        out.member("n", -1234567890)
        out.member("zero", 0)
        out.member("s", "a\"b")
        out.member("none", nil as String?)
        out.key("list")
        out.beginArray()
        for i in 0..<1000 { out.int(i) }
        out.endArray()
        out.endObject()
        out.newline()
        let text = String(decoding: out.bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"n":-1234567890,"zero":0,"s":"a\"b","none":null,"list":[0,1,2,"#))
        #expect(text.hasSuffix("998,999]}\n"))
        #expect(out.count == out.bytes.count)
        let parsed = try JSONSerialization.jsonObject(with: Data(out.bytes)) as? [String: Any]
        #expect((parsed?["list"] as? [Int])?.count == 1000)
    }

    /// Keys of every length from 1 to 20 bytes are written whole (short keys are copied as overlapping words).
    @Test func keysOfEveryLength() {
        let names: [StaticString] = ["a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghi",
                                     "abcdefghij", "abcdefghijklmnopqrst"]
        var out = JSONOutput()
        out.beginObject()
        for (i, name) in names.enumerated() { out.member(name, i) }
        out.endObject()
        let expected = names.enumerated().map { "\"\($0.element)\":\($0.offset)" }.joined(separator: ",")
        #expect(String(decoding: out.bytes, as: UTF8.self) == "{" + expected + "}")
    }

    /// The buffer is shared copy-on-write: writing to one copy leaves the other as it was.
    @Test func copiesAreIndependent() {
        var first = JSONOutput()
        first.beginArray()
        first.int(1)
        var second = first
        second.int(2)
        second.endArray()
        first.int(3)
        first.endArray()
        #expect(String(decoding: first.bytes, as: UTF8.self) == "[1,3]")
        #expect(String(decoding: second.bytes, as: UTF8.self) == "[1,2]")
        var third = second
        third.reset()
        #expect(third.count == 0 && second.count == 5)
    }
}

@Suite struct JSONRecordTests {
    /// A record writes the same bytes as the member-by-member calls, escapes and nulls included, and a
    /// worst-case string (every byte escaped) fits the room `maxBytes` reserves.
    @Test func recordsWriteWhatMembersWrite() {
        let strings = ["plain", "", "a\"b\\c", "\u{1}\u{1F}\u{7F}\n", "東京 ‘quote’",
                       String(repeating: "\u{0}", count: 50)]
        var members = JSONOutput(capacity: 1)
        var records = JSONOutput(capacity: 1)
        members.beginArray()
        records.beginArray()
        for (i, s) in strings.enumerated() {
            let value: String? = i % 2 == 0 ? s : nil
            members.beginObject()
            members.member("n", i - 3)
            members.member("s", s)
            members.member("v", value)
            members.key("list")
            members.beginArray()
            members.string(s)
            members.string(s)
            members.endArray()
            members.endObject()
            let room = 30 + 2 * JSONRecord.maxIntBytes + 2 * JSONRecord.maxBytes(s) + JSONRecord.maxBytes([s, s])
            records.record(maxBytes: room) { r in
                r.raw("{\"n\":")
                r.int(i - 3)
                r.raw(",\"s\":")
                r.string(s)
                r.raw(",\"v\":")
                r.string(value)
                r.raw(",\"list\":")
                r.strings([s, s])
                r.raw("}")
            }
        }
        members.endArray()
        records.endArray()
        #expect(String(decoding: records.bytes, as: UTF8.self) == String(decoding: members.bytes, as: UTF8.self))
    }

    /// Short strings (4 to 16 bytes) go into a record through two overlapping loads: every length up to 20, with
    /// each escaped byte at each position and without, writes what the chunked `JSONString.write` writes.
    @Test func shortStringsWriteWhatTheChunkedWriterWrites() {
        func chunked(_ bytes: [UInt8]) -> [UInt8] {
            var out = [UInt8]()
            bytes.withUnsafeBufferPointer { JSONString.write($0) { out.append(contentsOf: $0) } }
            return out
        }
        func recorded(_ bytes: [UInt8]) -> [UInt8] {
            let value = String(decoding: bytes, as: UTF8.self)
            var out = JSONOutput(capacity: 1)
            out.record(maxBytes: JSONRecord.maxBytes(value)) { $0.string(value) }
            return out.bytes
        }
        for length in 0...20 {
            let plain = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            #expect(recorded(plain) == chunked(plain), "\(length) plain bytes")
            for position in 0..<length {
                for b: UInt8 in [0x00, 0x0A, 0x1F, 0x22, 0x5C, 0x7F] {
                    var bytes = plain
                    bytes[position] = b
                    #expect(recorded(bytes) == chunked(bytes), "byte \(b) at \(position) of \(length)")
                }
            }
        }
    }

    /// A record is the next value at its level: commas before and after it come as for any other value.
    @Test func recordsTakeTheirPlaceAmongValues() {
        var out = JSONOutput()
        out.beginArray()
        out.int(1)
        out.record(maxBytes: 8) { $0.raw("[2]") }
        out.record(maxBytes: JSONRecord.maxBytes([])) { $0.strings([]) }
        out.int(3)
        out.endArray()
        #expect(String(decoding: out.bytes, as: UTF8.self) == "[1,[2],[],3]")
    }
}

@Suite struct JSONEscapeScanTests {
    /// The eight-bytes-at-a-time scan agrees with the byte test for every byte value at every position.
    @Test func wordScanAgreesWithByteTest() {
        for b in 0...255 {
            for position in 0..<11 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 11)
                bytes[position] = UInt8(b)
                let expected = b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F
                #expect(bytes.withUnsafeBufferPointer(JSONString.needsNoEscape) == !expected, "byte \(b) at \(position)")
            }
        }
        // Bytes that neighbour the ones that need escaping, side by side (borrows between lanes).
        let near: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7E, 0x80, 0xFF, 0x00 &+ 0x1F]
        for a in near {
            for b in near {
                let bytes = [a, b, a, b, a, b, a, b, a]
                let expected = bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }
                #expect(bytes.withUnsafeBufferPointer(JSONString.needsNoEscape) == !expected)
            }
        }
    }
}

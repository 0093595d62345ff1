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

    @Test func everyStringRoundTripsThroughAJSONParser() throws {
        let samples = ["", "x", "\"\"", "\\\\\\", "end\\", "\u{1}start", "mixed \u{8} é \" \\ \n 𝄞", String(repeating: "ab\"", count: 1000)]
        for s in samples {
            let data = Data(("[" + quoted(s) + "]").utf8)
            let parsed = try JSONSerialization.jsonObject(with: data) as? [String]
            #expect(parsed == [s])
        }
    }
}

import Foundation
import Testing
@testable import Events

/// A developer aid, not a check: `EVENTS_DUMP=1 swift test --filter DumpTests` prints the events of a sample
/// of AFP/Xinhua articles (no mentions or times) with their triggers marked, for reading precision by eye.
@Suite struct DumpTests {
    @Test func dumpCorpus() throws {
        guard ProcessInfo.processInfo.environment["EVENTS_DUMP"] != nil else { return }
        let data = FileManager.default.contents(atPath: "../shared/corpus/afp-xinhua-te3silver.jsonl")!
        var n = 0, count = 0
        for line in data.split(separator: UInt8(ascii: "\n")) {
            n += 1
            let all = ProcessInfo.processInfo.environment["EVENTS_DUMP"] == "all"
            guard all || (n % 97 == 0 && n < 2000) else { continue }
            let object = try JSONSerialization.jsonObject(with: Data(line)) as! [String: Any]
            let doc = Fixture(object["text"] as! String)
            let events = doc.extract(nil)
            if all { count += events.count; continue }
            for e in events {
                let sent = doc.sentences[e.sentence]
                var s = doc.text[sent.range].replacingOccurrences(of: "\n", with: " ")
                if let r = s.range(of: e.triggerText) { s.replaceSubrange(r, with: "[[\(e.triggerText)]]") }
                print("EV \(e.type): \(s.prefix(220))")
            }
        }
        print("EVENTS \(n) documents, \(count) events")
    }
}

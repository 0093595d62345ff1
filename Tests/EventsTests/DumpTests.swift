import Foundation
import Testing
@testable import Events

@Suite struct DumpTests {
    @Test func dumpSeed() throws {
        let s = try String(contentsOfFile: "../shared/seeds/000_119be7a49cebb34e.txt", encoding: .utf8)
        let doc = Fixture(s)
        for e in doc.extract("2025-10-24") {
            let sent = doc.sentences[e.sentence]
            print("EV \(e.type) [\(e.triggerText)] date=\(e.date ?? "-") s\(e.sentence): \(doc.text[sent.range].prefix(90))")
        }
    }
}

import Actors
import Corpus
import Foundation
import Language
import Testing
import Time
@testable import Annotation

@Suite struct ExtractJSONTests {
    /// A document with non-ASCII text before its annotations, so byte and code-point offsets differ.
    func sample() -> AnnotatedDocument {
        let text = "“Japan’s alliance,” Takaichi said.\nIt holds."
        let t = Text(text)
        let tokens = Tokenizer.standard.tokenize(t)
        let sentences = SentenceSplitter.standard.split(t, tokens: tokens)
        func range(_ s: String) -> Range<Int> {
            let r = text.range(of: s)!
            return text.utf8.distance(from: text.startIndex, to: r.lowerBound)..<text.utf8.distance(from: text.startIndex, to: r.upperBound)
        }
        let mention = Mention(range: range("Takaichi"), text: "Takaichi", actor: "takaichi", type: .person, kind: .name, sentence: 0)
        let time = TimeExpression(range: range("holds"), text: "holds", type: .date, value: nil, sentence: 1)
        return AnnotatedDocument(document: Document(id: "d", date: CalendarDate(iso: "2025-10-24"), text: text), text: t,
                                 sentences: sentences, mentions: [mention],
                                 actors: [DocumentActor(id: "takaichi", name: "Takaichi", type: .person)],
                                 times: [time], events: [])
    }

    func lines(_ docs: [AnnotatedDocument], text: Bool) -> [[String: Any]] {
        var out = JSONOutput()
        for d in docs {
            ExtractJSON.write(d, into: &out, options: .init(includeText: text))
            out.newline()
        }
        return String(decoding: out.bytes, as: UTF8.self).split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    @Test func offsetsAreCodePoints() throws {
        let doc = sample()
        let parsed = lines([doc, doc], text: false)
        #expect(parsed.count == 2)
        let mention = (parsed[0]["mentions"] as! [[String: Any]])[0]
        let python = Array(doc.document.text.unicodeScalars)
        let start = mention["start"] as! Int, end = mention["end"] as! Int
        #expect(String(String.UnicodeScalarView(python[start..<end])) == "Takaichi")
        #expect(parsed[0]["date"] as? String == "2025-10-24")
        #expect((parsed[0]["sentences"] as! [[Int]]).count == 2)
        #expect(parsed[0]["text"] == nil)
    }

    @Test func extractOutputLoadsBack() throws {
        let doc = sample()
        var out = JSONOutput()
        ExtractJSON.write(doc, into: &out, options: .init(includeText: true))
        let back = try ExtractJSONReader.read(out.bytes)
        #expect(back.document == doc.document)
        #expect(back.mentions == doc.mentions)
        #expect(back.times == doc.times)
        #expect(back.sentences.map(\.range) == doc.sentences.map(\.range))
        #expect(back.actors == doc.actors)
    }

    @Test func loadingWithoutTextIsAClearError() {
        var out = JSONOutput()
        ExtractJSON.write(sample(), into: &out)
        #expect(throws: ExtractJSONReader.ReadError.self) { try ExtractJSONReader.read(out.bytes) }
    }
}

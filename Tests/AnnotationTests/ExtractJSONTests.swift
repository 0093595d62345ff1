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

    /// A line made elsewhere may order its members any way and carry members of its own: the text last, offsets
    /// in code points of a non-ASCII text, an unknown member, a mention missing its optional members, an item
    /// that is not an object.
    @Test func membersInAnyOrderLoad() throws {
        let line = #"{"extra":{"deep":[1,2,{"x":null}]},"mentions":[{"end":13,"start":5,"actor":"takaichi"},7],"#
            + #""events":[{"trigger":{"text":"sagte","end":19,"start":14},"actors":["takaichi"],"type":"statement"}],"#
            + #""sentences":[[0,20]],"id":"n1","text":"«Ja» Takaichi sagte."}"#
        let back = try ExtractJSONReader.read(Array(line.utf8))
        #expect(back.document.id == "n1")
        // "«" and "»" are two bytes each: code point 5 is byte 7.
        #expect(back.mentions.map(\.range) == [7..<15])
        #expect(back.mentions.first?.text == "Takaichi")  // taken from the text when the line has none
        #expect(back.mentions.first?.type == .other)
        #expect(back.events.first?.trigger == 16..<21)
        #expect(back.events.first?.triggerText == "sagte")
        #expect(back.sentences.map(\.range) == [0..<22])
    }

    /// Every way a line can fail names the line's problem.
    @Test func unreadableLinesSayWhy() {
        let cases = [
            (#"{"id":"a","text":"x""#, "malformed JSON"),
            (#"["not","an","object"]"#, "expected a JSON object"),
            (#"{"text":"x"}"#, #"no "id""#),
            (#"{"id":7,"text":"x"}"#, #"no "id""#),
            (#"{"id":"a"}"#, "run extract with --text"),
            (#"{"id":"a","text":"abc","mentions":[{"start":1,"end":9}]}"#, "offset out of range in 'a'"),
            (#"{"id":"a","text":"abc","sentences":[[2,1]]}"#, "offset out of range in 'a'"),
            (#"{"id":"a","text":"abc","sentences":[[0,1],[1],[2,3]]}"#, "offset out of range in 'a'"),
            (#"{"id":"a","text":"abc","sentences":[[0,1],"x"]}"#, "offset out of range in 'a'"),
        ]
        for (line, reason) in cases {
            do {
                _ = try ExtractJSONReader.read(Array(line.utf8))
                Issue.record("read: \(line)")
            } catch {
                #expect(error.description.contains(reason), "\(line): \(error.description)")
            }
        }
    }
}

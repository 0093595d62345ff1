import Corpus
import Testing
@testable import Annotation

/// A group of documents annotated stage by stage gives each document what annotating it alone gives.
@Suite struct AnnotatorTests {
    static let documents: [Document] = [
        Document(id: "a", date: CalendarDate(iso: "2025-10-24"),
                 text: "US President Donald Trump met Japanese Prime Minister Sanae Takaichi in Tokyo on Tuesday. "
                     + "Trump said the talks with Japan would resume next week."),
        Document(id: "b", date: nil, text: ""),
        Document(id: "c", date: CalendarDate(iso: "1987-02-26"),
                 text: "The Liberal Democratic Party (LDP) said yesterday it\nwould meet Reuters in Paris. "
                     + "The LDP's leader, Shigeru Ishiba, attacked France last month."),
        Document(id: "d", date: CalendarDate(iso: "2026-11-27"), text: "“Japan’s alliance,” Takaichi said. It holds."),
    ]

    func json(_ doc: AnnotatedDocument) -> String {
        var out = JSONOutput()
        ExtractJSON.write(doc, into: &out, options: .init(includeText: true))
        return String(decoding: out.bytes, as: UTF8.self)
    }

    @Test func aGroupAnnotatesEachDocumentAsAloneAndInOrder() {
        let annotator = Annotator()
        let alone = Self.documents.map { json(annotator.annotate($0)) }
        // A slice that does not start at 0, as the parallel annotator passes its groups.
        let padded = [Document(id: "x", date: nil, text: "Nothing here.")] + Self.documents
        let grouped = annotator.annotate(padded[1...]).map(json)
        #expect(grouped == alone)
        // Each stage keeps its working arrays from one document for the next (`RecognitionScratch` and the
        // others): in the other order, short documents come before longer ones.
        let reversed = annotator.annotate(Self.documents.reversed()[...]).map(json)
        #expect(reversed == alone.reversed())
        #expect(alone[0].contains("\"sanae-takaichi\""))
        #expect(alone[2].contains("\"aliases\":[\"LDP\"]"))
    }
}

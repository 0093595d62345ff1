import Actors
import Graph
import Testing
@testable import Store

@Suite struct ContributionCodecTests {
    let document = GraphDocument(id: "doc-1", title: "Talks", date: "2025-10-24", source: nil)

    var sample: DocumentContribution {
        DocumentContribution(
            document: document,
            actors: [
                DocumentActor(id: "donald-trump", name: "Donald Trump", type: .person, aliases: ["Trump", "US President Donald Trump"],
                              titles: ["President"]),
                DocumentActor(id: "japan", name: "Japan", type: .country),
                DocumentActor(id: "sanae-takaichi", name: "Sanae Takaichi", type: .person, aliases: ["Takaichi"]),
            ],
            mentionCounts: [3, 1, 2],
            windows: [
                .init(sentence: 0, paragraph: 0, actors: [0, 2], text: "Trump met Takaichi in Tōkyō on Tuesday."),
                .init(sentence: 4, paragraph: 2, actors: [0, 1, 2], text: "“Japan is a great ally,” Trump said."),
            ],
            events: [
                .init(type: "meet", cameo: "036", trigger: "met", date: "2025-10-28", end: nil, dateText: "on Tuesday",
                      actors: [0, 2], sentence: 0, sentenceText: "Trump met Takaichi in Tōkyō on Tuesday."),
                // An event in a sentence no window quotes, with empty (not absent) fields.
                .init(type: "statement", cameo: nil, trigger: "said", date: nil, end: "", dateText: nil,
                      actors: [], sentence: 7, sentenceText: "It said nothing more."),
            ])
    }

    func decode(_ bytes: [UInt8], actorsOnly: Bool = false) throws -> DocumentContribution {
        try bytes.withUnsafeBytes { try ContributionCodec.decode($0, document: document, actorsOnly: actorsOnly) }
    }

    @Test func roundTripKeepsEveryField() throws {
        let c = sample
        let back = try decode(ContributionCodec.encode(c))
        #expect(back.document == c.document)
        #expect(back.actors == c.actors)
        #expect(back.mentionCounts == c.mentionCounts)
        #expect(back.windows == c.windows)
        #expect(back.events == c.events)
    }

    @Test func actorsOnlyStopsBeforeWindowsAndEvents() throws {
        let back = try decode(ContributionCodec.encode(sample), actorsOnly: true)
        #expect(back.actors == sample.actors && back.mentionCounts == sample.mentionCounts)
        #expect(back.windows.isEmpty && back.events.isEmpty)
    }

    @Test func anEmptyContributionRoundTrips() throws {
        let empty = DocumentContribution(document: document, actors: [], mentionCounts: [], windows: [], events: [])
        let back = try decode(ContributionCodec.encode(empty))
        #expect(back.actors.isEmpty && back.windows.isEmpty && back.events.isEmpty)
    }

    /// A damaged row is reported with its document, never read past its end or trusted with an actor index
    /// out of range.
    @Test func damagedBytesAreAnErrorNamingTheDocument() throws {
        let bytes = ContributionCodec.encode(sample)
        for cut in [0, 1, bytes.count / 2, bytes.count - 1] {
            #expect(throws: ContributionCodec.DecodeError.self) { try decode(Array(bytes.prefix(cut))) }
        }
        #expect(throws: ContributionCodec.DecodeError.self) { try decode(bytes + [0]) }
        var wrongVersion = bytes
        wrongVersion[0] = 99
        #expect(throws: ContributionCodec.DecodeError.self) { try decode(wrongVersion) }
        // A window naming actor 5 of a document with three.
        let bad = DocumentContribution(document: document, actors: sample.actors, mentionCounts: sample.mentionCounts,
                                       windows: [.init(sentence: 0, paragraph: 0, actors: [5], text: "x")], events: [])
        do {
            _ = try decode(ContributionCodec.encode(bad))
            Issue.record("an out-of-range actor index was accepted")
        } catch {
            #expect("\(error)".contains("doc-1"))
        }
    }
}

import Actors
import Testing
@testable import Graph

/// Contributions built by hand, so the builder is tested apart from recognition.
func contribution(_ id: String, date: String?, actors: [(String, ActorType)], sentences: [[Int32]],
                  paragraphs: [Int]? = nil, events: [DocumentContribution.EventRecord] = []) -> DocumentContribution {
    let documentActors = actors.map { DocumentActor(id: ActorID.make($0.0), name: $0.0, type: $0.1) }
    var counts = [Int](repeating: 0, count: actors.count)
    for s in sentences { for a in s { counts[Int(a)] += 1 } }
    let windows = sentences.enumerated().map { i, members in
        DocumentContribution.Window(sentence: i, paragraph: paragraphs?[i] ?? i, actors: Array(Set(members)).sorted(),
                                    text: "\(id) sentence \(i)")
    }
    return DocumentContribution(document: GraphDocument(id: id, title: nil, date: date, source: nil),
                                actors: documentActors, mentionCounts: counts, windows: windows, events: events)
}

@Suite struct GraphBuilderTests {
    let docs = [
        contribution("d1", date: "2025-10-24", actors: [("Donald Trump", .person), ("Japan", .country), ("China", .country)],
                     sentences: [[0, 1], [0, 1, 0], [2], [1, 2]]),
        contribution("d2", date: "2025-10-21", actors: [("Japan", .country), ("Donald Trump", .person)],
                     sentences: [[0, 1]]),
        contribution("d3", date: nil, actors: [("Mako Nishimura", .person)], sentences: [[0]]),
    ]

    func edge(_ g: ActorGraph, _ a: String, _ b: String) -> ActorEdge? {
        g.edges.first { e in
            Set([g.nodes[e.source].id, g.nodes[e.target].id]) == Set([ActorID.make(a), ActorID.make(b)])
        }
    }

    @Test func weightsCountDistinctSentencesAcrossDocuments() {
        let g = GraphBuilder().build(docs)
        #expect(g.nodes.count == 4)
        let tj = edge(g, "Donald Trump", "Japan")
        #expect(tj?.weight == 3)
        #expect(tj?.documents == 2)
        #expect(tj?.first == "2025-10-21" && tj?.last == "2025-10-24")
        #expect(tj?.evidence.map(\.document) == ["d1", "d1", "d2"])
        #expect(tj?.evidence.first?.sentence == "d1 sentence 0")
        #expect(edge(g, "Japan", "China")?.weight == 1)
        #expect(edge(g, "Donald Trump", "China") == nil)
        #expect(edge(g, "Mako Nishimura", "Japan") == nil)
        let trump = g.nodes.first { $0.id == "donald-trump" }
        #expect(trump?.mentions == 4 && trump?.documents == 2)
        #expect(trump?.metrics.degree == 1)
    }

    @Test func associationDiscountsUbiquitousActors() {
        let g = GraphBuilder().build(docs)
        let tj = edge(g, "Donald Trump", "Japan")!, jc = edge(g, "Japan", "China")!
        #expect(tj.association > jc.association)
        #expect((-1...1).contains(tj.association) && (-1...1).contains(jc.association))
    }

    @Test func widerWindowsLinkMore() {
        let doc = contribution("p", date: nil, actors: [("A Person", .person), ("B Land", .country), ("C Org", .organization)],
                               sentences: [[0], [1], [2]], paragraphs: [0, 0, 1])
        #expect(GraphBuilder(window: .sentence).build([doc]).edges.isEmpty)
        let byParagraph = GraphBuilder(window: .paragraph).build([doc])
        #expect(byParagraph.edges.count == 1)
        #expect(byParagraph.edges[0].evidence[0].sentence == "p sentence 0 … p sentence 1")
        #expect(GraphBuilder(window: .document).build([doc]).edges.count == 3)
    }

    @Test func eventsCarryCanonicalActorsAndTypeTheirEdges() {
        let meet = DocumentContribution.EventRecord(type: "meet", cameo: "04", trigger: "meet", date: "2025-10-27", end: nil,
                                                    dateText: "Monday", actors: [0, 1], sentence: 0, sentenceText: "s")
        let doc = contribution("e", date: "2025-10-24", actors: [("Donald Trump", .person), ("Sanae Takaichi", .person)],
                               sentences: [[0, 1]], events: [meet])
        let g = GraphBuilder().build([doc])
        #expect(g.events.count == 1)
        #expect(g.events[0].actors == ["donald-trump", "sanae-takaichi"])
        #expect(g.events[0].id == "e#e1")
        #expect(g.edges[0].eventTypes == ["meet"])
    }
}

@Suite struct TimelineTests {
    @Test func periodsFromTimexValues() {
        #expect(CalendarPeriod(timex: "2025-10-21")?.precision == .day)
        #expect(CalendarPeriod(timex: "2025-10-20T03:50")?.precision == .time)
        #expect(CalendarPeriod(timex: "2025-W44")?.start.description == "2025-10-27")
        #expect(CalendarPeriod(timex: "2025-10")?.precision == .month)
        #expect(CalendarPeriod(timex: "2025")?.precision == .year)
        #expect(CalendarPeriod(timex: "199")?.precision == .decade)
        #expect(CalendarPeriod(timex: "1998-Q3")?.start.description == "1998-07-01")
        #expect(CalendarPeriod(timex: "XXXX-10-21") == nil)
        #expect(CalendarPeriod(timex: "PRESENT_REF") == nil)
        #expect(CalendarPeriod(timex: "P5Y") == nil)
    }

    @Test func ordersByDateWithUndatedApart() {
        func event(_ id: String, _ date: String?) -> GraphEvent {
            GraphEvent(id: id, document: "d", type: "t", cameo: nil, trigger: "x", date: date, end: nil, dateText: nil,
                       actors: [], sentence: "")
        }
        let t = Timeline(events: [event("a", "2025-10-27"), event("b", nil), event("c", "2025-10"), event("d", "2025-10-21"),
                                  event("e", "XXXX-WXX-2"), event("f", "2025-10-21")])
        #expect(t.entries.map(\.date) == ["2025-10", "2025-10-21", "2025-10-27"])
        #expect(t.entries[1].events.map(\.id) == ["d", "f"])
        #expect(t.undated.map(\.id) == ["b", "e"])
    }
}

import Actors
import Foundation
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

    @Test func eventsCarryCanonicalActorsAndTypeTheirEdges() throws {
        let meet = DocumentContribution.EventRecord(type: "meet", cameo: "04", trigger: "meet", date: "2025-10-27", end: nil,
                                                    dateText: "Monday", actors: [0, 1], sentence: 0, sentenceText: "s")
        let doc = contribution("e", date: "2025-10-24", actors: [("Donald Trump", .person), ("Sanae Takaichi", .person)],
                               sentences: [[0, 1]], events: [meet])
        let g = GraphBuilder().build([doc])
        let events = try g.events.all()
        #expect(events.count == 1)
        #expect(events[0].actors == ["donald-trump", "sanae-takaichi"])
        #expect(events[0].id == "e#e1")
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

/// A build with a sink: everything goes to the sink, the graph keeps only the first few sentences per edge.
@Suite struct GraphSinkTests {
    let meet = DocumentContribution.EventRecord(type: "meet", cameo: "036", trigger: "met", date: "2025-10-28", end: nil,
                                                dateText: "Tuesday", actors: [0, 1], sentence: 0, sentenceText: "s")

    var docs: [DocumentContribution] {
        (0..<4).map { k in
            contribution("d\(k)", date: "2025-10-2\(k)", actors: [("Donald Trump", .person), ("Japan", .country)],
                         sentences: [[0, 1], [0, 1]], events: [meet])
        }
    }

    @Test func theSinkGetsEveryEvidenceSentenceAndEventAndTheGraphTheFirstFew() throws {
        var evidence = [(Int, Int, Evidence)]()
        var events = [GraphEvent]()
        let sink = GraphSink(evidence: { evidence.append(($0, $1, $2)) }, event: { event, _ in events.append(event) })
        let docs = self.docs
        let g = try GraphBuilder(evidencePerEdge: 3).build(from: { _, body in for c in docs { try body(c) } }, sink: sink)
        let whole = GraphBuilder().build(docs)

        #expect(g.edges.count == 1 && whole.edges.count == 1)
        let e = g.edges[0]
        #expect(e.weight == 8)
        #expect(e.evidence == Array(whole.edges[0].evidence.prefix(3)))
        #expect(evidence.map(\.2) == whole.edges[0].evidence)
        #expect(evidence.allSatisfy { $0.0 == e.source && $0.1 == e.target })
        // Events went to the sink only, in document order.
        #expect(try g.events.count() == 0)
        #expect(events == (try whole.events.all()))
        #expect(events.map(\.id) == ["d0#e1", "d1#e1", "d2#e1", "d3#e1"])
        // Everything else is as the in-memory build has it.
        #expect(g.nodes == whole.nodes)
        var withoutEvidence = whole.edges[0]
        withoutEvidence.evidence = e.evidence
        #expect(e == withoutEvidence)
    }

    /// A failing sink (a full disk) stops the build with its error.
    @Test func aSinkErrorStopsTheBuild() {
        struct Full: Error {}
        let docs = self.docs
        #expect(throws: Full.self) {
            _ = try GraphBuilder().build(from: { _, body in for c in docs { try body(c) } },
                                         sink: GraphSink(evidence: { _, _, _ in throw Full() }, event: { _, _ in }))
        }
    }
}

@Suite struct EventListTests {
    func event(_ i: Int, date: String?) -> GraphEvent {
        GraphEvent(id: "e\(i)", document: "d", type: "meet", cameo: nil, trigger: "met", date: date, end: nil,
                   dateText: nil, actors: ["a\(i % 3)"], sentence: "s\(i)")
    }

    @Test func storedPagesAreReadInOrderAndFiltersCompose() throws {
        let all = (0..<10).map { event($0, date: $0 % 2 == 0 ? "2025-10-2\($0 % 4)" : nil) }
        let pages = Counter()
        let list = EventList(stored: all.count, pageSize: 3) { range in
            pages.add()
            return Array(all[range])
        }
        #expect(try list.count() == 10 && pages.value == 0)
        #expect(try list.all() == all)
        #expect(pages.value == 4)
        let dated = list.compactMap { $0.date == nil ? nil : $0 }
        let renamed = dated.compactMap { e in var e = e; e.trigger = "saw"; return e }
        #expect(try renamed.count() == 5)
        #expect(try renamed.all().map(\.id) == ["e0", "e2", "e4", "e6", "e8"])
        #expect(try renamed.all().allSatisfy { $0.trigger == "saw" })
    }

    @Test func pagesReadAheadComeInOrder() throws {
        let all = (0..<100).map { event($0, date: $0 % 3 == 0 ? "2025-10-2\($0 % 4)" : nil) }
        let list = EventList(stored: all.count, pageSize: 7, readsAhead: true) { Array(all[$0]) }
        #expect(try list.all() == all)
        #expect(try list.compactMap { $0.date == nil ? nil : $0 }.all() == all.filter { $0.date != nil })
    }

    struct Stop: Error {}

    /// A visit that stops early stops the reader too, and returns only once it has: nothing reads after.
    @Test func aVisitThatStopsStopsTheReaderBeforeItReturns() throws {
        let all = (0..<100).map { event($0, date: nil) }
        let log = ReadLog()
        let list = EventList(stored: all.count, pageSize: 5, readsAhead: true) { range in
            log.started()
            Thread.sleep(forTimeInterval: 0.02)  // a slow page: the visit stops while one is being read
            log.ended()
            return Array(all[range])
        }
        var visited = 0
        #expect(throws: Stop.self) {
            try list.forEach { _ in
                visited += 1
                if visited == 12 { throw Stop() }
            }
        }
        log.returned()
        Thread.sleep(forTimeInterval: 0.1)
        #expect(log.readsAfterReturn == 0)
        #expect(log.pages <= 3 + 2)  // the pages visited and at most the two read ahead
    }

    @Test func aFailedReadIsThrownInItsPagesTurn() throws {
        let all = (0..<20).map { event($0, date: nil) }
        let list = EventList(stored: all.count, pageSize: 4, readsAhead: true) { range in
            if range.lowerBound == 12 { throw Stop() }
            return Array(all[range])
        }
        var visited = [String]()
        #expect(throws: Stop.self) { try list.forEach { visited.append($0.id) } }
        #expect(visited == (0..<12).map { "e\($0)" })
    }

    @Test func aTimelineKeepingAFewPerDateCountsThemAll() throws {
        let events = (0..<10).map { event($0, date: $0 < 6 ? "2025-10-21" : ($0 < 8 ? "2025-10" : nil)) }
        let few = try Timeline(events: EventList(events), keepingPerDate: 2)
        let full = Timeline(events: events)
        #expect(few.entries.map(\.date) == full.entries.map(\.date))
        #expect(few.entries.map(\.count) == [2, 6] && full.entries.map(\.events.count) == [2, 6])
        #expect(few.entries[1].events.map(\.id) == ["e0", "e1"])
        #expect(few.undatedCount == 2 && few.undated.count == 2 && few.datedCount == 8)
        let none = try Timeline(events: EventList(events), keepingPerDate: 0)
        #expect(none.entries.allSatisfy(\.events.isEmpty) && none.datedCount == 8)
    }
}

/// Pages read, and reads that ended after the visit returned.
private final class ReadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var hasReturned = false
    private(set) var pages = 0
    private(set) var readsAfterReturn = 0
    func started() { lock.withLock { pages += 1 } }
    func ended() { lock.withLock { if hasReturned { readsAfterReturn += 1 } } }
    func returned() { lock.withLock { hasReturned = true } }
}

private final class Counter: @unchecked Sendable {
    private(set) var value = 0
    func add() { value += 1 }
}

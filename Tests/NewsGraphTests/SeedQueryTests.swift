import Foundation
import Graph
import NewsGraph
import Store
import Testing

/// The questions of the product brief, asked of the seed graph through the store.
@Suite(.serialized) struct SeedQueryTests {
    static let built: String = {
        let (folder, _) = try! buildInto("queries", [Repo.seeds])
        return folder
    }()

    func read<T>(_ body: (StoreReader) throws -> T) throws -> T {
        let store = try GraphStore.open(at: Self.built + "/newsgraph.sqlite", readonly: true)
        defer { try? store.close() }
        return try store.read(body)
    }

    @Test func actorsAreFoundByAliasCaseAndPrefix() throws {
        #expect(try read { try $0.resolveActor("trump").name } == "Donald Trump")
        #expect(try read { try $0.resolveActor("US").name } == "United States")
        #expect(try read { try $0.resolveActor("u.s.").name } == "United States")
        #expect(try read { try $0.resolveActor("LDP").name } == "Liberal Democratic Party")
        #expect(try read { try $0.resolveActor("lutn").name } == "Howard Lutnick")
        #expect(throws: QueryError.self) { try read { try $0.resolveActor("Japa") } }
        #expect(throws: QueryError.unknownActor("Nobody Atall")) { try read { try $0.resolveActor("Nobody Atall") } }
    }

    @Test func neighborsOfTrumpIncludeTakaichiAndMotegiWithWeights() throws {
        let links = try read { r in try r.neighbors(of: try r.resolveActor("Trump").index) }
        let byName = Dictionary(uniqueKeysWithValues: links.map { ($0.other.name, $0) })
        #expect((byName["Sanae Takaichi"]?.weight ?? 0) >= 3)
        #expect((byName["Toshimitsu Motegi"]?.weight ?? 0) >= 1)
        #expect(links.map(\.weight) == links.map(\.weight).sorted(by: >))
        #expect(byName["Mako Nishimura"] == nil)
    }

    @Test func pathFromLutnickToNaruhitoHasEvidencePerHop() throws {
        let hops = try read { r in try r.path(from: try r.resolveActor("Lutnick").index, to: try r.resolveActor("Naruhito").index) }
        #expect(hops.count >= 1)
        #expect(hops.first?.from.name == "Howard Lutnick")
        #expect(hops.last?.to.name == "Naruhito")
        for (i, hop) in hops.enumerated() {
            let sentence = hop.evidence?.sentence ?? ""
            #expect(!sentence.isEmpty)
            if i > 0 { #expect(hops[i - 1].to == hop.from) }
        }
        #expect(hops.last?.evidence?.sentence.contains("Naruhito") == true)
    }

    @Test func edgeTrumpTakaichiListsEverySentenceNamingBoth() throws {
        let (link, evidence) = try read { r -> (Link?, [Evidence]) in
            let link = try r.edgeBetween(try r.resolveActor("Trump").index, try r.resolveActor("Takaichi").index)
            return (link, try link.map { try r.evidence(edge: $0.edge) } ?? [])
        }
        #expect(link != nil)
        #expect(evidence.count == link?.weight)
        for e in evidence {
            #expect(e.sentence.contains("Trump") || e.sentence.contains("US leader"))
            #expect(e.sentence.contains("Takaichi"))
        }
        #expect(evidence.contains { $0.sentence.hasPrefix("Motegi said that he hoped Trump’s first meeting with Takaichi") })
    }

    @Test func pagerankPutsTheCentralActorsFirst() throws {
        let top = try read { try $0.topActors(by: .pagerank, limit: 5).map(\.name) }
        #expect(top.count == 5)
        #expect(Set(top.prefix(4)).isSuperset(of: ["Japan", "United States", "Donald Trump"]))
        #expect(top.contains("Sanae Takaichi"))
    }

    @Test func communitiesListTheLargestFirstWithTheirCentralMembers() throws {
        let (total, all) = try read { try $0.communities(membersPerCommunity: 3) }
        #expect(all.count == total && total > 1)
        #expect(all.map(\.size) == all.map(\.size).sorted(by: >))
        #expect(all.map(\.size).reduce(0, +) == (try read { try $0.count("actors") }))
        for c in all {
            #expect(c.members.count == min(3, c.size))
            #expect(c.members.map(\.pagerank) == c.members.map(\.pagerank).sorted(by: >))
            #expect(c.members.allSatisfy { $0.community == c.community })
        }
        let (sameTotal, largest) = try read { try $0.communities(membersPerCommunity: 3, limit: 1) }
        #expect(sameTotal == total && largest == Array(all.prefix(1)))
    }

    @Test func eventCountMatchesTheUnlimitedListAndLimitsKeepTimelineOrder() throws {
        try read { r in
            #expect(try r.eventCount() == r.events().count)
            #expect(try r.eventCount(actor: "donald-trump", type: "04") == r.events(actor: "donald-trump", type: "04").count)
            let all = try r.events(), firstThree = try r.events(limit: 3)
            #expect(firstThree == Array(all.prefix(3)))
        }
    }

    @Test func eventsFilterByActorTypeAndDate() throws {
        let meetings = try read { r in try r.events(actor: "donald-trump", type: "04") }
        #expect(!meetings.isEmpty)
        #expect(meetings.allSatisfy { $0.cameo == "04" && $0.actors.contains("Donald Trump") })
        let october = try read { r in try r.events(from: "2025-10-27", to: "2025-10-28") }
        #expect(october.contains { $0.trigger == "sit down" || $0.date == "2025-10-27" })
        #expect(october.allSatisfy { ($0.date ?? "") >= "2025-10" })
    }
}

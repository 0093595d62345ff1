import Foundation
import Testing

/// The seed's dated events, through the whole pipeline (tagger, events, graph), with the seeds' metadata.
@Suite(.serialized) struct SeedEventTests {
    nonisolated(unsafe) static let events: [[String: Any]] = {
        let (folder, _) = try! buildInto("seed-events", [Repo.seeds])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try! loadJSON(folder + "/graph.json")["events"] as! [[String: Any]]
    }()

    func events(in document: String, trigger: String) -> [[String: Any]] {
        Self.events.filter { $0["document"] as? String == document && $0["trigger"] as? String == trigger }
    }

    @Test func takaichiSaidOnTuesdayIsTheTuesdayBefore() {
        let said = events(in: "seed-000-article", trigger: "said")
            .filter { ($0["actors"] as? [String])?.contains("sanae-takaichi") == true }
        #expect(said.count == 1)
        #expect(said.first?["date"] as? String == "2025-10-21")
        #expect(said.first?["type"] as? String == "statement" && said.first?["cameo"] as? String == "01")
    }

    @Test func theSitDownIsMondayAndTuesdayNextWeek() {
        let meeting = events(in: "seed-000-article", trigger: "sit down")
        #expect(meeting.count == 1)
        #expect(meeting.first?["date"] as? String == "2025-10-27")
        #expect(meeting.first?["end"] as? String == "2025-10-28")
        #expect(meeting.first?["cameo"] as? String == "04")
        #expect((meeting.first?["actors"] as? [String])?.contains("donald-trump") == true)
    }

    @Test func theCargoPlaneCrashWasEarlyYesterday() {
        let crash = events(in: "seed-000-lead-2", trigger: "skidded")
        #expect(crash.first?["type"] as? String == "accident")
        #expect(crash.first?["date"] as? String == "2025-10-20")
    }

    @Test func reportingVerbsTakeTheDocumentDate() {
        let motegi = events(in: "seed-000-article", trigger: "said")
            .filter { ($0["actors"] as? [String]) == ["toshimitsu-motegi"] }
        #expect(!motegi.isEmpty)
        #expect(motegi.allSatisfy { $0["date"] as? String == "2025-10-24" })
    }

    @Test func undatedLeadsStayUndated() {
        for document in ["seed-000-lead-1", "seed-000-lead-3"] {
            let dated = Self.events.filter { $0["document"] as? String == document }.compactMap { $0["date"] as? String }
            // Only absolute dates written in the text ("in 2013") may date events of an undated document.
            #expect(dated.allSatisfy { $0 == "2013" }, "\(document): \(dated)")
        }
        #expect(events(in: "seed-000-lead-3", trigger: "sentenced").first?["date"] as? String == "2013")
    }
}

import Corpus
import Foundation
import NewsGraph
import Testing

/// Bad and hostile input next to good input: every bad file is named once, the good documents all make it.
@Suite(.serialized) struct BadInputTests {
    static let badFolder = Repo.root + "/Tests/NewsGraphTests/Fixtures/bad"

    func graphShape(_ folder: String) throws -> (actors: Set<String>, edges: Set<String>, events: Int) {
        let json = try loadJSON(folder + "/graph.json")
        let actors = Set((json["actors"] as! [[String: Any]]).map { "\($0["id"]!):\($0["type"]!)" })
        let edges = Set((json["edges"] as! [[String: Any]]).map { "\($0["source"]!)|\($0["target"]!)|\($0["weight"]!)" })
        return (actors, edges, (json["events"] as! [Any]).count)
    }

    @Test func badFilesAmongSeedsYieldTheSeedGraphAndOneMessageEach() throws {
        let good = Repo.temporaryFolder("good"), mixed = Repo.temporaryFolder("mixed")
        defer {
            try? FileManager.default.removeItem(atPath: good)
            try? FileManager.default.removeItem(atPath: mixed)
        }
        _ = try Workspace.build([Repo.seeds], reader: CorpusReader(), options: BuildOptions(outputFolder: good))
        let reader = CorpusReader()
        _ = try Workspace.build([Self.badFolder, Repo.seeds], reader: reader, options: BuildOptions(outputFolder: mixed))
        let expected = try graphShape(good), got = try graphShape(mixed)
        #expect(got.actors == expected.actors)
        #expect(got.edges == expected.edges)
        #expect(got.events == expected.events)

        let files = try FileManager.default.contentsOfDirectory(atPath: Self.badFolder).sorted()
        var messagesPerFile = [String: Int]()
        for d in reader.diagnostics {
            let file = (d.location.split(separator: ":").first.map(String.init) ?? d.location as String)
            messagesPerFile[(file as NSString).lastPathComponent, default: 0] += 1
        }
        for file in files where file != "external-entity.xml" {
            #expect(messagesPerFile[file] == 1, "\(file): \(messagesPerFile[file] ?? 0) messages")
        }
        // The external entity is neither fetched nor expanded.
        let json = try loadJSON(mixed + "/graph.json")
        #expect(!(json["documents"] as! [[String: Any]]).isEmpty)
        let store = try String(contentsOfFile: mixed + "/graph.json", encoding: .utf8)
        #expect(!store.contains("root:x:0:0"))
    }

    @Test func hugeLinesAndDeepMarkupAreReadWithoutCrashing() throws {
        let folder = Repo.temporaryFolder("huge")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A single 50 MB line of JSON, then a normal line.
        let words = String(repeating: "Lorem ipsum dolor sit amet. ", count: 50_000_000 / 28)
        try Data(("{\"id\": \"huge\", \"text\": \"\(words)\"}\n{\"id\": \"small\", \"text\": \"Japan met China.\"}\n").utf8)
            .write(to: URL(fileURLWithPath: folder + "/huge.jsonl"))
        // 100,000 nested elements.
        let deep = "<html><body>" + String(repeating: "<div>", count: 100_000) + "<p>Deep text here.</p>"
            + String(repeating: "</div>", count: 100_000) + "</body></html>"
        try Data(deep.utf8).write(to: URL(fileURLWithPath: folder + "/deep.html"))
        let reader = CorpusReader(defaultDate: CalendarDate(iso: "2025-01-01"))
        var ids = [String]()
        var sizes = [Int]()
        reader.read([folder]) { doc in
            ids.append(doc.id)
            sizes.append(doc.text.utf8.count)
        }
        #expect(ids.contains("huge") && ids.contains("small"))
        #expect(sizes.max()! >= 49_000_000)
    }

    @Test func unwritableOutputFolderIsAClearError() throws {
        let reader = CorpusReader()
        #expect(throws: BuildError.self) {
            _ = try Workspace.build([Repo.seeds], reader: reader, options: BuildOptions(outputFolder: "/proc/newsgraph-out"))
        }
    }

    /// `build`, `add` and `export` refuse a negative evidence count alike (a usage error, exit 64).
    @Test(arguments: [["build", "seeds"], ["add", "seeds"], ["export"]])
    func negativeEvidencePerLinkIsAUsageError(command: [String]) throws {
        try #require(FileManager.default.isExecutableFile(atPath: InterruptionTests.executable))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: InterruptionTests.executable)
        process.arguments = command + ["--evidence-per-link=-1", "--out", Repo.temporaryFolder("negative-evidence")]
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
        #expect(message.contains("--evidence-per-link must be 0 (all) or more"))
    }

    /// `add --annotations` of an `extract` line that lists mentions and events but no sentences (hand-made or
    /// cut short) loads it; it used to stop the process with a trap.
    @Test func annotationsWithoutSentencesLoad() throws {
        try #require(FileManager.default.isExecutableFile(atPath: InterruptionTests.executable))
        let folder = Repo.temporaryFolder("no-sentences")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let line = #"{"id":"x1","date":"2025-10-24","text":"Tokyo met Seoul.","mentions":["#
            + #"{"start":0,"end":5,"text":"Tokyo","actor":"tokyo","type":"location","kind":"name","sentence":0},"#
            + #"{"start":10,"end":15,"text":"Seoul","actor":"seoul","type":"location","kind":"name","sentence":0}],"#
            + #""actors":[{"id":"tokyo","name":"Tokyo","type":"location","aliases":[]},"#
            + #"{"id":"seoul","name":"Seoul","type":"location","aliases":[]}],"times":[],"events":[{"type":"meet","#
            + #""cameo":"043","trigger":{"start":6,"end":9,"text":"met"},"date":null,"actors":["tokyo","seoul"],"#
            + #""sentence":0}]}"#
        try (line + "\n").write(toFile: folder + "/annotations.jsonl", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: InterruptionTests.executable)
        process.arguments = ["add", "--annotations", folder + "/annotations.jsonl", "--out", folder + "/out"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/out/graph.graphml"))
    }
}

import Corpus
import Foundation
import NewsGraph

/// Paths and tools for the end-to-end suite.
enum Repo {
    /// The repository root (this file is Tests/NewsGraphTests/Support.swift).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var seeds: String { root + "/seeds" }
    static var shared: String { (root as NSString).deletingLastPathComponent + "/shared" }
    static var rawSeedPage: String { shared + "/seeds/000_119be7a49cebb34e.txt" }

    static func temporaryFolder(_ name: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ng-\(name)-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

enum Tool {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs a tool that the test command installs (scripts/setup.sh); its absence is a failure, not a skip.
    static func run(_ name: String, _ arguments: [String], input: String? = nil) throws -> (status: Int32, out: String, err: String) {
        guard let executable = which(name) else { throw Failure(description: "\(name) is not installed: run scripts/setup.sh") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}

/// Builds inputs into a fresh folder once per set of arguments.
func buildInto(_ name: String, _ inputs: [String], date: String? = nil) throws -> (folder: String, summary: BuildSummary) {
    let folder = Repo.temporaryFolder(name)
    let reader = CorpusReader(defaultDate: date.flatMap { CalendarDate(iso: $0) })
    let summary = try Workspace.build(inputs, reader: reader, options: BuildOptions(outputFolder: folder))
    return (folder, summary)
}

func loadJSON(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try JSONSerialization.jsonObject(with: data) as! [String: Any]
}

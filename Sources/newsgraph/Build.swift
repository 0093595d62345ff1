import ArgumentParser
import Corpus
import Foundation
import Graph
import NewsGraph

extension CooccurrenceWindow: ExpressibleByArgument {}

/// Options for commands that write an output folder.
struct OutputOptions: ParsableArguments {
    @Option(help: "Output folder for the store and the exports.")
    var out = "Output"

    @Option(help: "Co-occurrence window for links: sentence, paragraph or document.")
    var window: CooccurrenceWindow = .sentence

    @Option(help: "Also render graph.dot and timeline.dot with Graphviz, e.g. svg,png,pdf.")
    var render: String?

    @Option(help: ArgumentHelp(
        "Betweenness: auto (exact up to 5,000 actors, else estimated from 500 sampled sources), exact, or skip.",
        valueName: "auto|exact|skip"))
    var betweenness = "auto"

    @Option(help: ArgumentHelp(
        "Evidence sentences per link in the exports (the first ones; 0 for all). The store keeps every one.",
        valueName: "n"))
    var evidencePerLink = 5

    @Flag(help: "Print the seconds each stage took (wall and CPU), and the peak memory, to standard error.")
    var timings = false

    func validate() throws {
        guard ["auto", "exact", "skip"].contains(betweenness) else {
            throw ValidationError("--betweenness must be auto, exact or skip")
        }
        guard evidencePerLink >= 0 else { throw ValidationError("--evidence-per-link must be 0 (all) or more") }
    }

    var buildOptions: BuildOptions {
        var options = BuildOptions(outputFolder: out, window: window,
                                   renderFormats: render.map { $0.split(separator: ",").map(String.init) } ?? [])
        options.analytics.betweenness = betweenness == "exact" ? .exact : betweenness == "skip" ? .skip : .automatic
        options.evidencePerEdge = evidencePerLink > 0 ? evidencePerLink : nil
        return options
    }
}

/// `newsgraph build`: a fresh store and every export from a set of articles.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the actor graph and timeline from articles into a fresh store and exports.",
        discussion: """
            Writes newsgraph.sqlite, graph.graphml, graph.gexf, graph.json, graph.dot and timeline.dot into the \
            output folder. Inputs: .txt/.md (optionally with --- front matter), .jsonl/.ndjson, .html, RSS/Atom.
            """)

    @Argument(help: "Files or folders (searched recursively) to read, or - for JSON lines on standard input.")
    var inputs: [String]

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let reader = input.makeReader()
        try output.report(reader: reader) {
            try Workspace.build(inputs, reader: reader, options: output.buildOptions,
                                progress: ProgressBar(total: CorpusReader.inputSize(inputs)))
        }
    }
}

extension OutputOptions {
    /// Runs `build` or `add`: a failure is fatal (exit 2); otherwise prints the summary (and `--timings`),
    /// then exits 1 if any input was skipped.
    func report(reader: CorpusReader, _ work: () throws -> BuildSummary) throws {
        let summary: BuildSummary
        do {
            summary = try work()
        } catch {
            FileHandle.standardError.write(Data("newsgraph: error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        print(SummaryText.render(summary))
        if timings { SummaryText.printTimings(summary.timer) }
        try exitForSkippedInput(reader)
    }
}

enum SummaryText {
    static func render(_ s: BuildSummary) -> String {
        var lines = [String]()
        lines.append("documents  \(s.documents)" + (s.replaced + s.unchanged > 0
            ? " (\(s.inserted) new, \(s.replaced) replaced, \(s.unchanged) unchanged)" : ""))
        switch s.summing {
        case .newDocuments(let n)?: lines.append("graph      \(n) new document\(n == 1 ? "" : "s") summed onto the stored graph")
        case .everyDocument(let why?)?: lines.append("graph      summed from every document: \(why)")
        default: break
        }
        lines.append("sentences  \(s.sentences)")
        lines.append("actors     \(s.actors) (\(s.mentions) mentions)")
        lines.append("links      \(s.links)")
        lines.append("events     \(s.events) (\(s.datedEvents) dated)")
        if let first = s.firstDate, let last = s.lastDate {
            lines.append("dates      \(first) … \(last)")
        } else {
            lines.append("dates      none")
        }
        if !s.topActors.isEmpty {
            lines.append("most connected:")
            let width = s.topActors.map(\.name.count).max() ?? 0
            for a in s.topActors {
                let pad = String(repeating: " ", count: max(0, width - a.name.count))
                lines.append("  \(a.name)\(pad)  \(a.type.padding(toLength: 12, withPad: " ", startingAt: 0)) \(a.degree) links, weight \(Int(a.weight))")
            }
        }
        lines.append("wrote      " + s.files.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    static func printTimings(_ timer: PhaseTimer) {
        let width = timer.phases.map(\.name.count).max() ?? 0
        var text = ""
        for phase in timer.phases {
            text += "  \(phase.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(String(format: "%7.3f", phase.seconds)) s"
                + "  (CPU \(String(format: "%6.2f", phase.cpuSeconds)) s, peak \(Int(phase.peakMB.rounded())) MB)\n"
        }
        let total = timer.phases.reduce(0) { $0 + $1.seconds }, cpu = timer.phases.reduce(0) { $0 + $1.cpuSeconds }
        text += "  \("total".padding(toLength: width, withPad: " ", startingAt: 0))  \(String(format: "%7.3f", total)) s"
            + "  (CPU \(String(format: "%6.2f", cpu)) s)\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}

import Annotation
import ArgumentParser

/// `newsgraph`: news articles → a timeline of dated events and a relationship graph of actors.
///
/// Every command names itself (`commandName`): a name derived from the type goes through
/// `String(describing:)`, whose runtime protocol-conformance scans cost millions of instructions per command
/// at each start, before any work.
@main
struct NewsGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsgraph",
        abstract: "Turn news articles into a relationship graph of actors and a timeline of dated events.",
        discussion: """
            Exit status: 0 all input processed; 1 done, but some input was skipped (see the messages); \
            2 fatal error (nothing or not everything written); 64 usage error.
            """,
        subcommands: [Build.self, Add.self, Extract.self, Query.self, TimelineCommand.self, ExportCommand.self]
    )

    /// The commands that annotate text have their tables loading on the other cores while the arguments are
    /// parsed (about 13 M instructions here, mostly the runtime's protocol-conformance scans). An `add` of
    /// `extract` output alone annotates nothing, so it loads nothing.
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        if let command = arguments.first, ["build", "add", "extract"].contains(command),
           !arguments.contains("--annotations") {
            Annotator.preloadTables()
        }
        main(nil)
    }
}

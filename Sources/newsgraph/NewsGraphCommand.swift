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
}

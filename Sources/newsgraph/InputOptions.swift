import ArgumentParser
import Corpus
import Foundation

/// Options shared by every command that reads articles.
struct InputOptions: ParsableArguments {
    @Option(help: "Creation date (YYYY-MM-DD) for documents that carry none. Never taken from the clock.")
    var date: String?

    func validate() throws {
        if let date, CalendarDate(iso: date) == nil {
            throw ValidationError("--date '\(date)' is not a valid YYYY-MM-DD date")
        }
    }

    /// A reader that prints each diagnostic to standard error as it is found.
    func makeReader() -> CorpusReader {
        let reader = CorpusReader(defaultDate: date.flatMap { CalendarDate(iso: $0) })
        reader.onDiagnostic = { diagnostic in
            FileHandle.standardError.write(Data("newsgraph: \(diagnostic)\n".utf8))
        }
        return reader
    }
}

/// Exit status 1 when some input was skipped: the run finished, but not everything was used.
func exitForSkippedInput(_ reader: CorpusReader) throws {
    let skipped = reader.diagnostics.filter { $0.severity == .skipped }.count
    if skipped > 0 {
        FileHandle.standardError.write(Data("newsgraph: \(skipped) input item(s) skipped\n".utf8))
        throw ExitCode(1)
    }
}

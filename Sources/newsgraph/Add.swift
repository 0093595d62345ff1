import Annotation
import ArgumentParser
import Corpus
import Foundation
import NewsGraph
import Store

/// `newsgraph add`: more documents into an existing store, incrementally.
struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add articles (or extract output made elsewhere) to the store and refresh every export.",
        discussion: """
            A document is known by its id and a hash of its content: adding it again changes nothing; a changed \
            document replaces its old mentions, links and events. The graph (alias merges, analytics) is rebuilt \
            from every stored document. All in one transaction: an interrupted add leaves the store as it was.
            """)

    @Argument(help: "Files or folders (searched recursively) to read, or - for JSON lines on standard input.")
    var inputs: [String] = []

    @Option(help: "Load `newsgraph extract --text` output (JSON lines) instead of reading articles; - for stdin.")
    var annotations: [String] = []

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if inputs.isEmpty && annotations.isEmpty {
            throw ValidationError("name articles to add, or --annotations FILE")
        }
    }

    func run() throws {
        let reader = input.makeReader()
        let options = output.buildOptions
        // The bar follows the articles read (annotation files are not sized in advance).
        let progress = ProgressBar(total: annotations.isEmpty ? CorpusReader.inputSize(inputs) : nil)
        try output.report(reader: reader) {
            try Workspace.add(options: options, progress: progress) { put in
                var documents = 0
                // Store rows are prepared on the workers, beside the annotating or the reading of the lines.
                func store(_ prepared: PreparedDocument, bytesRead: Int) throws {
                    try put(prepared)
                    documents += 1
                    progress.update(bytes: bytesRead, documents: documents)
                }
                if !inputs.isEmpty {
                    try options.annotator.run(inputs, reader: reader, transform: PreparedDocument.init) {
                        try store($0, bytesRead: reader.bytesRead)
                    }
                }
                for file in annotations {
                    try Workspace.readAnnotations(file, report: { reader.report($0) }, transform: PreparedDocument.init) {
                        try store($0, bytesRead: 0)
                    }
                }
            }
        }
    }
}

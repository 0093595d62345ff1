import Annotation
import ArgumentParser
import Corpus
import Foundation
import NewsGraph

/// `newsgraph extract`: the annotation stage alone, as a streaming JSON-lines filter.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Annotate documents and write one JSON object per document to standard output, in input order.")

    @Argument(help: "Files or folders (searched recursively) to read, or - for JSON lines on standard input.")
    var inputs: [String]

    @OptionGroup var input: InputOptions

    @Flag(help: "Include each document's text in its line (needed by `add --annotations`).")
    var text = false

    func run() throws {
        let reader = input.makeReader()
        let pipeline = ParallelAnnotator()
        // Lines waiting to be written, about 1 MB at a time, each from the memory its worker wrote it in.
        var pending = [JSONOutput]()
        var pendingBytes = 0
        let options = ExtractJSON.Options(includeText: text)
        let progress = ProgressBar(total: CorpusReader.inputSize(inputs))
        defer { progress.finish() }
        var documents = 0
        // Each worker encodes its document's line; this thread only writes them out, in order.
        // A line runs to about four times its text (offsets, ids and names of every mention, time and event):
        // sized for that, it is written without growing, and handed on as it is, without a copy.
        try pipeline.run(inputs, reader: reader, transform: { document in
            var line = JSONOutput(capacity: document.text.count * 4 + 1024)
            ExtractJSON.write(document, into: &line, options: options)
            line.newline()
            return line
        }) { (line: JSONOutput) in
            documents += 1
            progress.update(bytes: reader.bytesRead, documents: documents)
            pending.append(line)
            pendingBytes += line.count
            if pendingBytes >= 1 << 20 {
                try JSONOutput.write(pending, to: STDOUT_FILENO)
                pending.removeAll(keepingCapacity: true)
                pendingBytes = 0
            }
        }
        try JSONOutput.write(pending, to: STDOUT_FILENO)
        try exitForSkippedInput(reader)
    }
}

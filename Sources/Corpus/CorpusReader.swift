import Foundation
import XML

/// Walks the inputs a user names (files, folders searched recursively, or `-` for JSON lines on standard
/// input) and streams their documents in a stable order: arguments in order, folder entries sorted by path.
///
/// Whatever is wrong with a file, a line or a document is reported as a `Diagnostic` and skipped; the rest
/// is read. Files are read in chunks, so memory does not grow with the size of a JSON-lines corpus.
public final class CorpusReader {
    public enum Format: Sendable { case text, jsonLines, html, feed }

    public let defaultDate: CalendarDate?
    public private(set) var diagnostics = [Diagnostic]()
    /// Input bytes read so far (files and standard input), for progress displays.
    public private(set) var bytesRead = 0
    /// Called for each diagnostic as it is found (e.g. to print it at once).
    public var onDiagnostic: ((Diagnostic) -> Void)?

    public init(defaultDate: CalendarDate? = nil) {
        self.defaultDate = defaultDate
    }

    public static func format(ofExtension ext: String) -> Format? {
        switch ext.lowercased() {
        case "txt", "md", "text", "markdown": return .text
        case "jsonl", "ndjson": return .jsonLines
        case "html", "htm", "xhtml": return .html
        case "rss", "atom", "xml": return .feed
        default: return nil
        }
    }

    /// Records a diagnostic found by another reader of the same run (e.g. annotations).
    public func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
        onDiagnostic?(diagnostic)
    }

    /// Reads every input, calling `emit` for each document in order.
    public func read(_ inputs: [String], emit: (Document) throws -> Void) rethrows {
        for input in inputs {
            if input == "-" {
                try readJSONLines(handle: FileHandle.standardInput, location: "<stdin>", idPrefix: "stdin", emit: emit)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                report(Diagnostic(.skipped, input, "no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                for file in files(under: input) {
                    let relative = String(file.dropFirst(input.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                    try readFile(file, idBase: relative, inFolder: true, emit: emit)
                }
            } else {
                try readFile(input, idBase: (input as NSString).lastPathComponent, inFolder: false, emit: emit)
            }
        }
    }

    /// The total size in bytes of the files `read` will read, or nil when an input is standard input (its
    /// size is not known in advance).
    public static func inputSize(_ inputs: [String]) -> Int? {
        var total = 0
        for input in inputs {
            if input == "-" { return nil }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else { continue }
            for file in isDirectory.boolValue ? CorpusReader().files(under: input) : [input] {
                let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue
                total += size ?? 0
            }
        }
        return total
    }

    /// Regular files below `folder`, sorted by path; hidden files and folders are left out.
    private func files(under folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            report(Diagnostic(.skipped, folder, "folder cannot be read"))
            return []
        }
        var result = [String]()
        while let next = enumerator.nextObject() as? String {
            let name = (next as NSString).lastPathComponent
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            let path = (folder as NSString).appendingPathComponent(next)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result.sorted()
    }

    private func readFile(_ path: String, idBase: String, inFolder: Bool, emit: (Document) throws -> Void) rethrows {
        let ext = (path as NSString).pathExtension
        guard let format = CorpusReader.format(ofExtension: ext) else {
            report(Diagnostic(.skipped, path, "unknown file type '.\(ext)' (expected .txt, .md, .jsonl, .ndjson, .html, .rss, .atom, .xml)"))
            return
        }
        let id = (idBase as NSString).deletingPathExtension
        if format == .jsonLines {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                report(Diagnostic(.skipped, path, "cannot be read (permission denied or not a regular file)"))
                return
            }
            defer { try? handle.close() }
            try readJSONLines(handle: handle, location: path, idPrefix: id, emit: emit)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            report(Diagnostic(.skipped, path, "cannot be read (permission denied or not a regular file)"))
            return
        }
        let bytes = [UInt8](data)
        bytesRead += bytes.count
        if bytes.isEmpty {
            report(Diagnostic(.skipped, path, "empty file"))
            return
        }
        if CorpusReader.looksBinary(bytes) {
            report(Diagnostic(.skipped, path, "binary file (NUL bytes), not text"))
            return
        }
        switch format {
        case .text:
            let content = decode(bytes, location: path)
            let (documents, diagnostics) = TextReader.read(content, fallbackID: id, location: path, defaultDate: defaultDate)
            diagnostics.forEach(report)
            for document in documents { try emit(document) }
        case .html, .feed:
            let (documents, diagnostics) = MarkupInput.read(bytes, format: format, fallbackID: id, location: path,
                                                            defaultDate: defaultDate)
            diagnostics.forEach(report)
            for document in documents { try emit(document) }
        case .jsonLines:
            break
        }
    }

    /// Decodes UTF-8, replacing invalid sequences (U+FFFD) with a warning that names the file.
    private func decode(_ bytes: [UInt8], location: String) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        report(Diagnostic(.warning, location, "invalid UTF-8; bad bytes replaced with U+FFFD"))
        return String(decoding: bytes, as: UTF8.self)
    }

    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(8192).contains(0)
    }

    private func readJSONLines(handle: FileHandle, location: String, idPrefix: String,
                               emit: (Document) throws -> Void) rethrows {
        var lineNumber = 0
        var sawLine = false
        let failure = try LineReader.forEachLine(handle) { line in
            lineNumber += 1
            bytesRead += line.count + 1
            if LineReader.isBlank(line) { return }
            sawLine = true
            var bytes = line
            // ASCII lines (most JSON lines: non-ASCII text is often escaped) are valid UTF-8 without making a
            // String of the whole line to find out.
            if !line.withUnsafeBufferPointer({ ByteWords.isASCII($0) }),
               String(validating: line, as: UTF8.self) == nil {
                report(Diagnostic(.warning, "\(location):\(lineNumber)", "invalid UTF-8; bad bytes replaced with U+FFFD"))
                bytes = Array(String(decoding: line, as: UTF8.self).utf8)
            }
            let (document, diagnostics) = JSONLinesReader.document(
                line: bytes, number: lineNumber, location: location, fallbackID: "\(idPrefix):\(lineNumber)",
                defaultDate: defaultDate)
            diagnostics.forEach(report)
            if let document { try emit(document) }
        }
        if let failure {
            report(failure.restSkipped(at: "\(location):\(lineNumber + 1)"))
            return
        }
        if !sawLine {
            report(Diagnostic(.skipped, location, "empty file: no JSON lines"))
        }
    }
}

/// Reads a file or stream line by line in fixed-size chunks.
public enum LineReader {
    /// Whether a line holds only spaces, tabs and carriage returns: JSON-lines readers pass over such a line.
    public static func isBlank(_ line: [UInt8]) -> Bool {
        line.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
    }

    /// Calls `body` with each line, without its line feed. Chunks are read with `read(2)` into one reused
    /// buffer: `FileHandle.read(upToCount:)` made 256 system calls of 4 KB for each 1 MB chunk and copied the
    /// result twice (into a `Data`, then an array). A read error ends the input after the lines before it; the
    /// error is returned (nil at the end of the input), for the caller to report.
    @discardableResult
    public static func forEachLine(_ handle: FileHandle, chunkSize: Int = 1 << 20,
                                   _ body: ([UInt8]) throws -> Void) rethrows -> SystemCallError? {
        let fd = handle.fileDescriptor
        let size = max(1, chunkSize)
        var chunk = [UInt8](repeating: 0, count: size)
        var pending = [UInt8]()
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, size) }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                if !pending.isEmpty { try body(pending) }
                return SystemCallError(code: code)
            }
            guard count > 0 else { break }
            var start = 0
            while let newline = LineReader.newline(in: chunk, from: start, end: count) {
                if pending.isEmpty {
                    try body(Array(chunk[start..<newline]))
                } else {
                    pending.append(contentsOf: chunk[start..<newline])
                    try body(pending)
                    pending.removeAll(keepingCapacity: true)
                }
                start = newline + 1
            }
            pending.append(contentsOf: chunk[start..<count])
        }
        if !pending.isEmpty { try body(pending) }
        return nil
    }

    /// The index of the first line feed at or after `start`, found by `memchr`, which tests many bytes per
    /// instruction where `firstIndex(of:)` took several instructions per byte of the input.
    static func newline(in bytes: [UInt8], from start: Int, end: Int? = nil) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            let end = min(end ?? buffer.count, buffer.count)
            guard start < end, let base = buffer.baseAddress,
                  let found = memchr(base + start, 10, end - start) else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(base)
        }
    }
}

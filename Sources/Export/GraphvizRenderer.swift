import Foundation

/// Runs Graphviz `dot` on a `.dot` file to make pictures next to it (`timeline.dot` → `timeline.svg`).
public enum GraphvizRenderer {
    /// The `dot` executable on `searchPath` (default: the PATH environment variable), if installed.
    public static func dotExecutable(searchPath: String? = nil) -> String? {
        let path = searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/dot"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Renders `dotPath` to each format (`svg`, `png`, `pdf`, …); returns the files written.
    /// Throws `ExportError.graphvizMissing` (saying `apt-get install graphviz`) when `dot` is not installed.
    @discardableResult
    public static func render(dotPath: String, formats: [String], searchPath: String? = nil) throws -> [String] {
        guard let dot = dotExecutable(searchPath: searchPath) else { throw ExportError.graphvizMissing }
        let base = (dotPath as NSString).deletingPathExtension
        var written = [String]()
        for format in formats {
            guard !format.isEmpty, format.allSatisfy({ $0.isLetter || $0.isNumber || $0 == ":" }) else {
                throw ExportError.graphvizFailed("unsupported format \(format)")
            }
            let output = base + "." + (format.split(separator: ":").first.map(String.init) ?? format)
            try AtomicFile.write(to: output) { temporary in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: dot)
                process.arguments = ["-T\(format)", "-o", temporary, dotPath]
                let errors = Pipe()
                process.standardError = errors
                process.standardOutput = FileHandle.nullDevice
                try process.run()
                let message = errors.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                guard process.terminationStatus == 0 else {
                    throw ExportError.graphvizFailed(String(decoding: message, as: UTF8.self))
                }
            }
            written.append(output)
        }
        return written
    }
}

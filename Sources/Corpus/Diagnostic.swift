import Foundation

/// A problem found in the input: where it is (file and line, or document id) and what is wrong.
/// Readers report diagnostics and go on with the rest of the input.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        /// The input was used, with a repair (e.g. invalid UTF-8 replaced).
        case warning
        /// The input (a line, a document or a file) was skipped.
        case skipped
    }

    public var severity: Severity
    /// `path:line`, `path`, or a document id.
    public var location: String
    public var message: String

    public init(_ severity: Severity, _ location: String, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

/// A failed system call (`read(2)`, `writev(2)`): its `errno` and the system's words for it.
public struct SystemCallError: Error, CustomStringConvertible {
    public let code: Int32

    public init(code: Int32) { self.code = code }

    public var description: String { String(cString: strerror(code)) }

    /// The diagnostic for a file whose reading failed at `location`, after the lines before it were read.
    public func restSkipped(at location: String) -> Diagnostic {
        Diagnostic(.skipped, location, "read failed (\(self)); the rest of the file is skipped")
    }
}

import CLibXML2

/// Process-wide libxml2 set-up, done once before any parse or write.
public enum XMLLibrary {
    /// Runs exactly once (Swift guarantees thread-safe initialization of globals).
    private static let setUp: Void = {
        xmlInitParser()
        // Defence in depth: nothing NewsGraph parses may pull in a file or URL through an external entity or
        // DTD, whatever the parse options say. Every external load fails.
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    /// Initializes libxml2 once per process; safe to call again and from any thread.
    public static func initialize() { _ = setUp }
}

/// Borrows a Swift string as a NUL-terminated `xmlChar` pointer for one call.
@inline(__always)
func withXMLChars<R>(_ string: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
    string.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
}

/// Reads a libxml2 string (UTF-8, NUL-terminated), nil stays nil.
@inline(__always)
func string(_ chars: UnsafePointer<xmlChar>?) -> String? {
    guard let chars else { return nil }
    return String(cString: chars)
}

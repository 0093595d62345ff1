import CLibXML2

/// PLACEHOLDER: the streaming writer over libxml2's xmlTextWriter replaces this.
public enum XMLLibrary {
    /// Initializes libxml2 once per process; safe to call again.
    public static func initialize() { xmlInitParser() }
}

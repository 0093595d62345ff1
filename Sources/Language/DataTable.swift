import Foundation

/// The plain-text data tables the pipeline loads (word lists, gazetteers, trigger lexicons).
///
/// Format, shared by every table: UTF-8, one entry per line, columns separated by tabs, `#` starts a
/// comment line, blank lines ignored. Each file's header comment names its source.
public enum DataTable {
    /// Rows of a table's text: each row's tab-separated columns, trimmed of spaces and tabs. Read as UTF-8
    /// bytes: the Foundation line and trimming calls took a tenth of a second per run for the actor tables.
    public static func rows(_ contents: String) -> [[String]] {
        var result = [[String]]()
        contents.withBorrowedUTF8 { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 10 && bytes[lineEnd] != 13 { lineEnd += 1 }
                let (start, end) = trimmed(bytes, lineStart, lineEnd)
                if start < end && bytes[start] != UInt8(ascii: "#") {
                    result.append(columns(bytes, lineStart, lineEnd, separator: 9))
                }
                lineStart = lineEnd + 1
            }
        }
        return result
    }

    /// The alternatives of a `|`-separated column ("US | U.S. | USA"), trimmed of spaces and tabs, empty ones left
    /// out.
    public static func alternatives(_ column: String) -> [String] {
        column.withBorrowedUTF8 { columns($0, 0, $0.count, separator: UInt8(ascii: "|")) }.filter { !$0.isEmpty }
    }

    /// `bytes[start..<end]` cut at each `separator`, each part trimmed of spaces and tabs.
    private static func columns(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int,
                                separator: UInt8) -> [String] {
        var count = 1
        for i in start..<end where bytes[i] == separator { count += 1 }
        var columns = [String]()
        columns.reserveCapacity(count)  // one allocation per row: growing by appends cost more than the strings
        var columnStart = start
        var i = start
        while true {
            if i == end || bytes[i] == separator {
                let (s, e) = trimmed(bytes, columnStart, i)
                columns.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<e]), as: UTF8.self))
                if i == end { return columns }
                columnStart = i + 1
            }
            i += 1
        }
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var (s, e) = (start, end)
        while s < e && (bytes[s] == 32 || bytes[s] == 9) { s += 1 }
        while e > s && (bytes[e - 1] == 32 || bytes[e - 1] == 9) { e -= 1 }
        return (s, e)
    }

    /// Loads `name` from a module's resource bundle; a missing table is a packaging bug, so it stops.
    ///
    /// SwiftPM's resource bundles on Linux are flat folders, so the file is read from the bundle's own path
    /// first: `Bundle.url(forResource:)` searches the bundle's folders at every call (1 M instructions for the
    /// thirteen tables read at every start). Other layouts (a macOS bundle's `Contents/Resources`) go through
    /// `Bundle`.
    public static func load(_ name: String, bundle: Bundle) -> [[String]] {
        if let contents = try? String(contentsOfFile: bundle.bundlePath + "/" + name, encoding: .utf8) {
            return rows(contents)
        }
        let base = (name as NSString).deletingPathExtension
        let ext = (name as NSString).pathExtension
        guard let url = bundle.url(forResource: base, withExtension: ext.isEmpty ? nil : ext),
              let contents = try? String(contentsOf: url, encoding: .utf8)
        else {
            fatalError("NewsGraph data table \(name) is missing from \(bundle.bundlePath)")
        }
        return rows(contents)
    }

    /// The first column of every row, lowercased: a set of keys.
    public static func keySet(_ name: String, bundle: Bundle) -> Set<String> {
        Set(load(name, bundle: bundle).compactMap { $0.first?.lowercased() })
    }
}

/// The tables shipped with the Language module.
public enum LanguageData {
    public static var bundle: Bundle { Bundle.module }
}

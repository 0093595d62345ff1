import Foundation

/// The plain-text data tables the pipeline loads (word lists, gazetteers, trigger lexicons).
///
/// Format, shared by every table: UTF-8, one entry per line, columns separated by tabs, `#` starts a
/// comment line, blank lines ignored. Each file's header comment names its source.
public enum DataTable {
    /// Rows of a table's text: each row's tab-separated columns, trimmed.
    public static func rows(_ contents: String) -> [[String]] {
        var result = [[String]]()
        contents.enumerateLines { line, _ in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { return }
            result.append(line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return result
    }

    /// Loads `name` from a module's resource bundle; a missing table is a packaging bug, so it stops.
    public static func load(_ name: String, bundle: Bundle) -> [[String]] {
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

import Foundation
import Testing
@testable import Language

@Suite struct DataTableTests {
    @Test func rowsAreTabSeparatedTrimmedAndSkipCommentsAndBlankLines() {
        let text = "# source: somewhere\n\nUnited States\tcountry\t US , U.S. \r\n  # indented comment\n\tempty first\n\u{201C}Côte d’Ivoire\u{201D}\tcountry\nlast line without newline"
        #expect(DataTable.rows(text) == [
            ["United States", "country", "US , U.S."],
            ["", "empty first"],
            ["\u{201C}Côte d’Ivoire\u{201D}", "country"],
            ["last line without newline"],
        ])
        #expect(DataTable.rows("").isEmpty)
        #expect(DataTable.rows("a\t\tb\t") == [["a", "", "b", ""]])
    }

    @Test func alternativesAreSplitAtBarsTrimmedAndNeverEmpty() {
        #expect(DataTable.alternatives(" US | U.S.|| \tUSA\t |") == ["US", "U.S.", "USA"])
        #expect(DataTable.alternatives("Côte d’Ivoire") == ["Côte d’Ivoire"])
        #expect(DataTable.alternatives("").isEmpty)
        #expect(DataTable.alternatives(" | ").isEmpty)
    }

    /// A flat resource folder (SwiftPM's layout on Linux) is read by path; a bundle that keeps its files under
    /// `Resources/` is still found through `Bundle`.
    @Test func tablesLoadFromFlatFoldersAndFromBundleLayouts() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("datatable-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let flat = root.appendingPathComponent("Flat.resources")
        try FileManager.default.createDirectory(at: flat, withIntermediateDirectories: true)
        try "a\tb\n# note\nc\n".write(to: flat.appendingPathComponent("t.tsv"), atomically: true, encoding: .utf8)
        let flatBundle = try #require(Bundle(path: flat.path))
        #expect(DataTable.load("t.tsv", bundle: flatBundle) == [["a", "b"], ["c"]])

        let nested = root.appendingPathComponent("Nested.bundle")
        try FileManager.default.createDirectory(at: nested.appendingPathComponent("Resources"),
                                                withIntermediateDirectories: true)
        try "x\ty\n".write(to: nested.appendingPathComponent("Resources/u.tsv"), atomically: true, encoding: .utf8)
        let nestedBundle = try #require(Bundle(path: nested.path))
        #expect(DataTable.load("u.tsv", bundle: nestedBundle) == [["x", "y"]])
    }
}

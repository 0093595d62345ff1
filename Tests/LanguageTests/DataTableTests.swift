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
}

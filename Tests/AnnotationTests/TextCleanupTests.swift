import Annotation
import Testing

@Suite struct TextCleanupTests {
    @Test(arguments: [
        ("Plain sentence.", "Plain sentence."),
        ("  Leading and trailing  \n", "Leading and trailing"),
        ("Hard-wrapped\nReuters   text,\r\n\tfolded.", "Hard-wrapped Reuters text, folded."),
        ("Zürich’s  “quoted”\n\nwords", "Zürich’s “quoted” words"),
        ("", ""),
        (" \n\t ", ""),
    ])
    func foldsEveryRunOfWhitespaceIntoOneSpace(input: String, folded: String) {
        #expect(TextCleanup.foldWhitespace(input) == folded)
    }
}

import Testing
@testable import Corpus

@Suite struct CorpusPlaceholderTests {
    @Test func moduleLoads() { #expect(Bool(true)) }
}

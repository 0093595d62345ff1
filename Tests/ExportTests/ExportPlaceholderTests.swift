import Testing
@testable import Export

@Suite struct ExportPlaceholderTests {
    @Test func moduleLoads() { #expect(Bool(true)) }
}

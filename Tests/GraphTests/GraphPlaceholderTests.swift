import Testing
@testable import Graph

@Suite struct GraphPlaceholderTests {
    @Test func moduleLoads() { #expect(Bool(true)) }
}

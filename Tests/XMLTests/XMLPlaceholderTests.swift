import Testing
@testable import XML

@Suite struct XMLPlaceholderTests {
    @Test func moduleLoads() { #expect(Bool(true)) }
}

import Testing
@testable import Time

@Suite struct TimePlaceholderTests {
    @Test func moduleLoads() { #expect(Bool(true)) }
}

import Testing
@testable import Store

@Suite struct StorePlaceholderTests {
    @Test func moduleLoads() { #expect(Bool(true)) }
}

import Testing
@testable import NewsGraph

@Suite struct NewsGraphPlaceholderTests {
    @Test func moduleLoads() { #expect(Bool(true)) }
}

import Testing
@testable import Events

@Suite struct EventsPlaceholderTests {
    @Test func moduleLoads() { #expect(Bool(true)) }
}

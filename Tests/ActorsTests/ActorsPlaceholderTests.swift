import Testing
@testable import Actors

@Suite struct ActorsPlaceholderTests {
    @Test func moduleLoads() { #expect(Bool(true)) }
}

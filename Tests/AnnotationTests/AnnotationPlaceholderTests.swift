import Testing
@testable import Annotation

@Suite struct AnnotationPlaceholderTests {
    @Test func moduleLoads() { #expect(Bool(true)) }
}

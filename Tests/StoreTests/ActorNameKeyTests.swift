import Testing
@testable import Store

/// The lookup key of a name (what `query` matches typed names against): ASCII names take a byte path, others
/// go by Unicode scalars; both must follow the same rule.
@Suite struct ActorNameKeyTests {
    @Test(arguments: [
        ("U.S.", "us"),
        ("Shinzo  Abe", "shinzo abe"),
        ("Jean-Claude Juncker", "jean claude juncker"),
        ("O'Brien", "obrien"),
        (" -Liberal\tDemocratic Party- ", "liberal democratic party"),
        ("LDP", "ldp"),
        ("...", ""),
    ])
    func asciiNamesTakeTheBytePath(name: String, key: String) {
        #expect(ActorNameKey.make(name) == key)
        #expect(ActorNameKey.makeASCII(name) == key)
    }

    @Test func otherNamesGoByScalarsUnderTheSameRule() {
        #expect(ActorNameKey.makeASCII("Sanaé Takaichi") == nil)
        #expect(ActorNameKey.make("Sanaé Takaichi") == "sanaé takaichi")
        #expect(ActorNameKey.make("O’BRIEN-Élysée") == "obrien élysée")
        // The same ASCII name written with one accented letter keys like it apart from that letter.
        #expect(ActorNameKey.make("Jean-Claude Juncké") == "jean claude junck" + "é")
    }
}

import Foundation
import Testing
@testable import Actors

@Suite struct ActorDictionaryTests {
    let yaml = """
        actors:
          - name: Kuril Islands
            type: location
            aliases: [Northern Territories]
          - name: Acme Widgets
            type: organization
            aliases: [AW]
        ignore:
          - Photo
          - Tokyo
        """

    @Test func loadsYAML() throws {
        let d = try ActorDictionary(yaml: yaml)
        #expect(d.actors.count == 2)
        #expect(d.actors[0] == ActorDictionary.Entry(name: "Kuril Islands", type: .location, aliases: ["Northern Territories"]))
        #expect(d.ignore == ["Photo", "Tokyo"])
    }

    @Test func loadsJSONAndDefaults() throws {
        let json = #"{"actors": [{"name": "Acme Widgets"}], "ignore": []}"#
        let d = try ActorDictionary(json: Data(json.utf8))
        #expect(d.actors == [ActorDictionary.Entry(name: "Acme Widgets", type: .other)])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("actors-dict-test.json")
        try Data(json.utf8).write(to: file)
        #expect(try ActorDictionary(contentsOf: file) == d)
    }

    @Test func dictionaryActorsAndIgnoresApply() throws {
        let recognizer = ActorRecognizer(dictionary: try ActorDictionary(yaml: yaml))
        let a = recognize("Japan and Russia still argue over the Northern Territories, officials in Tokyo said. "
                          + "Acme Widgets and AW shares rose.", recognizer: recognizer)
        #expect(actorList(a) == ["Acme Widgets (organization)", "Japan (country)", "Kuril Islands (location)",
                                 "Russia (country)"])
        #expect(a.mentions.first { $0.text == "Northern Territories" }?.actor == "kuril-islands")
        #expect(a.mentions.first { $0.text == "Northern Territories" }?.kind == .alias)
        #expect(a.mentions.first { $0.text == "AW" }?.kind == .acronym)
        // Without the dictionary Tokyo is an actor.
        #expect(recognize("Officials in Tokyo said so.").actors.map(\.name) == ["Tokyo"])
    }
}

@Suite struct ActorRegistryTests {
    @Test func mergesSurnameIntoTheOneFullNameAndVotesTypes() {
        var registry = ActorRegistry()
        registry.add(DocumentActor(id: "toshimitsu-motegi", name: "Toshimitsu Motegi", type: .person), mentions: 3)
        registry.add(DocumentActor(id: "motegi", name: "Motegi", type: .person), mentions: 2)
        registry.add(DocumentActor(id: "ford", name: "Ford", type: .organization), mentions: 3)
        registry.add(DocumentActor(id: "ford", name: "Ford", type: .person), mentions: 1)
        registry.add(DocumentActor(id: "united-states", name: "United States", type: .country, aliases: ["US"]), mentions: 4)
        registry.add(DocumentActor(id: "united-states", name: "United States", type: .country, aliases: ["U.S."]), mentions: 1)
        let (actors, canonical) = registry.resolve()
        #expect(canonical["motegi"] == "toshimitsu-motegi")
        #expect(canonical["ford"] == "ford")
        #expect(actors.map(\.id) == ["ford", "toshimitsu-motegi", "united-states"])
        #expect(actors.first { $0.id == "ford" }?.type == .organization)
        #expect(actors.first { $0.id == "toshimitsu-motegi" }?.aliases == ["Motegi"])
        #expect(actors.first { $0.id == "united-states" }?.aliases == ["U.S.", "US"])
    }

    @Test func ambiguousSurnameStaysAlone() {
        var registry = ActorRegistry()
        registry.add(DocumentActor(id: "george-bush", name: "George Bush", type: .person), mentions: 1)
        registry.add(DocumentActor(id: "jeb-bush", name: "Jeb Bush", type: .person), mentions: 1)
        registry.add(DocumentActor(id: "bush", name: "Bush", type: .person), mentions: 1)
        let (actors, canonical) = registry.resolve()
        #expect(canonical["bush"] == "bush")
        #expect(actors.count == 3)
    }

    @Test func idsAreStable() {
        #expect(ActorID.make("Donald Trump") == "donald-trump")
        #expect(ActorID.make("U.S.") == "us")
        #expect(ActorID.make("O'Brien") == "obrien")
        #expect(ActorID.make("Jean-Pierre Raffarin") == "jean-pierre-raffarin")
        #expect(ActorID.make("Zoë Ärnström") == "zoe-arnstrom")
    }
}

import Foundation
import Yams

/// A user's own actors and exclusions, loaded from YAML or JSON (see `docs/actors-dictionary.md`).
///
/// Dictionary actors win over every built-in table: their names and aliases are recognised wherever they
/// are capitalised, with the given type, and resolve to the given canonical name. Ignored names are never
/// actors, however strong the evidence.
public struct ActorDictionary: Codable, Hashable, Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        public var name: String
        public var type: ActorType
        public var aliases: [String]

        public init(name: String, type: ActorType, aliases: [String] = []) {
            self.name = name
            self.type = type
            self.aliases = aliases
        }

        enum CodingKeys: String, CodingKey { case name, type, aliases }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            type = try c.decodeIfPresent(ActorType.self, forKey: .type) ?? .other
            aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        }
    }

    public var actors: [Entry]
    public var ignore: [String]

    public init(actors: [Entry] = [], ignore: [String] = []) {
        self.actors = actors
        self.ignore = ignore
    }

    enum CodingKeys: String, CodingKey { case actors, ignore }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        actors = try c.decodeIfPresent([Entry].self, forKey: .actors) ?? []
        ignore = try c.decodeIfPresent([String].self, forKey: .ignore) ?? []
    }

    /// Parses YAML (a superset of JSON, so JSON text parses too).
    public init(yaml: String) throws {
        self = try YAMLDecoder().decode(ActorDictionary.self, from: yaml)
    }

    /// Parses JSON.
    public init(json: Data) throws {
        self = try JSONDecoder().decode(ActorDictionary.self, from: json)
    }

    /// Loads a `.json` file as JSON and anything else as YAML.
    public init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        if url.pathExtension.lowercased() == "json" {
            try self.init(json: data)
        } else {
            try self.init(yaml: String(decoding: data, as: UTF8.self))
        }
    }

    /// The dictionary's names as gazetteer entries, keyed like the built-in tables.
    var gazetteer: [String: GazetteerEntry] {
        var table = [String: GazetteerEntry]()
        for entry in actors {
            table[ActorLexicon.key(entry.name)] = GazetteerEntry(canonical: entry.name, type: entry.type, kind: .name)
            for alias in entry.aliases {
                let letters = alias.unicodeScalars.filter { $0.properties.isAlphabetic }
                let acronym = letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase }
                table[ActorLexicon.key(alias)] = GazetteerEntry(canonical: entry.name, type: entry.type,
                                                                kind: acronym ? .acronym : .alias)
            }
        }
        return table
    }

    var ignoredKeys: Set<String> { Set(ignore.map(ActorLexicon.key)) }
}

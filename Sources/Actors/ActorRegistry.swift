/// An actor of the whole corpus: the node the graph shows.
public struct GlobalActor: Hashable, Sendable {
    public var id: String
    public var name: String
    public var type: ActorType
    public var aliases: [String]

    public init(id: String, name: String, type: ActorType, aliases: [String]) {
        self.id = id
        self.name = name
        self.type = type
        self.aliases = aliases
    }
}

/// Merges the document-level actors of many documents into one canonical actor per real-world actor.
///
/// PLACEHOLDER: merges only identical ids; the real registry also merges a lone surname into the one full
/// name that carries it, and picks each actor's type by majority.
public struct ActorRegistry: Sendable {
    private var byID: [String: (actor: DocumentActor, mentions: Int, aliases: Set<String>)] = [:]

    public init() {}

    /// Records one document's actor and how many mentions it had there.
    public mutating func add(_ actor: DocumentActor, mentions: Int) {
        if var entry = byID[actor.id] {
            entry.mentions += mentions
            entry.aliases.formUnion(actor.aliases)
            byID[actor.id] = entry
        } else {
            byID[actor.id] = (actor, mentions, Set(actor.aliases))
        }
    }

    /// The canonical actors, and for every document-level id the canonical id it resolves to.
    public func resolve() -> (actors: [GlobalActor], canonicalID: [String: String]) {
        var actors = [GlobalActor]()
        var mapping = [String: String]()
        for (id, entry) in byID.sorted(by: { $0.key < $1.key }) {
            actors.append(GlobalActor(id: id, name: entry.actor.name, type: entry.actor.type,
                                      aliases: entry.aliases.subtracting([entry.actor.name]).sorted()))
            mapping[id] = id
        }
        return (actors, mapping)
    }
}

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
/// Ids are name-derived (`ActorID`), so the same name is the same actor in every document and run. A lone
/// surname actor ("Motegi", from a document that never gave the full name) merges into the single person
/// whose full name ends with it, if exactly one does; each actor's type is the majority over its mentions.
public struct ActorRegistry: Sendable {
    struct Entry: Sendable {
        var name: String
        var mentions: Int
        var aliases: Set<String>
        var typeVotes: [ActorType: Int]

        /// The type most of its mentions gave it (ties: the type whose name sorts first).
        var majorityType: ActorType {
            typeVotes.max { $0.value < $1.value || ($0.value == $1.value && $0.key.rawValue > $1.key.rawValue) }?.key
                ?? .other
        }
    }

    private var byID: [String: Entry] = [:]

    public init() {}

    /// One document-level actor as the registry knows it after every document added so far: what a store
    /// keeps so that documents added later are resolved as if the whole corpus had been added at once.
    public struct Record: Hashable, Sendable {
        public var id: String
        /// The name it was first seen with.
        public var name: String
        public var mentions: Int
        public var aliases: [String]
        /// Mentions (at least one per document) by the type each document gave it.
        public var typeVotes: [ActorType: Int]

        public init(id: String, name: String, mentions: Int, aliases: [String], typeVotes: [ActorType: Int]) {
            self.id = id
            self.name = name
            self.mentions = mentions
            self.aliases = aliases
            self.typeVotes = typeVotes
        }
    }

    /// Every actor recorded, by id.
    public var records: [Record] {
        byID.map { Record(id: $0.key, name: $0.value.name, mentions: $0.value.mentions, aliases: $0.value.aliases.sorted(),
                          typeVotes: $0.value.typeVotes) }.sorted { $0.id < $1.id }
    }

    /// A registry holding `records`, as `records` gave them.
    public init(records: some Sequence<Record>) {
        for r in records {
            byID[r.id] = Entry(name: r.name, mentions: r.mentions, aliases: Set(r.aliases), typeVotes: r.typeVotes)
        }
    }

    /// Records one document's actors, `mentions[i]` being how many mentions `actors[i]` had there.
    public mutating func add(_ actors: [DocumentActor], mentions: [Int]) {
        for (i, actor) in actors.enumerated() { add(actor, mentions: mentions[i]) }
    }

    /// Records one document's actor and how many mentions it had there.
    public mutating func add(_ actor: DocumentActor, mentions: Int) {
        // Changed in place: a copy taken out and written back would copy its alias set and votes each time.
        func record(_ entry: inout Entry) {
            entry.mentions += mentions
            entry.aliases.formUnion(actor.aliases)
            entry.typeVotes[actor.type, default: 0] += max(mentions, 1)
        }
        record(&byID[actor.id, default: Entry(name: actor.name, mentions: 0, aliases: [], typeVotes: [:])])
    }

    /// The canonical actors, and for every document-level id the canonical id it resolves to.
    public func resolve() -> (actors: [GlobalActor], canonicalID: [String: String]) {
        let entries = Array(byID)
        let types = entries.map(\.value.majorityType)
        // Full person names by their last word: where a lone surname may go. Only a surname that ends exactly
        // one full name is merged, so each keeps the first full name and how many there are.
        var fullNamesBySurname = [String: (first: String, count: Int)]()
        for (k, (id, entry)) in entries.enumerated() where types[k] == .person {
            let words = entry.name.split(separator: " ")
            guard words.count >= 2, let last = words.last else { continue }
            fullNamesBySurname[ActorID.make(String(last)), default: (id, 0)].count += 1
        }
        var mapping = [String: String](minimumCapacity: entries.count)
        for (k, (id, entry)) in entries.enumerated() {
            mapping[id] = id
            // A one-word name; its bytes are looked at (Foundation's `contains(" ")` cost ~5,000 instructions).
            if !entry.name.utf8.contains(UInt8(ascii: " ")), types[k] == .person,
               let targets = fullNamesBySurname[id], targets.count == 1 {
                mapping[id] = targets.first
            }
        }
        var exact = [String: Entry](minimumCapacity: entries.count)
        for (id, entry) in entries {
            let target = mapping[id] ?? id
            // Merged in place (a copy taken out and written back would copy its alias set each time).
            func merge(into e: inout Entry) {
                e.mentions += entry.mentions
                e.aliases.formUnion(entry.aliases)
                if target != id { e.aliases.insert(entry.name) }
                for (type, n) in entry.typeVotes { e.typeVotes[type, default: 0] += n }
            }
            let empty = { Entry(name: byID[target]!.name, mentions: 0, aliases: [], typeVotes: [:]) }
            merge(into: &exact[target, default: empty()])
        }
        let actors = exact.sorted { $0.key < $1.key }.map { id, entry in
            GlobalActor(id: id, name: entry.name, type: entry.majorityType,
                        aliases: entry.aliases.subtracting([entry.name]).sorted())
        }
        return (actors, mapping)
    }
}

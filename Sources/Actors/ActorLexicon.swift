import Foundation
import Language

/// A name the gazetteer knows: the actor it names and how ("U.S." is an alias of the United States).
struct GazetteerEntry: Sendable, Hashable {
    var canonical: String
    var type: ActorType
    var kind: MentionKind
}

/// What a word can be inside a title ("Prime Minister", "Minister of Foreign Affairs", "Mr.").
struct TitleRole: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    /// A title noun: "Minister", "Secretary", "Governor".
    static let head = TitleRole(rawValue: 1 << 0)
    /// A title noun that names a country's leader: "President", "Emperor".
    static let leader = TitleRole(rawValue: 1 << 1)
    /// "Mr.", "Dr.": marks a person but names no office.
    static let honorific = TitleRole(rawValue: 1 << 2)
    /// Only inside a title: "Prime", "Deputy", "Vice".
    static let modifier = TitleRole(rawValue: 1 << 3)
    /// What a minister is of: "Foreign", "Affairs", "Commerce".
    static let portfolio = TitleRole(rawValue: 1 << 4)

    var isTitleNoun: Bool { !intersection([.head, .leader, .honorific]).isEmpty }
}

/// Everything the tables say about one word, so that a token costs one lookup.
struct WordInfo: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let gazetteer = Flags(rawValue: 1 << 0)
        static let learned = Flags(rawValue: 1 << 1)
        static let common = Flags(rawValue: 1 << 2)
        static let nonActor = Flags(rawValue: 1 << 3)
        static let inner = Flags(rawValue: 1 << 4)
        static let given = Flags(rawValue: 1 << 5)
        static let firstWord = Flags(rawValue: 1 << 6)
    }
    var flags: Flags = []
    var title: TitleRole = []
    var cue: ActorType?
}

/// The data tables actor recognition runs on, loaded once from `Resources/`.
///
/// Every lookup uses `ActorLexicon.key`: ASCII-lowercased, typographic apostrophes folded to `'`,
/// whitespace collapsed — the same form `ActorRecognizer` builds from tokens.
struct ActorLexicon: Sendable {
    var gazetteer: [String: GazetteerEntry] = [:]
    /// `gazetteer` probed without Swift's seeded `String` hashing: it is looked up for every name candidate.
    var gazetteerTable = WordMap<GazetteerEntry, ExactBytes>([:])
    /// ISO 3166-1 alpha-3 codes, matched only in all-caps form inside mixed-case text.
    var isoCodes: [String: String] = [:]
    var cues: [String: ActorType] = [:]
    var titles: [String: TitleRole] = [:]
    var nonActors: Set<String> = []
    /// Never a name alone, but may sit inside one ("Communist Party", "Seven Party Alliance").
    var innerWords: Set<String> = []
    var commonWords: Set<String> = []
    var givenNames: Set<String> = []
    /// Place and organisation names learned from CoNLL-2003 train: weaker than the gazetteer.
    var learned: [String: ActorType] = [:]
    /// `learned` probed without Swift's seeded `String` hashing: it is asked for nearly every name candidate.
    var learnedTable = WordMap<ActorType, ExactBytes>([:])
    /// First words of multi-word gazetteer names ("northern" of "northern ireland").
    var firstWords: Set<String> = []
    /// The single-word view of all tables, probed with a token's bytes.
    var wordTable = WordMap<WordInfo, CaseAndApostrophe>([:])
    /// `wordTable` for ASCII tokens, probed with the hashes the document's stages share (`TokenHashes`).
    var hashedWordTable: WordHashTable<WordInfo>?

    static func firstWords(of keys: some Sequence<String>) -> Set<String> {
        var words = Set<String>()
        for k in keys {
            // The UTF-8 view: `firstIndex(of: Character)` walks grapheme clusters.
            if let space = k.utf8.firstIndex(of: UInt8(ascii: " ")) { words.insert(String(k[..<space])) }
        }
        return words
    }

    static let standard: ActorLexicon = load(bundle: .module)

    static func load(bundle: Bundle) -> ActorLexicon {
        var lexicon = ActorLexicon()
        func add(_ surface: String, _ entry: GazetteerEntry) {
            let k = key(surface)
            if lexicon.gazetteer[k] == nil { lexicon.gazetteer[k] = entry }
        }
        func aliasKind(_ s: String) -> MentionKind {
            let letters = s.unicodeScalars.filter { $0.properties.isAlphabetic }
            return letters.count >= 2 && letters.allSatisfy { $0.properties.isUppercase } ? .acronym : .alias
        }
        for row in DataTable.load("countries.tsv", bundle: bundle) {
            let name = row[0]
            add(name, GazetteerEntry(canonical: name, type: .country, kind: .name))
            for a in row.count > 1 ? DataTable.alternatives(row[1]) : [] {
                add(a, GazetteerEntry(canonical: name, type: .country, kind: .alias))
            }
            for d in row.count > 2 ? DataTable.alternatives(row[2]) : [] {
                add(d, GazetteerEntry(canonical: name, type: .country, kind: .demonym))
            }
            if row.count > 3, row[3].count == 3 { lexicon.isoCodes[row[3]] = name }
        }
        for row in DataTable.load("places.tsv", bundle: bundle) {
            let name = row[0]
            add(name, GazetteerEntry(canonical: name, type: .location, kind: .name))
            for a in row.count > 1 ? DataTable.alternatives(row[1]) : [] {
                add(a, GazetteerEntry(canonical: name, type: .location, kind: .alias))
            }
        }
        for row in DataTable.load("organizations.tsv", bundle: bundle) {
            let name = row[0]
            add(name, GazetteerEntry(canonical: name, type: .organization, kind: .name))
            for a in row.count > 1 ? DataTable.alternatives(row[1]) : [] {
                add(a, GazetteerEntry(canonical: name, type: .organization, kind: aliasKind(a)))
            }
        }
        for row in DataTable.load("cues.tsv", bundle: bundle) where row.count > 1 {
            lexicon.cues[key(row[0])] = row[1] == "location" ? .location : .organization
        }
        for row in DataTable.load("titles.tsv", bundle: bundle) where row.count > 1 {
            let role: TitleRole
            switch row[1] {
            case "leader": role = [.head, .leader]
            case "honorific": role = .honorific
            case "modifier": role = .modifier
            case "portfolio": role = .portfolio
            default: role = .head
            }
            lexicon.titles[key(row[0]), default: []].formUnion(role)
        }
        for row in DataTable.load("non_actors.tsv", bundle: bundle) {
            if row.count > 1, row[1] == "inner" { lexicon.innerWords.insert(key(row[0])) } else { lexicon.nonActors.insert(key(row[0])) }
        }
        lexicon.commonWords = Set(DataTable.load("learned_common_words.tsv", bundle: bundle).map { key($0[0]) })
        lexicon.givenNames = Set(DataTable.load("given_names.tsv", bundle: bundle).map { key($0[0]) })
            .union(DataTable.load("learned_given_names.tsv", bundle: bundle).map { key($0[0]) })
        for row in DataTable.load("learned_names.tsv", bundle: bundle) where row.count > 1 {
            lexicon.learned[key(row[0])] = row[1] == "location" ? .location : .organization
        }
        lexicon.firstWords = firstWords(of: lexicon.gazetteer.keys)
        var words = [String: WordInfo](minimumCapacity: lexicon.gazetteer.count + lexicon.learned.count
            + lexicon.commonWords.count + lexicon.givenNames.count + 2 * lexicon.titles.count)
        func mark(_ keys: some Sequence<String>, _ flag: WordInfo.Flags) {
            // Bytes, not Foundation's `contains(_: StringProtocol)`, which cost 4,000 instructions a word here.
            for k in keys where !k.utf8.contains(UInt8(ascii: " ")) { words[k, default: WordInfo()].flags.insert(flag) }
        }
        mark(lexicon.gazetteer.keys, .gazetteer)
        mark(lexicon.learned.keys, .learned)
        mark(lexicon.commonWords, .common)
        mark(lexicon.nonActors, .nonActor)
        mark(lexicon.innerWords, .inner)
        mark(lexicon.givenNames, .given)
        mark(lexicon.firstWords, .firstWord)
        for (k, role) in lexicon.titles {
            words[k, default: WordInfo()].title = role
            words[k + ".", default: WordInfo()].title = role  // "Mr.", "Gen.", "Sen." keep their period
        }
        for (k, cue) in lexicon.cues { words[k, default: WordInfo()].cue = cue }
        lexicon.wordTable = WordMap(words)
        lexicon.hashedWordTable = WordHashTable.forASCIITokens(words, foldedAs: CaseAndApostrophe.self)
        lexicon.gazetteerTable = WordMap(lexicon.gazetteer)
        lexicon.learnedTable = WordMap(lexicon.learned)
        return lexicon
    }

    /// The lookup form of a name: ASCII-lowercased, ’ folded to ', runs of whitespace as one space.
    static func key(_ s: String) -> String { s.withBorrowedUTF8 { key(buffer: $0) } }

    /// The lookup form of UTF-8 bytes (a name, or a span of a document's text); `key(_:)` for strings.
    static func key<Bytes: RandomAccessCollection>(bytes: Bytes) -> String where Bytes.Element == UInt8, Bytes.Index == Int {
        if let key = bytes.withContiguousStorageIfAvailable({ key(buffer: $0) }) { return key }
        return Array(bytes).withUnsafeBufferPointer { key(buffer: $0) }
    }

    /// Written straight into the string's storage (the key is never longer than its bytes): no array is
    /// allocated per lookup, and a key of up to 15 bytes allocates nothing.
    static func key(buffer bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            var n = 0
            var pendingSpace = false
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                    pendingSpace = n > 0
                    i += 1
                    continue
                }
                if pendingSpace { out[n] = 0x20; n += 1; pendingSpace = false }
                out[n] = CaseAndApostrophe.next(bytes, &i, bytes.count)  // the fold the lexicon's WordMap uses
                n += 1
            }
            return n
        }
    }
}

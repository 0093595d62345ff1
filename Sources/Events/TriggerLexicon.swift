import Foundation
import Language

/// Grammatical roles of the small closed-class words clause splitting and participant finding look at.
struct WordClass: OptionSet, Hashable, Sendable {
    let rawValue: UInt32
    /// Determiners, possessive pronouns and common prenominal adjectives: the next word is a noun.
    static let determiner = WordClass(rawValue: 1 << 0)
    /// Prepositions: the next word starts a noun phrase ("after talks", "during the visit").
    static let preposition = WordClass(rawValue: 1 << 1)
    /// "by", "from": a following actor is the agent of the event.
    static let agent = WordClass(rawValue: 1 << 2)
    /// Locative prepositions: a following place is where the event happens, not its target.
    static let locative = WordClass(rawValue: 1 << 3)
    /// Coordinators that start a new clause after a comma (", and", ", but").
    static let coordinator = WordClass(rawValue: 1 << 4)
    /// Subordinators that start a new clause ("when", "while", "because").
    static let subordinator = WordClass(rawValue: 1 << 5)
    /// Relative pronouns that start a clause after a comma (", which", ", who").
    static let relative = WordClass(rawValue: 1 << 6)
    /// The complementizer "that".
    static let complementizer = WordClass(rawValue: 1 << 7)
    /// Personal pronouns: after a reporting verb they open the reported clause ("said he would").
    static let pronoun = WordClass(rawValue: 1 << 8)
    /// Forms of "be"/"get": before a past participle they make it passive.
    static let beAux = WordClass(rawValue: 1 << 9)
    /// Adverbs that may stand between an auxiliary and its verb ("was also signed").
    static let adverb = WordClass(rawValue: 1 << 10)
    /// Infinitive "to": the next word is a verb.
    static let infinitive = WordClass(rawValue: 1 << 11)
    /// Nouns that make a preceding event noun a modifier ("trade minister", "election officials").
    static let head = WordClass(rawValue: 1 << 12)
    /// Nouns that make a movement verb an economic figure ("prices rose", "exports dropped").
    static let economyNoun = WordClass(rawValue: 1 << 13)
    /// Words that make a movement verb an economic figure when they follow it ("fell 2 percent", "to zero").
    static let economyCue = WordClass(rawValue: 1 << 14)
    /// Words linking two dates into a range ("Monday and Tuesday", "May to July").
    static let rangeLink = WordClass(rawValue: 1 << 15)
    /// The first word of a two-word trigger ("sit down", "take office").
    static let phraseStart = WordClass(rawValue: 1 << 16)
    /// Articles and possessives: after a reporting verb they open the reported clause ("said the").
    static let article = WordClass(rawValue: 1 << 17)

    static let names: [String: WordClass] = [
        "det": .determiner, "art": .article, "prep": .preposition, "agent": .agent, "loc": .locative, "coord": .coordinator,
        "sub": .subordinator, "rel": .relative, "that": .complementizer, "pron": .pronoun, "be": .beAux,
        "adv": .adverb, "to": .infinitive, "head": .head, "econ-noun": .economyNoun, "econ-cue": .economyCue,
        "link": .rangeLink,
    ]
}

/// One word form of the trigger lexicon.
struct TriggerForm: Hashable, Sendable {
    enum Shape: UInt8, Sendable {
        /// Base form, present tense, or a noun.
        case base
        /// Past tense or past participle: passive after "was".
        case past
        /// Present participle / gerund.
        case ing
    }

    var type: EventType
    var canBeVerb: Bool
    var canBeNoun: Bool
    var shape: Shape
    /// A reporting verb ("said"): the speaker is the source; undated ones take the document date.
    var reporting: Bool
    /// The first actor after the verb is its addressee ("told Reuters").
    var addressee: Bool
    /// A movement verb ("rose", "fell") that is an economic event only with a figure or an economic subject.
    var needsQuantity: Bool
    /// The trigger spans two words ("sit down").
    var phrase: Bool
}

/// What the lexicon knows about one lowercased word: its trigger form, if any, and its closed-class roles.
struct WordEntry: Sendable {
    var trigger: Int32 = -1
    var classes: WordClass = []
}

/// The lexicon's table: a `WordHashTable` keyed by `WordHash` of the lowercased form, the hash
/// `TokenHashes` takes of every token.
typealias WordTable = WordHashTable<WordEntry>

extension WordHashTable where Value == WordEntry {
    /// The key of a lexicon entry: a word, a hyphenated compound, or a two-word phrase ("sit down").
    static func key(_ form: String) -> UInt64 {
        // Bytes, not `split(separator: Character)`, which walks grapheme clusters: the lexicon keys every
        // form at each start.
        form.withBorrowedUTF8 { bytes in
            if let space = bytes.firstIndex(of: UInt8(ascii: " ")) {
                return phraseKey(WordHash.of(bytes, 0..<space),
                                 key(String(decoding: bytes[(space + 1)...], as: UTF8.self)))
            }
            return WordHash.of(bytes, 0..<bytes.count)
        }
    }

    /// The key of a two-word phrase from its words' hashes.
    @inline(__always)
    static func phraseKey(_ first: UInt64, _ second: UInt64) -> UInt64 {
        var k = (first &* 0x9E37_79B9_7F4A_7C15) ^ second
        k ^= k >> 31
        return k == 0 ? 1 : k
    }
}

/// The trigger lexicon (`triggers.tsv`) and the closed-class word list (`clause-words.tsv`), merged into one
/// hash table keyed by lowercased word.
public struct TriggerLexicon: Sendable {
    let forms: [TriggerForm]
    let table: WordTable
    /// Forms listed twice with different types (the first listing wins); empty in a well-kept table.
    let conflicts: [String]
    /// Lowercased form → trigger form, for tests and inspection (not used in the hot loop).
    let formIndex: [String: Int]

    public static let standard = TriggerLexicon(
        triggers: DataTable.load("triggers.tsv", bundle: .module),
        words: DataTable.load("clause-words.tsv", bundle: .module))

    init(triggers: [[String]], words: [[String]]) {
        var forms = [TriggerForm]()
        var index = [String: Int]()
        var conflicts = [String]()
        var phraseStarts = Set<String>()

        func add(_ form: String, _ new: TriggerForm) {
            if let i = index[form] {
                if forms[i].type != new.type {
                    conflicts.append("\(form): \(forms[i].type.rawValue) vs \(new.type.rawValue)")
                    return
                }
                forms[i].canBeVerb = forms[i].canBeVerb || new.canBeVerb
                forms[i].canBeNoun = forms[i].canBeNoun || new.canBeNoun
                forms[i].reporting = forms[i].reporting || new.reporting
                forms[i].addressee = forms[i].addressee || new.addressee
                forms[i].needsQuantity = forms[i].needsQuantity && new.needsQuantity
                if forms[i].shape == .base && new.canBeVerb { forms[i].shape = new.shape }
            } else {
                index[form] = forms.count
                forms.append(new)
            }
            if new.phrase, let space = form.firstIndex(of: " ") { phraseStarts.insert(String(form[..<space])) }
        }

        for row in triggers where row.count >= 4 {
            let lemma = row[0].lowercased()
            guard let type = EventType(rawValue: row[2]) else {
                conflicts.append("\(lemma): unknown type \(row[2])")
                continue
            }
            let cameo = row[3] == "-" ? nil : row[3]
            if cameo != type.cameo { conflicts.append("\(lemma): CAMEO \(row[3]) does not match \(type.rawValue)") }
            let flags = row.count > 4 ? Set(row[4].split(separator: ",").map(String.init)) : []
            let irregular = row.count > 5 ? row[5].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } : []
            let isVerb = row[1].hasPrefix("v")
            let template = TriggerForm(
                type: type, canBeVerb: isVerb, canBeNoun: !isVerb, shape: .base,
                reporting: flags.contains("report"), addressee: flags.contains("addressee"),
                needsQuantity: flags.contains("quant"), phrase: lemma.contains(" "))
            var generated: [(String, TriggerForm.Shape)]
            switch row[1] {
            case "v": generated = Inflection.verbForms(lemma)
            case "n": generated = Inflection.nounForms(lemma).map { ($0, .base) }
            default: generated = [(lemma, Inflection.shape(of: lemma, irregular: false))]
            }
            generated += irregular.map { ($0, Inflection.shape(of: $0, irregular: true)) }
            for (form, shape) in generated {
                var f = template
                f.shape = isVerb ? shape : .base
                add(form, f)
            }
        }

        var entries = [UInt64: WordEntry]()
        for (form, i) in index {
            entries[WordTable.key(form), default: WordEntry()].trigger = Int32(i)
        }
        for row in words where row.count >= 2 {
            var classes: WordClass = []
            for name in row[1].split(separator: ",") {
                if let c = WordClass.names[String(name)] { classes.insert(c) } else {
                    conflicts.append("\(row[0]): unknown word class \(name)")
                }
            }
            entries[WordTable.key(row[0].lowercased()), default: WordEntry()].classes.formUnion(classes)
        }
        for start in phraseStarts {
            entries[WordTable.key(start), default: WordEntry()].classes.insert(.phraseStart)
        }
        self.forms = forms
        self.formIndex = index
        self.conflicts = conflicts
        self.table = WordTable(entries)
    }

    /// The trigger form of a lowercased word or two-word phrase, if the lexicon lists it.
    func form(_ word: String) -> TriggerForm? {
        formIndex[word.lowercased()].map { forms[$0] }
    }
}

/// A light English inflector for the lexicon's lemmas: regular forms only, irregular ones are listed in the
/// table. Over-generation ("visitted" beside "visited") is harmless: such forms never occur in text.
enum Inflection {
    static func verbForms(_ lemma: String) -> [(String, TriggerForm.Shape)] {
        // Inflect the first word of a phrase ("sit down" → "sits down").
        var head = lemma, tail = ""
        if let space = lemma.firstIndex(of: " ") {
            head = String(lemma[..<space])
            tail = String(lemma[space...])
        }
        let w = Array(head.utf8)
        guard let last = w.last else { return [] }
        let vowels: Set<UInt8> = Set("aeiou".utf8)
        let before = w.count >= 2 ? w[w.count - 2] : 0
        var out: [(String, TriggerForm.Shape)] = [(head, .base)]
        func s(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
        let stem = s(Array(w.dropLast()))

        // Third person singular.
        if last == UInt8(ascii: "y"), !vowels.contains(before) {
            out.append((stem + "ies", .base))
        } else if head.hasSuffix("s") || head.hasSuffix("x") || head.hasSuffix("z") || head.hasSuffix("ch")
                    || head.hasSuffix("sh") || head.hasSuffix("o") {
            out.append((head + "es", .base))
        } else {
            out.append((head + "s", .base))
        }
        // Past and -ing.
        if last == UInt8(ascii: "e") {
            out.append((head + "d", .past))
            if before == UInt8(ascii: "i") {
                out.append((s(Array(w.dropLast(2))) + "ying", .ing))
            } else if before == UInt8(ascii: "e") || before == UInt8(ascii: "y") || before == UInt8(ascii: "o") {
                out.append((head + "ing", .ing))
            } else {
                out.append((stem + "ing", .ing))
            }
        } else if last == UInt8(ascii: "y"), !vowels.contains(before) {
            out.append((stem + "ied", .past))
            out.append((head + "ing", .ing))
        } else {
            out.append((head + "ed", .past))
            out.append((head + "ing", .ing))
            // Consonant doubling after a single short vowel (skid → skidded); both spellings are kept.
            let third = w.count >= 3 ? w[w.count - 3] : UInt8(ascii: "a")
            if !vowels.contains(last), !"wxy".utf8.contains(last), vowels.contains(before), !vowels.contains(third) {
                let doubled = head + s([last])
                out.append((doubled + "ed", .past))
                out.append((doubled + "ing", .ing))
            }
        }
        return out.map { ($0.0 + tail, $0.1) }
    }

    static func nounForms(_ lemma: String) -> [String] {
        // Pluralize the last word of a phrase ("hunger strike" → "hunger strikes").
        let w = Array(lemma.utf8)
        guard let last = w.last else { return [] }
        let before = w.count >= 2 ? w[w.count - 2] : 0
        if lemma.hasSuffix("s") && !lemma.hasSuffix("ss") { return [lemma] }
        if last == UInt8(ascii: "y"), !Set("aeiou".utf8).contains(before) {
            return [lemma, String(decoding: w.dropLast(), as: UTF8.self) + "ies"]
        }
        if lemma.hasSuffix("ss") || lemma.hasSuffix("x") || lemma.hasSuffix("ch") || lemma.hasSuffix("sh") {
            return [lemma, lemma + "es"]
        }
        return [lemma, lemma + "s"]
    }

    /// The shape of a form listed as written: irregular forms (`irregular` true) are past forms unless they
    /// end in -ing; exact `vx` rows are past when they end in -ed.
    static func shape(of form: String, irregular: Bool) -> TriggerForm.Shape {
        let head = form.split(separator: " ").first.map(String.init) ?? form
        if head.hasSuffix("ing") { return .ing }
        if irregular || head.hasSuffix("ed") { return .past }
        return .base
    }
    private static let irregularBase: Set<String> = ["hold", "take", "sit", "step", "meet", "swear"]
}

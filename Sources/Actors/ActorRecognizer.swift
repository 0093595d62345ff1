import Corpus
import Language

/// Finds the actors of a document: proper-name mentions, typed and resolved to document-level actors.
///
/// Two passes. The first walks each sentence's tokens and cuts runs of capitalised words (with inner
/// connectors: "Bank of Japan", "bin", "al-", "van") into name candidates: titles are split off and type
/// the name that follows ("US President Donald Trump" → US, Donald Trump), gazetteer names and cue words
/// ("Party", "Airport") type the rest, acronyms defined in parentheses are remembered. The second pass
/// resolves within the document: surnames to the full name before them, acronyms to their expansion,
/// "the US leader" and a speaker "he said" where exactly one actor fits, and types what is left from
/// context ("X said", "in X").
public struct ActorRecognizer: Sendable {
    /// The tables, behind one reference: copying a recognizer is cheap and its layout never changes.
    final class Tables: Sendable {
        let lexicon: ActorLexicon
        let userGazetteer: [String: GazetteerEntry]
        let userFirstWords: Set<String>
        let ignored: Set<String>

        init(lexicon: ActorLexicon, dictionary: ActorDictionary) {
            self.lexicon = lexicon
            userGazetteer = dictionary.gazetteer
            userFirstWords = ActorLexicon.firstWords(of: userGazetteer.keys)
            ignored = dictionary.ignoredKeys
        }

        static let standard = Tables(lexicon: .standard, dictionary: ActorDictionary())
    }

    let tables: Tables

    /// Reads and indexes the built-in tables now (they load once, on first use, at every start).
    public static func loadTables() { _ = Tables.standard }

    public init() {
        tables = .standard
    }

    public init(dictionary: ActorDictionary) {
        tables = Tables(lexicon: .standard, dictionary: dictionary)
    }

    /// `hashes`: the document's `TokenHashes`, when the caller has taken them for all stages.
    public func recognize(_ text: Text, tokens: [Token], sentences: [Sentence], hashes: TokenHashes? = nil)
        -> ActorAnnotation {
        var scratch = RecognitionScratch()
        return recognize(text, tokens: tokens, sentences: sentences, hashes: hashes, reusing: &scratch)
    }

    /// `recognize` with working storage kept from the document before: a worker passes the same `scratch` for
    /// each document of a group.
    public func recognize(_ text: Text, tokens: [Token], sentences: [Sentence], hashes: TokenHashes? = nil,
                          reusing scratch: inout RecognitionScratch) -> ActorAnnotation {
        var pass = RecognitionPass(text: text, tokens: tokens, sentences: sentences, tables: tables, hashes: hashes,
                                   scratch: &scratch)
        pass.findCandidates()
        pass.resolve(scratch: &scratch)
        let annotation = pass.annotation(scratch: &scratch)
        pass.giveBack(&scratch)
        return annotation
    }
}

/// The arrays and tables one document's recognition fills and then drops, emptied for the next document rather
/// than freed and made again: about a fifth of what a short article costs is such set-up (docs/scale.md,
/// nineteenth session), and a `Dictionary` made with a capacity looks its storage class up in the runtime.
public struct RecognitionScratch {
    var candidates = [Candidate]()
    var capitalInfo = [WordInfo]()
    var personByPart = [TextKey: String]()
    var knownByKey = [TextKey: (canonical: String, type: ActorType)]()
    var votes = [Int]()
    var actorIndex = [TextKey: Int]()
    var canonicalKeys = [String]()

    public init() {}
}

/// A name found in the text, before and after document-level resolution.
struct Candidate {
    /// Token indices of the name itself (no title, no possessive).
    var tokens: Range<Int>
    var sentence: Int
    var key: String
    var type: ActorType?
    var canonical: String?
    var kind: MentionKind = .name
    var title: String?
    var leaderTitle = false
    /// The country named before the title ("US" in "US President Donald Trump").
    var nationality: String?
    /// Number of capitalised words (connectors and hyphens not counted).
    var words: Int
    /// Typed by table, title, cue or evidence; weak candidates yield to document-level resolution.
    var strong: Bool
    /// For the `reference`/`pronoun` kinds: the byte range, which may extend past `tokens`.
    var byteRange: Range<Int>?
    var evidence: ContextEvidence = []
}

struct ContextEvidence: OptionSet {
    let rawValue: UInt8
    static let speaker = ContextEvidence(rawValue: 1 << 0)
    static let place = ContextEvidence(rawValue: 1 << 1)
    static let age = ContextEvidence(rawValue: 1 << 2)
    static let maker = ContextEvidence(rawValue: 1 << 3)
    /// "the Spratlys": people rarely take an article.
    static let definite = ContextEvidence(rawValue: 1 << 4)
}

struct RecognitionPass {
    let text: Text
    let tokens: [Token]
    let sentences: [Sentence]
    /// The lexicon and the user's dictionary, by reference: a copy of the lexicon per document (or per closure
    /// that captures the pass) retained every table in it and copied a few hundred bytes.
    let tables: ActorRecognizer.Tables
    var userGazetteer: [String: GazetteerEntry] { tables.userGazetteer }
    var userFirstWords: Set<String> { tables.userFirstWords }
    var ignored: Set<String> { tables.ignored }
    var candidates: [Candidate]
    /// Acronyms defined in parentheses: acronym key → canonical name of the expansion.
    var acronyms = [String: (canonical: String, type: ActorType)]()
    var headlineSentences = [Int]()
    /// Table facts about the capitalised words, looked up once.
    private(set) var capitalInfo: [WordInfo]
    /// The document's token hashes, when the stages share them: the word sets around names are probed by them.
    let hashes: TokenHashes?

    init(text: Text, tokens: [Token], sentences: [Sentence], tables: ActorRecognizer.Tables,
         hashes: TokenHashes? = nil, scratch: inout RecognitionScratch) {
        self.text = text
        self.tokens = tokens
        self.sentences = sentences
        self.tables = tables
        var infos = [WordInfo]()
        swap(&infos, &scratch.capitalInfo)
        infos.refill(with: WordInfo(), count: tokens.count)
        let wordTable = tables.lexicon.wordTable
        if let hashes, let hashed = tables.lexicon.hashedWordTable {
            let values = hashes.values, isASCII = hashes.isASCII
            for (i, t) in tokens.enumerated() where t.kind == .word && t.isCapitalized {
                // An ASCII word by the hash the document's stages share; any other folded as it is read.
                if isASCII[i] {
                    if let info = hashed.lookup(values[i]) { infos[i] = info }
                } else if let info = wordTable.value(in: text.bytes, t.range) {
                    infos[i] = info
                }
            }
        } else {
            for (i, t) in tokens.enumerated() where t.kind == .word && t.isCapitalized {
                if let info = wordTable.value(in: text.bytes, t.range) { infos[i] = info }
            }
        }
        var candidates = scratch.candidates.takeEmptied()
        candidates.reserveCapacity(tokens.count / 8 + 4)
        // Every property set once, from locals: assigning or mutating one after `self` was whole copied the pass.
        self.candidates = candidates
        capitalInfo = infos
        self.hashes = hashes
    }

    init(text: Text, tokens: [Token], sentences: [Sentence], tables: ActorRecognizer.Tables,
         hashes: TokenHashes? = nil) {
        var scratch = RecognitionScratch()
        self.init(text: text, tokens: tokens, sentences: sentences, tables: tables, hashes: hashes, scratch: &scratch)
    }

    /// Hands the pass's storage back, emptied, for the next document.
    mutating func giveBack(_ scratch: inout RecognitionScratch) {
        scratch.candidates = candidates.takeEmptied()
        swap(&scratch.capitalInfo, &capitalInfo)
    }

    // MARK: Token tests

    static let connectors: WordSet = ["de", "van", "von", "bin", "ibn", "binti", "al", "el", "da", "di", "du",
                                      "del", "della", "der", "den", "la", "le", "dos", "das", "ter", "ten", "y"]
    static let joiners: WordSet = ["of", "and", "for"]
    static let reportingVerbs: WordSet = ["said", "says", "told", "added", "stated", "says", "warned",
                                          "explained", "declared", "announced", "insisted", "noted", "wrote"]
    static let placePrepositions: WordSet = ["in", "at", "near", "from", "across", "outside"]
    static let leaderNouns: WordSet = ["leader", "president", "premier", "head of state", "prime minister"]
    static let placeNouns: WordSet = ["city", "town", "village", "islands", "island", "province", "region",
                                      "state", "capital", "port", "district", "county", "area", "suburb", "border"]
    static let creditWords: WordSet = ["photo", "photos", "photograph", "picture", "image", "credit", "file photo"]

    func key(_ i: Int) -> String { text.foldedKey(tokens[i].range) }

    /// Whether word `i` is "he" or "she", tested on bytes (the pronoun scan visits every word).
    func isHeOrShe(_ i: Int) -> Bool {
        let r = tokens[i].range
        let b = text.bytes
        if r.count == 2 { return b[r.lowerBound] | 0x20 == UInt8(ascii: "h") && b[r.lowerBound + 1] | 0x20 == UInt8(ascii: "e") }
        return r.count == 3 && b[r.lowerBound] | 0x20 == UInt8(ascii: "s") && b[r.lowerBound + 1] | 0x20 == UInt8(ascii: "h")
            && b[r.lowerBound + 2] | 0x20 == UInt8(ascii: "e")
    }

    func key(_ range: Range<Int>) -> String { Self.key(range, text, tokens) }

    /// `key(_:)` through constants, for closures in mutating methods (see `resolve`).
    static func key(_ range: Range<Int>, _ text: Text, _ tokens: [Token]) -> String {
        guard let first = range.first else { return "" }
        return text.foldedKey(tokens[first].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound)
    }

    func known(_ k: String) -> GazetteerEntry? {
        if !userGazetteer.isEmpty, let entry = userGazetteer[k] { return entry }
        return tables.lexicon.gazetteerTable[k]
    }

    func info(_ i: Int) -> WordInfo {
        if tokens[i].kind == .word && tokens[i].isCapitalized { return capitalInfo[i] }
        return tables.lexicon.wordTable.value(in: text.bytes, tokens[i].range) ?? WordInfo()
    }

    /// Whether the one word `i` is a gazetteer name (built-in or the user's).
    func isKnownWord(_ i: Int) -> Bool {
        info(i).flags.contains(.gazetteer) || (!userGazetteer.isEmpty && userGazetteer[key(i)] != nil)
    }

    func isWord(_ i: Int) -> Bool { i < tokens.count && tokens[i].kind == .word }

    func isPunct(_ i: Int, _ c: UInt8) -> Bool {
        i < tokens.count && tokens[i].kind != .word && tokens[i].range.count == 1 && text.bytes[tokens[i].range.lowerBound] == c
    }

    func isHyphen(_ i: Int) -> Bool {
        guard i < tokens.count, tokens[i].kind == .punctuation else { return false }
        let r = tokens[i].range
        if r.count == 1 { return text.bytes[r.lowerBound] == UInt8(ascii: "-") }
        return r.count == 3 && text.bytes[r.lowerBound] == 0xE2 && text.bytes[r.lowerBound + 1] == 0x80
            && (text.bytes[r.lowerBound + 2] == 0x90 || text.bytes[r.lowerBound + 2] == 0x91)
    }

    func glued(_ i: Int) -> Bool { i < tokens.count && !tokens[i].hasSpaceBefore }

    /// "F-150": a capital letter glued to a hyphen and a number names a product, not an actor.
    func isProductCode(_ i: Int) -> Bool {
        isHyphen(i + 1) && glued(i + 1) && i + 2 < tokens.count && glued(i + 2) && tokens[i + 2].kind == .number
    }

    /// "US$550", "HK$3": a country code glued to a currency sign is part of an amount.
    func isCurrencyPrefix(_ i: Int) -> Bool {
        let n = i + 1
        guard n < tokens.count, glued(n), tokens[n].kind == .symbol else { return false }
        let b = text.bytes[tokens[n].range.lowerBound]
        return b == UInt8(ascii: "$") || tokens[n].range.count > 1  // $, or a non-ASCII sign (€ £ ¥)
    }

    /// A capitalised word that may belong to a name.
    func isNameWord(_ i: Int) -> Bool {
        guard i < tokens.count else { return false }
        let t = tokens[i]
        guard t.kind == .word, t.isCapitalized, !t.flags.contains(.possessive) else { return false }
        if t.range.count == 1 || (t.range.count == 2 && t.flags.contains(.abbreviation) && !t.isAllCaps) {
            // Single letters: only initials with a period ("George W. Bush"), never "A" or "I".
            guard t.flags.contains(.abbreviation) else { return false }
        }
        if t.flags.contains(.hasDigit) && !t.isAllCaps { return false }
        if isProductCode(i) || isCurrencyPrefix(i) { return false }
        if t.isAllCaps {
            let flags = capitalInfo[i].flags
            if flags.contains(.learned) || isKnownWord(i) { return true }
            if !flags.isDisjoint(with: [.common, .nonActor, .inner]) { return false }
        }
        return true
    }

    /// Weekdays, months, function words: never a name on their own, and they end a run.
    func isNonActor(_ i: Int) -> Bool {
        let word = info(i)
        return word.flags.contains(.nonActor) && word.title.isEmpty && !isKnownWord(i)
    }

    func isCommon(_ k: String) -> Bool {
        tables.lexicon.commonWords.contains(k) || tables.lexicon.nonActors.contains(k)
    }

    /// Whether the user's dictionary ignores `k` (usually it ignores nothing, and an empty set still hashes).
    func isIgnored(_ k: String) -> Bool { !ignored.isEmpty && ignored.contains(k) }

    /// The type `learned_names.tsv` gives `k`, probed without Swift's seeded hashing.
    func learnedType(_ k: String) -> ActorType? { tables.lexicon.learnedTable[k] }

    /// `known(k)` for `k`, the key of tokens `range`: one token that the word table does not flag as a
    /// gazetteer name is not looked up (most runs and segments are one word).
    func known(_ k: String, tokens range: Range<Int>) -> GazetteerEntry? {
        if range.count == 1, userGazetteer.isEmpty, !info(range.lowerBound).flags.contains(.gazetteer) { return nil }
        return known(k)
    }

    /// `learnedType(k)` for `k`, the key of tokens `range`, likewise told by the word table for one token.
    func learnedType(_ k: String, tokens range: Range<Int>) -> ActorType? {
        if range.count == 1, !info(range.lowerBound).flags.contains(.learned) { return nil }
        return learnedType(k)
    }

    /// The expansion of an acronym defined earlier in the document (most define none).
    func acronym(_ k: String) -> (canonical: String, type: ActorType)? { acronyms.isEmpty ? nil : acronyms[k] }

    // MARK: Pass 1

    mutating func findCandidates() {
        // The tests below read through a constant: called on `self` from this mutating method, each of them
        // copied the whole pass (one memcpy per word of the corpus). The copy shares every buffer; only the
        // candidates and headlines, which start empty, are written through `self`. The candidates' storage is
        // moved aside while the copy is made: shared with the copy, the first append would copy it anew.
        var kept = [Candidate]()
        swap(&kept, &candidates)
        let view = self
        swap(&kept, &candidates)
        for (si, sentence) in sentences.enumerated() {
            if view.isHeadline(sentence) {
                headlineSentences.append(si)
                matchHeadline(sentence, index: si)
                continue
            }
            var i = sentence.tokens.lowerBound
            let end = sentence.tokens.upperBound
            var atStart = true
            while i < end {
                let t = view.tokens[i]
                if t.kind != .word {
                    if view.isPunct(i, UInt8(ascii: ":")) || view.isOpeningQuote(i)
                        || (view.isHyphen(i) && t.hasSpaceBefore) {
                        atStart = true
                    }
                    i += 1
                    continue
                }
                // Photo credits ("Photo: AFP") name no actor of the story.
                if view.isPunct(i + 1, UInt8(ascii: ":")), Self.creditWords.contains(view.key(i)) {
                    i = view.endOfLine(from: i, limit: end)
                    continue
                }
                // All-caps kickers ("CAUSE UNKNOWN: ...").
                if atStart, t.isAllCaps {
                    var j = i
                    while j < end, view.tokens[j].kind == .word, view.tokens[j].isAllCaps { j += 1 }
                    if view.isPunct(j, UInt8(ascii: ":")), j - i >= 2 || view.known(view.key(i)) == nil {
                        i = j + 1
                        atStart = true
                        continue
                    }
                }
                // Most words are lowercase and not two letters long ("al-", "el-"): no name starts there, which
                // is told here without a call (`startsName` decides the rest).
                guard !t.isLowercase || t.range.count == 2, view.startsName(i, atStart: atStart, end: end) else {
                    atStart = false
                    i += 1
                    continue
                }
                let runEnd = view.extendRun(from: i, end: end)
                processRun(i..<runEnd, sentence: si, atStart: atStart)
                atStart = false
                i = runEnd
            }
        }
    }

    func isOpeningQuote(_ i: Int) -> Bool {
        let r = tokens[i].range
        let b = text.bytes
        if r.count == 1 { return b[r.lowerBound] == UInt8(ascii: "\"") && tokens[i].hasSpaceBefore }
        return r.count == 3 && b[r.lowerBound] == 0xE2 && b[r.lowerBound + 1] == 0x80 && b[r.lowerBound + 2] == 0x9C
    }

    func endOfLine(from i: Int, limit: Int) -> Int {
        var j = i + 1
        while j < limit, !tokens[j].flags.contains(.newlineBefore) { j += 1 }
        return j
    }

    func isHeadline(_ sentence: Sentence) -> Bool {
        var words = 0, caps = 0
        for i in sentence.tokens where tokens[i].kind == .word && tokens[i].range.count >= 2 {
            words += 1
            if tokens[i].isAllCaps { caps += 1 }
        }
        return words >= 1 && caps * 10 >= words * 6 && (words >= 2 || sentence.tokens.count <= 3)
    }

    /// In all-caps text capitals say nothing: only known names count (longest match first).
    mutating func matchHeadline(_ sentence: Sentence, index si: Int) {
        var i = sentence.tokens.lowerBound
        let end = sentence.tokens.upperBound
        while i < end {
            guard tokens[i].kind == .word else { i += 1; continue }
            var matched = false
            var j = min(end, i + 6)
            while j > i {
                if tokens[j - 1].kind == .word {
                    let k = key(i..<j)
                    if let entry = known(k), !isIgnored(k), entry.kind != .demonym || j - i >= 1 {
                        add(Candidate(tokens: i..<j, sentence: si, key: k, type: entry.type, canonical: entry.canonical,
                                      kind: entry.kind, words: j - i, strong: true))
                        matched = true
                        break
                    }
                    if let type = learnedType(k), !isIgnored(k) {
                        add(Candidate(tokens: i..<j, sentence: si, key: k, type: type, words: j - i, strong: true))
                        matched = true
                        break
                    }
                }
                j -= 1
            }
            i = matched ? j : i + 1
        }
    }

    func startsName(_ i: Int, atStart: Bool, end: Int) -> Bool {
        let t = tokens[i]
        if t.isLowercase {
            // "al-Qaeda" as a name's first word (tested on length first: this runs for every lowercase word).
            guard t.range.count == 2, isHyphen(i + 1) else { return false }
            return (keyIs(i, "al") || keyIs(i, "el")) && isHyphen(i + 1) && glued(i + 1) && glued(i + 2)
                && isNameWord(i + 2)
        }
        guard isNameWord(i) else { return false }
        if isKnownWord(i) { return true }
        let flags = capitalInfo[i].flags
        if isNonActor(i) {
            // "Northern Ireland": a non-actor word may open a known multi-word name.
            return flags.contains(.firstWord) || (!userFirstWords.isEmpty && userFirstWords.contains(key(i)))
        }
        if flags.contains(.inner) {
            return isNameWord(i + 1) && glued(i + 1) == false && i + 1 < end
        }
        if atStart, flags.contains(.common) {
            // A common word opening a sentence is a name only as a given name before a surname.
            return flags.contains(.given) && isNameWord(i + 1) && i + 1 < end
        }
        return true
    }

    /// Extends a name from its first word over capitalised words, glued hyphen parts and inner connectors.
    func extendRun(from start: Int, end: Int) -> Int {
        var j = start + 1
        if tokens[start].isLowercase { j = start + 3 }  // al-X
        while j < end {
            let t = tokens[j]
            if t.kind == .word, t.isCapitalized {
                if !isNameWord(j) || (isNonActor(j) && t.hasSpaceBefore) { break }
                j += 1
                continue
            }
            if isHyphen(j), glued(j), glued(j + 1), j + 1 < end, isNameWord(j + 1) || isLowerConnectorHyphen(j + 1) {
                j += 1
                continue
            }
            if t.kind == .word, t.isLowercase {
                if keyIn(j, Self.connectors) {
                    if isNameWord(j + 1), j + 1 < end { j += 1; continue }
                    // "von der Leyen", "van der Sar": two connectors in a row.
                    if j + 2 < end, isWord(j + 1), tokens[j + 1].isLowercase, keyIn(j + 1, Self.connectors),
                       isNameWord(j + 2) { j += 2; continue }
                    if isHyphen(j + 1), glued(j + 1), glued(j + 2), isNameWord(j + 2), j + 2 < end { j += 2; continue }
                }
                if keyIn(j, Self.joiners), j + 1 < end {
                    if isNameWord(j + 1), !isNonActor(j + 1) { j += 1; continue }
                    if j + 2 < end, keyIs(j + 1, "the"), isNameWord(j + 2) { j += 2; continue }
                }
                break
            }
            if t.kind == .symbol, t.range.count == 1, text.bytes[t.range.lowerBound] == UInt8(ascii: "&"),
               j + 1 < end, isNameWord(j + 1) {
                j += 1
                continue
            }
            break
        }
        return j
    }

    func isLowerConnectorHyphen(_ i: Int) -> Bool {
        guard isWord(i), tokens[i].isLowercase else { return false }
        return (keyIs(i, "al") || keyIs(i, "el")) && isHyphen(i + 1) && glued(i + 1)
    }

    func nameWordCount(_ range: Range<Int>) -> Int {
        var n = 0
        for i in range where tokens[i].kind == .word && tokens[i].isCapitalized { n += 1 }
        return n
    }

    // MARK: Cutting runs into names

    mutating func processRun(_ run: Range<Int>, sentence si: Int, atStart: Bool) {
        let k = key(run)
        if isIgnored(k) { return }
        if let def = acronym(k) {
            add(Candidate(tokens: run, sentence: si, key: k, type: def.type, canonical: def.canonical, kind: .acronym,
                          words: 1, strong: true))
            return
        }
        if let entry = known(k, tokens: run) {
            add(Candidate(tokens: run, sentence: si, key: k, type: entry.type, canonical: entry.canonical,
                          kind: entry.kind, words: nameWordCount(run), strong: true))
            checkAcronymDefinition(after: run)
            return
        }
        if isNonActor(run.lowerBound) {
            if run.count > 1 { processRun((run.lowerBound + 1)..<run.upperBound, sentence: si, atStart: false) }
            return
        }
        if let title = findTitle(in: run) {
            let pre = run.lowerBound..<title.lowerBound
            let post = title.upperBound..<run.upperBound
            var nationality: String?
            if !pre.isEmpty {
                let before = candidates.count
                processSegment(pre, sentence: si, atStart: atStart)
                if candidates.count == before + 1, candidates[before].type == .country {
                    nationality = candidates[before].canonical
                }
            }
            if !post.isEmpty {
                var leader = false
                var words = [String]()
                for i in title where tokens[i].kind == .word {
                    words.append(text[tokens[i].range])
                    if info(i).title.contains(.leader) { leader = true }
                }
                let pk = key(post)
                if isIgnored(pk) { return }
                add(Candidate(tokens: post, sentence: si, key: pk, type: .person, canonical: nil,
                              title: words.joined(separator: " "), leaderTitle: leader, nationality: nationality,
                              words: nameWordCount(post), strong: true))
            }
            return
        }
        processSegment(run, sentence: si, atStart: atStart, key: k)
    }

    /// The title phrase inside a run, if the run reads as [country or org] title [name].
    func findTitle(in run: Range<Int>) -> Range<Int>? {
        var k = run.lowerBound
        while k < run.upperBound {
            let role = tokens[k].kind == .word ? info(k).title : []
            guard !role.isDisjoint(with: [.head, .leader, .honorific, .modifier]) else { k += 1; continue }
            // Consume modifiers, portfolios and title nouns; require at least one title noun.
            var m = k
            var sawNoun = false
            var lastNoun = k
            while m < run.upperBound, tokens[m].kind == .word, case let r = info(m).title, !r.isEmpty {
                if r.isTitleNoun { sawNoun = true; lastNoun = m }
                m += 1
            }
            guard sawNoun else { k = m; continue }
            m = lastNoun + 1
            // "Minister of Foreign Affairs", "Secretary of Commerce": portfolio words after "of"/"for".
            if m + 1 < run.upperBound, ["of", "for"].contains(key(m)) {
                var p = m + 1
                if p < run.upperBound, keyIs(p, "the") { p += 1 }
                let portfolioStart = p
                while p < run.upperBound, info(p).title.contains(.portfolio) { p += 1 }
                if p > portfolioStart { m = p }
            }
            let pre = run.lowerBound..<k
            let post = m..<run.upperBound
            // A cue word after the title makes the run an organisation ("General Electric", "Justice Department").
            if post.contains(where: { tokens[$0].kind == .word && info($0).cue != nil }) { return nil }
            if !post.isEmpty {
                guard isNameWord(post.lowerBound) else { return nil }
                return k..<m
            }
            if pre.isEmpty { return k..<m }
            let pk = key(pre)
            if known(pk) != nil || learnedType(pk) != nil { return k..<m }
            return nil
        }
        return nil
    }

    /// `key`, when given, is the key of `seg` as passed in (the caller's run), kept if trimming leaves it whole.
    mutating func processSegment(_ seg: Range<Int>, sentence si: Int, atStart: Bool, key runKey: String? = nil) {
        guard !seg.isEmpty else { return }
        let whole = seg
        var seg = seg
        // Trim connectors and hyphens left at the edges by a split.
        while !seg.isEmpty, !(tokens[seg.lowerBound].kind == .word && tokens[seg.lowerBound].isCapitalized) {
            if isLowerConnectorHyphen(seg.lowerBound) { break }
            seg = (seg.lowerBound + 1)..<seg.upperBound
        }
        while !seg.isEmpty, !(tokens[seg.upperBound - 1].kind == .word && tokens[seg.upperBound - 1].isCapitalized) {
            seg = seg.lowerBound..<(seg.upperBound - 1)
        }
        guard !seg.isEmpty else { return }
        let k = seg == whole ? runKey ?? key(seg) : key(seg)
        if isIgnored(k) { return }
        let words = nameWordCount(seg)
        if let entry = known(k, tokens: seg) {
            if atStart, seg.count == 1, entry.type == .organization, info(seg.lowerBound).flags.contains(.common) {
                return
            }
            add(Candidate(tokens: seg, sentence: si, key: k, type: entry.type, canonical: entry.canonical,
                          kind: entry.kind, words: words, strong: true))
            checkAcronymDefinition(after: seg)
            return
        }
        if seg.count == 1, tokens[seg.lowerBound].isAllCaps, tokens[seg.lowerBound].range.count <= 3,
           let code = tables.lexicon.isoCodes[text[tokens[seg.lowerBound].range]] {
            add(Candidate(tokens: seg, sentence: si, key: k, type: .country, canonical: code, kind: .acronym,
                          words: 1, strong: true))
            return
        }
        if let type = learnedType(k, tokens: seg),
           !(atStart && seg.count == 1 && info(seg.lowerBound).flags.contains(.common)) {
            add(Candidate(tokens: seg, sentence: si, key: k, type: type, words: words, strong: true))
            checkAcronymDefinition(after: seg)
            return
        }
        if let def = acronym(k) {
            add(Candidate(tokens: seg, sentence: si, key: k, type: def.type, canonical: def.canonical, kind: .acronym,
                          words: 1, strong: true))
            return
        }
        // "and" always joins two names; "of"/"for" join two only when each side is a name of its own
        // ("Central Committee of the Communist Party"), not in "Bank of Japan" or "Minister of Trade".
        if let j = seg.first(where: { isJoiner($0) && keyIs($0, "and") }) ?? seg.first(where: { isJoiner($0) }) {
            var rightStart = j + 1
            if rightStart < seg.upperBound, keyIs(rightStart, "the") { rightStart += 1 }
            let left = seg.lowerBound..<j, right = rightStart..<seg.upperBound
            let leftCue = cueType(left), rightCue = cueType(right)
            let splits: Bool
            if keyIs(j, "and") || (leftCue != nil && rightCue != nil) {
                splits = true
            } else if leftCue == nil && rightCue == nil {
                splits = known(key(left)) != nil || known(key(right)) != nil || learnedType(key(right)) != nil
                if !splits {
                    // "Grapes of Wrath": a name, but of nothing the tables know.
                    add(Candidate(tokens: seg, sentence: si, key: k, type: .other, words: words, strong: true))
                    return
                }
            } else {
                splits = false
            }
            if splits {
                processSegment(left, sentence: si, atStart: atStart)
                processSegment(right, sentence: si, atStart: false)
                return
            }
        }
        // Cue words type the whole name: "Liberal Democratic Party", "Hong Kong International Airport".
        let cue = cueType(seg)
        if let cue, words >= 2 {
            add(Candidate(tokens: seg, sentence: si, key: k, type: cue, words: words, strong: true))
            if cue == .location { addNestedPlace(in: seg, sentence: si) }
            checkAcronymDefinition(after: seg)
            return
        }
        if cue != nil, words == 1 { return }  // "Ministry", "Police" alone name no one.
        // A one-token name's `inner` flag is the set's answer, without hashing its key.
        if words == 1, seg.count == 1 ? info(seg.lowerBound).flags.contains(.inner)
            : tables.lexicon.innerWords.contains(k) { return }
        // "US-Japan": a hyphen compound of known names is several names.
        if seg.contains(where: { isHyphen($0) }) {
            var parts = [Range<Int>]()
            var start = seg.lowerBound
            for i in seg where isHyphen(i) {
                parts.append(start..<i)
                start = i + 1
            }
            parts.append(start..<seg.upperBound)
            if parts.allSatisfy({ !$0.isEmpty && (known(key($0)) != nil || learnedType(key($0)) != nil) }) {
                for p in parts { processSegment(p, sentence: si, atStart: false) }
                return
            }
        }
        if tokens[seg.lowerBound].flags.contains(.hasDigit) { return }
        var candidate = Candidate(tokens: seg, sentence: si, key: k, words: words, strong: false)
        candidate.evidence = context(of: seg)
        let first = key(seg.lowerBound)
        if words >= 2 {
            if (known(first) != nil || info(seg.lowerBound).flags.contains(.inner)) && words <= 4 {
                // "Japan Inc", "US Steel": a country's name leading an unknown name is an organisation.
                candidate.type = .organization
            } else if words <= 4 {
                candidate.type = .person
                candidate.strong = info(seg.lowerBound).flags.contains(.given) || candidate.evidence.contains(.age)
            } else {
                candidate.type = .other
            }
        } else if tokens[seg.lowerBound].isAllCaps && tokens[seg.lowerBound].range.count <= 6 {
            candidate.type = .organization
        } else if atStart && candidate.evidence.isEmpty {
            // A lone capitalised sentence opener is a name only if the document confirms it.
            candidate.type = nil
            candidate.strong = false
            candidate.canonical = "?initial"
        }
        add(candidate)
        checkAcronymDefinition(after: seg)
    }

    func isJoiner(_ i: Int) -> Bool {
        tokens[i].kind == .word && tokens[i].isLowercase && keyIn(i, Self.joiners)
    }

    func cueType(_ seg: Range<Int>) -> ActorType? {
        var cue: ActorType?
        for i in seg where tokens[i].kind == .word {
            if let c = info(i).cue {
                if c == .organization { return .organization } else if cue == nil { cue = c }
            }
        }
        return cue
    }

    /// "Hong Kong International Airport" also places its story in Hong Kong: a `reference` to the place.
    mutating func addNestedPlace(in seg: Range<Int>, sentence si: Int) {
        var j = seg.upperBound - 1
        while j > seg.lowerBound {
            let k = key(seg.lowerBound..<j)
            if let entry = known(k), entry.type == .country || entry.type == .location, entry.kind != .demonym {
                var c = Candidate(tokens: seg.lowerBound..<j, sentence: si, key: k, type: entry.type,
                                  canonical: entry.canonical, kind: .reference, words: j - seg.lowerBound, strong: true)
                c.byteRange = tokens[seg.lowerBound].range.lowerBound..<tokens[j - 1].range.upperBound
                add(c)
                return
            }
            j -= 1
        }
    }

    func context(of seg: Range<Int>) -> ContextEvidence {
        var e = ContextEvidence()
        // The words either side are compared as bytes (this runs for every name segment).
        let after = seg.upperBound
        let afterIsWord = isWord(after)
        if afterIsWord, keyIn(after, Self.reportingVerbs) { e.insert(.speaker) }
        if isPunct(after, UInt8(ascii: ",")), isWord(after + 1), keyIn(after + 1, Self.reportingVerbs) {
            e.insert(.speaker)
        }
        // "Kota and Panata islands", "Cana village": a lowercase place noun after the name.
        if afterIsWord, tokens[after].isLowercase, isPlaceNoun(after) { e.insert(.place) }
        if afterIsWord, keyIs(after, "and"), isWord(after + 2), tokens[after + 2].isLowercase, isPlaceNoun(after + 2) {
            e.insert(.place)
        }
        let before = seg.lowerBound - 1
        if before >= 0, isWord(before) {
            let lowercase = tokens[before].isLowercase
            let isOf = keyIs(before, "of")
            let hasPrevious = (isOf || lowercase) && before >= 1 && isWord(before - 1)
            if isOf, hasPrevious, isPlaceNoun(before - 1) { e.insert(.place) }  // "the city of Irbil"
            if keyIs(before, "the") || (lowercase && hasPrevious && keyIs(before - 1, "the")) { e.insert(.definite) }
            if keyIs(before, "said") || keyIs(before, "says") || keyIs(before, "told") { e.insert(.speaker) }
            if keyIn(before, Self.placePrepositions) { e.insert(.place) }
            // "35-year-old Shahab Shahabadi"
            if keyIs(before, "old"), before >= 4, isHyphen(before - 1), keyIs(before - 2, "year") { e.insert(.age) }
        }
        if isProductCode(after) || (isWord(after) && tokens[after].isAllCaps && isProductCode(after)) { e.insert(.maker) }
        return e
    }

    /// A lowercase word that makes the name before it, or after "of", a place ("islands", "city"): a location
    /// cue of the lexicon or a place noun.
    func isPlaceNoun(_ i: Int) -> Bool {
        info(i).cue == .location || keyIn(i, Self.placeNouns)
    }

    /// `key(i) == word` for a lowercase ASCII literal, compared with the token's bytes as `key` folds them.
    func keyIs(_ i: Int, _ word: StaticString) -> Bool {
        text.bytes.withUnsafeBufferPointer { CaseAndApostrophe.reads($0, tokens[i].range, as: word) }
    }

    /// `set.contains(key(i))`: by the token's shared hash where it is ASCII, else with its bytes.
    func keyIn(_ i: Int, _ set: WordSet) -> Bool {
        if let hashes, let hashed = set.hashed, hashes.isASCII[i] { return hashed.lookup(hashes.values[i]) != nil }
        return text.bytes.withUnsafeBufferPointer { set.contains($0, tokens[i].range, readAs: CaseAndApostrophe.self) }
    }

    /// "Liberal Democratic Party (LDP)": the acronym in parentheses becomes an alias of the name before it.
    mutating func checkAcronymDefinition(after seg: Range<Int>) {
        let open = seg.upperBound
        guard isPunct(open, UInt8(ascii: "(")), isWord(open + 1), tokens[open + 1].isAllCaps,
              isPunct(open + 2, UInt8(ascii: ")")), let expansion = candidates.last, expansion.tokens == seg
        else { return }
        let acronym = text[tokens[open + 1].range].unicodeScalars.filter { $0.properties.isUppercase }
        var initials = [Unicode.Scalar]()
        for i in seg where tokens[i].kind == .word && tokens[i].isCapitalized {
            if let s = text[tokens[i].range].unicodeScalars.first { initials.append(s) }
        }
        guard let a0 = acronym.first, a0 == initials.first else { return }
        var it = initials.makeIterator()
        var matched = 0
        for letter in acronym {
            while let next = it.next() {
                if next == letter { matched += 1; break }
            }
        }
        guard matched == acronym.count else { return }
        let canonical = expansion.canonical ?? text[tokens[seg.lowerBound].range.lowerBound..<tokens[seg.upperBound - 1].range.upperBound]
        let type = expansion.type ?? .organization
        if candidates[candidates.count - 1].type == nil { candidates[candidates.count - 1].type = type }
        candidates[candidates.count - 1].strong = true
        acronyms[key(open + 1)] = (canonical, type)
    }

    /// Takes the candidate over (`consuming`): a borrowed one was copied into the array, its strings retained
    /// and the caller's released.
    mutating func add(_ candidate: consuming Candidate) {
        candidates.append(candidate)
    }

    // MARK: Pass 2: resolution within the document

    /// `scratch` lends the document-wide name tables, emptied.
    mutating func resolve(scratch: inout RecognitionScratch) {
        // `surface` through constants: calling the method on `self` while writing `candidates[i]` made the
        // compiler copy the whole pass (every array and table in it) for each candidate.
        let text = self.text, tokens = self.tokens
        func surface(_ range: Range<Int>) -> String { Self.surface(range, text, tokens) }
        func key(_ range: Range<Int>) -> String { Self.key(range, text, tokens) }
        func key(_ i: Int) -> String { text.foldedKey(tokens[i].range) }
        // Canonical names of the strong candidates.
        for i in candidates.indices where candidates[i].canonical == nil && candidates[i].type != nil {
            candidates[i].canonical = surface(candidates[i].tokens)
        }
        // Every trailing part of a full person name ("Motegi", "Lee Myung-bak" → parts) points to the person.
        // Sized for the document at once: growing them one rehash at a time cost more than the look-ups.
        var personByPart = scratch.personByPart.takeEmptied()
        personByPart.reserveCapacity(candidates.count)
        var ambiguous = Set<TextKey>()
        var knownByKey = scratch.knownByKey.takeEmptied()
        knownByKey.reserveCapacity(candidates.count)
        // Loops that only read the candidates read them in place, through the array's buffer: a copy of a
        // candidate retains and releases four strings, and `for c in candidates` copied each one in each loop.
        var personByFirst = [TextKey: String]()
        var ambiguousFirst = Set<TextKey>()
        candidates.withUnsafeBufferPointer { candidates in
            for c in candidates.indices where candidates[c].type != nil && candidates[c].kind != .reference
                && candidates[c].canonical != "?initial" {
                if candidates[c].strong || candidates[c].type != .person {
                    let k = TextKey(candidates[c].key)
                    if knownByKey[k] == nil { knownByKey[k] = (candidates[c].canonical!, candidates[c].type!) }
                }
                guard candidates[c].type == .person, candidates[c].words >= 2,
                      let canonical = candidates[c].canonical else { continue }
                // Each name word after the first starts a trailing part (no array of the name words is made).
                let nameTokens = candidates[c].tokens
                var seenFirst = false
                for start in nameTokens where tokens[start].kind == .word && tokens[start].isCapitalized {
                    guard seenFirst else { seenFirst = true; continue }
                    let k = TextKey(key(start..<nameTokens.upperBound))
                    if let other = personByPart[k], other != canonical { ambiguous.insert(k) }
                    personByPart[k] = canonical
                }
            }
            // "Hu" after "Hu Jintao": a family name may come first; used only where no trailing part matches.
            for c in candidates.indices where candidates[c].type == .person && candidates[c].words >= 2
                && candidates[c].strong && candidates[c].kind == .name {
                guard let canonical = candidates[c].canonical,
                      let first = candidates[c].tokens.first(where: { tokens[$0].kind == .word }) else { continue }
                let k = TextKey(key(first))
                if let other = personByFirst[k], other != canonical { ambiguousFirst.insert(k) }
                personByFirst[k] = canonical
            }
        }
        for k in ambiguous { personByPart[k] = nil }
        for k in ambiguousFirst { personByFirst[k] = nil }
        for (k, full) in personByFirst where personByPart[k] == nil { personByPart[k] = full }

        // Multi-word persons that are a trailing part of a longer name are that person too.
        for i in candidates.indices where candidates[i].type == .person && candidates[i].kind == .name {
            if let full = personByPart[TextKey(candidates[i].key)], full != candidates[i].canonical {
                candidates[i].canonical = full
            }
        }
        // Weak and untyped names: resolve by the document, then by context.
        for i in candidates.indices where !candidates[i].strong {
            let k = candidates[i].key, textKey = TextKey(k)
            if let full = personByPart[textKey] {
                candidates[i].type = .person
                candidates[i].canonical = full
                candidates[i].strong = true
            } else if let def = acronym(k) {
                candidates[i].type = def.type
                candidates[i].canonical = def.canonical
                candidates[i].kind = .acronym
            } else if let known = knownByKey[textKey],
                      known.canonical != candidates[i].canonical || candidates[i].type == nil {
                candidates[i].type = known.type
                candidates[i].canonical = known.canonical
            } else if candidates[i].canonical == "?initial" {
                candidates[i].type = nil
            } else if candidates[i].type == nil || candidates[i].words == 1 && !tokens[candidates[i].tokens.lowerBound].isAllCaps {
                let e = candidates[i].evidence
                if e.contains(.speaker) || e.contains(.age) {
                    candidates[i].type = .person
                } else if e.contains(.maker) {
                    candidates[i].type = .organization
                } else if e.contains(.place) {
                    candidates[i].type = .location
                } else if e.contains(.definite) {
                    candidates[i].type = candidates[i].key.hasSuffix("s") ? .location : .organization
                } else {
                    candidates[i].type = RecognitionPass.defaultSingleType
                }
                candidates[i].canonical = surface(candidates[i].tokens)
            }
        }
        // All-caps headlines: surnames of the document's people.
        // Tokens inside a candidate, one flag each (a set of indices hashed every token of every name).
        var covered = [Bool](filledWith: false, count: headlineSentences.isEmpty ? 0 : tokens.count)
        if !headlineSentences.isEmpty {
            for ci in candidates.indices { for t in candidates[ci].tokens { covered[t] = true } }
        }
        for si in headlineSentences {
            for i in sentences[si].tokens where tokens[i].kind == .word && tokens[i].isAllCaps {
                let k = key(i)
                let textKey = TextKey(k)
                let knownPerson = knownByKey[textKey].flatMap { $0.type == .person ? $0.canonical : nil }
                if let full = personByPart[textKey] ?? knownPerson,
                   !covered[i] {
                    add(Candidate(tokens: i..<(i + 1), sentence: si, key: k, type: .person, canonical: full,
                                  words: 1, strong: true))
                }
            }
        }
        scratch.personByPart = personByPart.takeEmptied()
        scratch.knownByKey = knownByKey.takeEmptied()
        candidates.removeAll { $0.type == nil || $0.canonical == nil || $0.canonical == "?initial" }
        candidates.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        resolveLeaderReferences()
        resolveSpeakerPronouns()
    }

    /// What an unknown lone capitalised word defaults to when nothing else tells.
    static let defaultSingleType: ActorType? = .person

    func surface(_ range: Range<Int>) -> String { Self.surface(range, text, tokens) }

    /// The text of a candidate's tokens, as written.
    static func surface(_ range: Range<Int>, _ text: Text, _ tokens: [Token]) -> String {
        text[tokens[range.lowerBound].range.lowerBound..<tokens[range.upperBound - 1].range.upperBound]
    }

    /// "the US leader" → the one person of the document titled as that country's leader.
    mutating func resolveLeaderReferences() {
        var added = [Candidate]()
        for ci in candidates.indices where candidates[ci].type == .country && candidates[ci].kind != .reference {
            let c = candidates[ci]
            let before = c.tokens.lowerBound - 1, after = c.tokens.upperBound
            guard before >= 0, isWord(before), keyIs(before, "the"), isWord(after), tokens[after].isLowercase else {
                continue
            }
            var nounEnd = after + 1
            var noun = key(after)
            if noun == "prime", isWord(after + 1), keyIs(after + 1, "minister") {
                noun = "prime minister"
                nounEnd += 1
            }
            guard Self.leaderNouns.contains(noun) else { continue }
            let leaders = Set(candidates.filter { $0.type == .person && $0.leaderTitle && $0.nationality == c.canonical }
                .compactMap(\.canonical))
            guard leaders.count == 1, let person = leaders.first else { continue }
            var ref = Candidate(tokens: before..<nounEnd, sentence: c.sentence, key: key(before..<nounEnd), type: .person,
                                canonical: person, kind: .reference, words: 0, strong: true)
            ref.byteRange = tokens[before].range.lowerBound..<tokens[nounEnd - 1].range.upperBound
            added.append(ref)
        }
        guard !added.isEmpty else { return }
        candidates.append(contentsOf: added)
        candidates.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    /// "…, he said" in a sentence naming no person, right after a sentence whose one speaker is a person.
    mutating func resolveSpeakerPronouns() {
        /// A sentence's person mentions, and the person quoted as speaking there ("…, Smith said") unless two
        /// different ones are.
        struct People {
            var mentions = 0
            var speaker: String?
            var severalSpeakers = false
        }
        // Without a person named there is no speaker for a pronoun to be (and no array to make). An index loop:
        // `contains(where:)` copied each candidate it looked at.
        var anyPerson = false
        for ci in candidates.indices where candidates[ci].type == .person && candidates[ci].kind != .reference {
            anyPerson = true
            break
        }
        guard anyPerson else { return }
        // One array indexed by sentence (dictionaries cost a hash per look-up, three arrays three allocations).
        var people = [People](filledWith: People(), count: sentences.count)
        // The candidates' fields are read in place: a copy of each retained its strings and arrays.
        for ci in candidates.indices where candidates[ci].type == .person && candidates[ci].kind != .reference {
            let sentence = candidates[ci].sentence
            guard sentence >= 0, sentence < sentences.count else { continue }
            people[sentence].mentions += 1
            let after = candidates[ci].tokens.upperBound, before = candidates[ci].tokens.lowerBound - 1
            if (isWord(after) && keyIn(after, Self.reportingVerbs))
                || (before >= 0 && isWord(before) && (keyIs(before, "said") || keyIs(before, "says"))) {
                let person = candidates[ci].canonical!
                if let known = people[sentence].speaker {
                    if known != person { people[sentence].severalSpeakers = true }
                } else {
                    people[sentence].speaker = person
                }
            }
        }
        var added = [Candidate]()
        // Only a sentence after one with a single speaker can hold a pronoun that resolves: the others' words
        // are not scanned. (A speaker is one of the sentence's person mentions, so a sentence with one has
        // mentions.)
        for (si, sentence) in sentences.enumerated() where si > 0 && people[si].mentions == 0
            && people[si - 1].speaker != nil && !people[si - 1].severalSpeakers {
            let person = people[si - 1].speaker!
            for i in sentence.tokens where isWord(i) && isHeOrShe(i) {
                let k = key(i)
                guard isWord(i + 1), keyIn(i + 1, Self.reportingVerbs),
                      i > sentence.tokens.lowerBound, isPunct(i - 1, UInt8(ascii: ",")) || isClosingQuote(i - 1)
                else { continue }
                var c = Candidate(tokens: i..<(i + 1), sentence: si, key: k, type: .person, canonical: person,
                                  kind: .pronoun, words: 0, strong: true)
                c.byteRange = tokens[i].range
                added.append(c)
            }
        }
        guard !added.isEmpty else { return }
        candidates.append(contentsOf: added)
        candidates.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
    }

    func isClosingQuote(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .punctuation else { return false }
        let r = tokens[i].range
        if r.count == 1 { return text.bytes[r.lowerBound] == UInt8(ascii: "\"") }
        return r.count == 3 && text.bytes[r.lowerBound] == 0xE2 && text.bytes[r.lowerBound + 1] == 0x80
            && text.bytes[r.lowerBound + 2] == 0x9D
    }

    // MARK: Output

    func annotation(scratch: inout RecognitionScratch) -> ActorAnnotation {
        var mentions = [Mention]()
        mentions.reserveCapacity(candidates.count)
        let typeCount = ActorType.allCases.count
        // At most one actor per candidate: reserved once rather than grown by appends.
        var actors = [DocumentActor]()
        actors.reserveCapacity(candidates.count)
        var votes = scratch.votes.takeEmptied()  // `typeCount` counts per actor
        votes.reserveCapacity(candidates.count * typeCount)
        var actorIndex = scratch.actorIndex.takeEmptied()  // canonical name → index into `actors`
        actorIndex.reserveCapacity(candidates.count)
        var canonicalKeys = scratch.canonicalKeys.takeEmptied()
        canonicalKeys.reserveCapacity(candidates.count)
        defer {
            scratch.votes = votes.takeEmptied()
            scratch.actorIndex = actorIndex.takeEmptied()
            scratch.canonicalKeys = canonicalKeys.takeEmptied()
        }
        // The candidates' fields are read in place: `for c in candidates` copied each (four strings retained and
        // released).
        for ci in candidates.indices {
            guard let type = candidates[ci].type, let canonical = candidates[ci].canonical else { continue }
            let tokenRange = candidates[ci].tokens
            let range = candidates[ci].byteRange
                ?? (tokens[tokenRange.lowerBound].range.lowerBound..<tokens[tokenRange.upperBound - 1].range.upperBound)
            let surfaceText = text[range]
            let index: Int
            let name = TextKey(canonical)
            if let known = actorIndex[name] {
                index = known
            } else {
                index = actors.count
                actorIndex[name] = index
                actors.append(DocumentActor(id: ActorID.make(canonical), name: canonical, type: type))
                canonicalKeys.append(ActorLexicon.key(canonical))
                for _ in 0..<typeCount { votes.append(0) }  // `append(contentsOf: repeatElement…)`: ~300 instructions
            }
            let canonicalKey = canonicalKeys[index]
            var kind = candidates[ci].kind
            if kind == .name && candidates[ci].key != canonicalKey
                && !canonicalKey.hasSuffix(" " + candidates[ci].key) {
                kind = .alias
            }
            let title = candidates[ci].title
            mentions.append(Mention(range: range, text: surfaceText, actor: actors[index].id, type: type, kind: kind,
                                    title: title, sentence: candidates[ci].sentence))
            if kind != .reference || type == .person {
                votes[index * typeCount + ActorType.allCases.firstIndex(of: type)!] += 1
            }
            if kind != .pronoun, kind != .reference, surfaceText != canonical, !actors[index].aliases.contains(surfaceText) {
                actors[index].aliases.append(surfaceText)
            }
            if let title, !actors[index].titles.contains(title) { actors[index].titles.append(title) }
        }
        // The actor's type is the majority of its mentions' types (ties: the first type in `ActorType` order).
        for i in actors.indices {
            var best = -1, bestCount = 0
            for t in 0..<typeCount where votes[i * typeCount + t] > bestCount {
                best = t
                bestCount = votes[i * typeCount + t]
            }
            if best >= 0 { actors[i].type = ActorType.allCases[best] }
        }
        return ActorAnnotation(mentions: mentions, actors: actors)
    }
}

extension Text {
    /// The lookup key of a byte range: ASCII-lowercased, ’ folded to ', whitespace runs as one space
    /// (the form `ActorLexicon.key` gives table entries).
    func foldedKey(_ range: Range<Int>) -> String {
        ActorLexicon.key(bytes: bytes[range])
    }
}

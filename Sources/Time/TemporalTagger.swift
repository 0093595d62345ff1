import Corpus
import Language

/// Finds temporal expressions (TIMEX3 DATE, TIME, DURATION, SET) and normalizes them against the document
/// creation date.
///
/// Rule-based in the manner of HeidelTime and SUTime, but walking the tokenizer's tokens instead of running
/// regular expressions over the text: at each token a small recursive-descent grammar tries the expression
/// forms of news English (absolute dates, relative dates, weekdays, clock times, durations, sets, fuzzy
/// references such as "now" or "the past") and keeps the longest match. Values follow the TimeBank
/// conventions. Relative expressions are resolved against the document date; the direction of a bare
/// weekday or month follows the tense of the clause around it. Without a document date, relative
/// expressions get an unresolved value (`XXXX-WXX-2`, `XXXX-10`) or none — never one guessed from a clock.
public struct TemporalTagger: Sendable {
    public init() {}

    /// Builds the costliest word tables now instead of in the first document's worker, where the other
    /// workers would wait for them: `Annotator()` calls it on a core that is otherwise idle at start-up.
    public static func loadTables() {
        _ = (TaggerRun.wordTable, TaggerRun.hashedWordTable, TaggerRun.startMasks, TaggerRun.secondWords)
    }

    /// `hashes`: the document's `TokenHashes`, when the caller has taken them for all stages.
    public func tag(_ text: Text, tokens: [Token], sentences: [Sentence], documentDate: CalendarDate?,
                    hashes: TokenHashes? = nil) -> [TimeExpression] {
        var scratch = TaggerScratch()
        return tag(text, tokens: tokens, sentences: sentences, documentDate: documentDate, hashes: hashes,
                   reusing: &scratch)
    }

    /// `tag` with working storage kept from the document before: a worker passes the same `scratch` for each
    /// document of a group.
    public func tag(_ text: Text, tokens: [Token], sentences: [Sentence], documentDate: CalendarDate?,
                    hashes: TokenHashes? = nil, reusing scratch: inout TaggerScratch) -> [TimeExpression] {
        var run = TaggerRun(text: text, tokens: tokens, dct: documentDate,
                            hashes: hashes ?? TokenHashes(text: text, tokens: tokens), scratch: &scratch)
        for (index, sentence) in sentences.enumerated() {
            run.tagSentence(sentence, index: index)
        }
        swap(&scratch.wordInfo, &run.wordInfo)
        swap(&scratch.matches, &run.spareMatches)
        return run.results
    }
}

/// The tagger's per-token table entries and per-sentence matches, kept by a worker across the documents of a
/// group and refilled in place (as `RecognitionScratch` for the actor recognizer).
public struct TaggerScratch {
    var wordInfo = [UInt64]()
    var matches = [Match]()
    var keys: TokenKeys?

    public init() {}
}

/// A candidate expression over tokens `start..<end`.
struct Match {
    var start: Int
    var end: Int
    var type: TimexType
    var value: String?
    var rangeEnd: String? = nil
}

enum Tense { case past, future, unknown }

struct TaggerRun {
    let text: Text
    let tokens: [Token]
    let dct: CalendarDate?
    /// Lowercased token texts without an abbreviation's final period, made when a parser first asks.
    let keys: TokenKeys
    /// Each token's entry in `TaggerRun.wordTable`: the parsers a word can start, whether it can follow "the",
    /// and the word lists it is in (`WordClass`).
    var wordInfo: [UInt64]
    /// The document's token hashes: the grammar's word lists are probed by them (`keyIn`, `keyValue`).
    let hashes: TokenHashes
    var results = [TimeExpression]()
    /// The storage of the last sentence's matches, emptied, for the next sentence's.
    var spareMatches: [Match]

    // The current sentence.
    var sStart = 0
    var sEnd = 0

    // What the text last referred to: anchors for anaphoric expressions ("that year", "a year earlier").
    var lastDay: CalendarDate?
    var lastDaySentence = -1
    var lastYear: Int?
    var lastQuarter: (Int, Int)?
    var lastDateWasQuarter = false
    var sentenceIndex = 0

    init(text: Text, tokens: [Token], dct: CalendarDate?, hashes: TokenHashes, scratch: inout TaggerScratch) {
        self.text = text
        self.hashes = hashes
        self.tokens = tokens
        self.dct = dct
        let wordTable = TaggerRun.wordTable
        // Written in place, one entry per token (each below): appends checked capacity and count for each.
        var wordInfo = [UInt64]()
        swap(&wordInfo, &scratch.wordInfo)
        wordInfo.resize(to: tokens.count, padding: 0)
        spareMatches = []
        swap(&spareMatches, &scratch.matches)
        wordInfo.withUnsafeMutableBufferPointer { info in
            text.bytes.withUnsafeBufferPointer { bytes in
                tokens.withUnsafeBufferPointer { tokens in
                    // One probe per token. An ASCII token whose key is its whole text (not a word with a final
                    // period) is found by the hash the document's stages share; any other is folded as it is read.
                    if let hashed = TaggerRun.hashedWordTable {
                        hashes.values.withUnsafeBufferPointer { values in
                            hashes.isASCII.withUnsafeBufferPointer { isASCII in
                                for i in 0..<tokens.count {
                                    let t = tokens[i]
                                    let key = TaggerRun.keyRange(of: t, in: bytes)
                                    info[i] = isASCII[i] && key.count == t.range.count
                                        ? hashed.lookup(values[i]) ?? 0 : wordTable.value(in: bytes, key) ?? 0
                                }
                            }
                        }
                    } else {
                        for i in 0..<tokens.count {
                            info[i] = wordTable.value(in: bytes, TaggerRun.keyRange(of: tokens[i], in: bytes)) ?? 0
                        }
                    }
                }
            }
        }
        let keys: TokenKeys
        if let kept = scratch.keys {
            kept.reset(text: text, tokens: tokens)
            keys = kept
        } else {
            keys = TokenKeys(text: text, tokens: tokens)
            scratch.keys = keys
        }
        // Hyphenated compounds that act as one word ("year-earlier", "year-ago", "year-end", "mid-afternoon"):
        // the first token's key becomes the compound; the parser skips the rest with `compoundEnd`.
        var compound = [Int: Int]()
        var i = 0
        while i + 2 < tokens.count {
            if wordInfo[i + 1] & WordClass.hyphen != 0, !tokens[i + 1].hasSpaceBefore, !tokens[i + 2].hasSpaceBefore,
               TaggerRun.compoundHeads.contains(keys[i]), TaggerRun.compounds.contains(keys[i] + "-" + keys[i + 2]) {
                keys[i] = keys[i] + "-" + keys[i + 2]
                wordInfo[i] = TaggerRun.wordTable[keys[i]] ?? 0
                compound[i] = i + 3
                i += 3
            } else {
                i += 1
            }
        }
        self.keys = keys
        self.wordInfo = wordInfo
        self.compoundEnd = compound
        results.reserveCapacity(tokens.count / 32 + 4)
    }

    init(text: Text, tokens: [Token], dct: CalendarDate?, hashes: TokenHashes) {
        var scratch = TaggerScratch()
        self.init(text: text, tokens: tokens, dct: dct, hashes: hashes, scratch: &scratch)
    }

    /// The bytes of a token that make its key: a word's final period is left out ("Dec." is "dec").
    @inline(__always)
    static func keyRange(of token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let r = token.range
        guard token.kind == .word, r.count > 1, bytes[r.upperBound - 1] == UInt8(ascii: ".") else { return r }
        return r.lowerBound..<(r.upperBound - 1)
    }

    /// The key of a token's bytes, as a String.
    static func key(_ source: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: source.count) { fold(source, into: $0.baseAddress!) }
    }

    /// `fold` for a `WordMap`: the table's keys and probes read as token keys.
    enum KeyFold: ByteFolding {
        @inline(__always)
        static func next(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int) -> UInt8 {
            let b = bytes[i]
            if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 || bytes[i + 2] == 0x98 {
                i += 3
                return UInt8(ascii: "'")
            }
            i += 1
            return b &+ (b &- 65 < 26 ? 32 : 0)
        }
    }

    /// Writes a token's key form of `source` at `out` (never longer than `source`) and returns its length:
    /// ASCII lowercased, curly apostrophes (’ and ‘) as "'" (`KeyFold`, byte by byte).
    @inline(__always)
    static func fold(_ source: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var n = 0
        var i = 0
        while i < source.count {
            out[n] = KeyFold.next(source, &i, source.count)
            n += 1
        }
        return n
    }

    static let infinitiveFuture = false

    /// Which parsers a token can start (bit set of `P`); 0 for most tokens, which are skipped at once.
    @inline(__always) func startMask(_ i: Int) -> UInt16 {
        guard i >= sStart && i < sEnd else { return 0 }
        if tokens[i].kind == .number { return numberMask(i) }
        var mask = UInt16(truncatingIfNeeded: wordInfo[i]) & ~TaggerRun.secondWord
        guard mask != 0 else { return 0 }
        if mask & P.needsSecond != 0 {
            // "the", "a", "this"...: only worth parsing before a word that can continue an expression.
            let n = i + 1
            let continues = n < sEnd
                && (tokens[n].kind == .number || UInt16(truncatingIfNeeded: wordInfo[n]) & TaggerRun.secondWord != 0)
            if !continues {
                mask &= P.approximator
            }
            mask &= ~P.needsSecond
        }
        return mask
    }

    /// `startMasks`, `secondWords` and the word lists of `WordClass` in one table probed once with each
    /// token's bytes: the start mask in the low 16 bits, with `secondWord` set for words that can continue an
    /// expression after "the", "a", "this", and `WordClass` bits above. The parsers then test a bit where they
    /// looked a token's key up in up to six sets (hashing the key each time).
    static let wordTable: WordMap<UInt64, KeyFold> = WordMap(wordInfoByWord)

    /// `wordTable` keyed by `WordHash`, for ASCII tokens, whose hashes `TokenHashes` has already taken.
    static let hashedWordTable = WordHashTable.forASCIITokens(wordInfoByWord, foldedAs: KeyFold.self)

    static let wordInfoByWord: [String: UInt64] = {
        var info = [String: UInt64]()
        for (word, mask) in startMasks { info[word, default: 0] |= UInt64(mask) }
        for word in secondWords { info[word, default: 0] |= UInt64(secondWord) }
        for (bit, words) in WordClass.lists {
            for word in words { info[word, default: 0] |= bit }
        }
        return info
    }()
    static let secondWord: UInt16 = 0x8000

    /// Word lists a token's key is tested against on hot paths, as bits of its `wordInfo` entry.
    enum WordClass {
        /// After a number, a word that makes it a duration ("5 years", "5-year", "5 fiscal years", "5 and a half").
        static let durationAfterNumber: UInt64 = 1 << 16
        /// After a number of one or two digits, a word that makes it a day of a date ("5 March", "5th", "5 of").
        static let dateAfterNumber: UInt64 = 1 << 17
        /// After a plain number, a word that makes it a clock time ("5 pm", "1530 GMT").
        static let clockAfterNumber: UInt64 = 1 << 18
        static let futureMarker: UInt64 = 1 << 19
        static let futureWithTo: UInt64 = 1 << 20
        static let irregularPast: UInt64 = 1 << 21
        static let beForm: UInt64 = 1 << 22
        static let hyphen: UInt64 = 1 << 23
        static let enDash: UInt64 = 1 << 24
        /// A unit of time, singular or plural: every duration names one.
        static let unit: UInt64 = 1 << 25
        /// "quarter", "half" and their forms: every quarter or half-year names one.
        static let quarterWord: UInt64 = 1 << 26
        /// The first and second words of a two-word approximator ("at least", "more than"), and the one-word
        /// approximators ("about", "nearly"): tested at every token that may open one.
        static let approximatorHead: UInt64 = 1 << 27
        static let approximatorSecond: UInt64 = 1 << 28
        static let approximator: UInt64 = 1 << 29
        /// Month and weekday names: asked of many tokens that are neither.
        static let month: UInt64 = 1 << 30
        static let weekday: UInt64 = 1 << 31
        /// The other words a relative expression can end on ("last spring", "this morning", "the past week",
        /// "the latest period"): with months and weekdays, one of them follows in the sentence or
        /// `parseRelative` finds nothing.
        static let relativeNoun: UInt64 = 1 << 32
        /// "to", "as", "has", "have": the words `marker` compares a token with, for every token it scans.
        static let tenseWord: UInt64 = 1 << 33

        static let lists: [(UInt64, [String])] = [
            (durationAfterNumber, Array(Lexicon.units.keys) + ["-", "–", "and"] + Array(Lexicon.unitAdjectives)),
            (dateAfterNumber, Array(Lexicon.months.keys) + Array(TaggerRun.afterDayNumber)),
            (clockAfterNumber, Array(TaggerRun.afterClockNumber) + Array(Lexicon.timeZones)),
            (futureMarker, Array(Lexicon.futureMarkers)),
            (futureWithTo, Array(Lexicon.futureWithTo)),
            (irregularPast, Array(Lexicon.irregularPast)),
            (beForm, Array(TaggerRun.beForms)),
            (hyphen, ["-"]),
            (enDash, ["–"]),
            (unit, Array(Lexicon.units.keys) + Array(Lexicon.pluralUnits)),
            (quarterWord, ["quarter", "quarters", "qtr", "half", "halves"]),
            (approximatorHead, Array(TaggerRun.approximatorHeads)),
            (approximatorSecond, Array(TaggerRun.approximatorSeconds)),
            (approximator, Array(Lexicon.approximators)),
            (month, Array(Lexicon.months.keys)),
            (weekday, Array(Lexicon.weekdays.keys)),
            (relativeNoun, Array(Lexicon.seasons.keys) + Array(Lexicon.dayParts.keys) + ["weekend", "period"]
                + Array(Lexicon.units.keys)),
            (tenseWord, ["to", "as", "has", "have"]),
        ]
    }

    /// The `WordClass` bits of token `i`; none outside the sentence (where `key` is "").
    @inline(__always) func wordClass(_ i: Int) -> UInt64 { inSentence(i) ? wordInfo[i] : 0 }

    /// Whether a token of the sentence from `i` on has `bit` among its `WordClass` bits.
    func sentenceHas(_ bit: UInt64, from i: Int) -> Bool {
        var k = max(i, sStart)
        while k < sEnd {
            if wordInfo[k] & bit != 0 { return true }
            k += 1
        }
        return false
    }

    /// The parsers a number can start, from the number's shape and the word after it.
    func numberMask(_ i: Int) -> UInt16 {
        var mask: UInt16 = 0
        let range = tokens[i].range
        let digits = range.count
        var plain = true, colon = false
        for b in text.bytes[range] where b < 48 || b > 57 {
            plain = false
            colon = colon || b == UInt8(ascii: ":")
        }
        let next = wordClass(i + 1)
        if next & WordClass.durationAfterNumber != 0 || isNumber(i + 1) {
            mask |= P.duration
        }
        if plain {
            if digits == 4 { mask |= P.date | P.quarter | P.duration | P.clock }
            if digits <= 2 && next & WordClass.dateAfterNumber != 0 { mask |= P.date }
            if next & WordClass.clockAfterNumber != 0 { mask |= P.clock }
        } else if colon {
            mask |= P.clock
        }
        return mask
    }
    /// Words after which a four-digit number outside 1900–2100 is read as a year ("in 1881", "since 1871",
    /// "(1879-1968)", "between 1202 and 1204").
    static let yearIntroducers: WordSet = [
        "in", "since", "by", "until", "till", "of", "during", "before", "after", "from", "year", "circa", "early", "late",
        "mid", "fiscal", "between", "(",
    ]

    /// Whether the four-digit number at `i` is introduced as a year: by a word of `yearIntroducers`, or as the
    /// second end of a range whose first end is ("from 1879 to 1883", "(1644-1911)", "between 1895 and 1924").
    func introducesDistantYear(before i: Int) -> Bool {
        let prev = key(i - 1)
        if TaggerRun.yearIntroducers.contains(prev) { return true }
        guard prev == "-" || prev == "–" || prev == "to" || prev == "and", isNumber(i - 2), digitCount(i - 2) == 4
        else { return false }
        return keyIn(i - 3, TaggerRun.yearIntroducers)
    }
    static let beForms: WordSet = ["be", "been", "being", "is", "are", "'s", "was", "were", "still"]
    static let afterDayNumber: WordSet = ["st", "nd", "rd", "th", "of", "-", "–", "/", "s", "'s"]
    static let afterClockNumber: WordSet = [
        "am", "pm", "a.m", "p.m", "a", "o'clock", "in", "gmt", "utc", "hours", "hrs",
    ]

    enum P {
        static let modified: UInt16 = 1, lexical: UInt16 = 2, relative: UInt16 = 4, duration: UInt16 = 8
        static let quarter: UInt16 = 16, date: UInt16 = 32, clock: UInt16 = 64, set: UInt16 = 128
        static let approximator: UInt16 = 256, needsSecond: UInt16 = 512
        static let number: UInt16 = duration | quarter | date | clock
    }

    static let startMasks: [String: UInt16] = {
        var masks = [String: UInt16]()
        func add<S: Sequence>(_ words: S, _ bit: UInt16) where S.Element == String {
            for w in words { masks[w, default: 0] |= bit }
        }
        add(["early", "late", "earlier", "later", "mid", "the", "at", "by", "until", "end", "year", "year-end"], P.modified)
        add(["today", "yesterday", "tomorrow", "tonight", "now", "currently", "presently", "nowadays", "current", "recently",
             "lately", "formerly", "these", "at", "the", "a", "future", "year-earlier", "year-ago", "mid-afternoon",
             "mid-morning", "late-night", "early-morning", "mid"], P.lexical)
        add(["the", "its", "their", "this", "last", "next", "past", "coming", "previous", "following", "current", "latest",
             "that", "same", "upcoming", "recent"], P.relative)
        add(["the", "its", "their", "his", "her", "past", "last", "next", "first", "coming", "previous", "following", "latest",
             "final", "remaining", "other", "initial", "ensuing", "preceding", "recent", "additional", "further",
             "succeeding", "same", "year-earlier", "year-ago", "comparable", "prior", "early", "a", "an", "one", "couple",
             "half"], P.duration)
        add(Lexicon.fuzzyQuantities, P.duration)
        add(Lexicon.numberWords.keys, P.duration)
        add(Lexicon.pluralUnits, P.duration)
        add(["the", "its", "their", "a", "this", "last", "next", "year-ago", "year-earlier", "comparable", "corresponding",
             "fiscal", "latter", "first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th"], P.quarter)
        add(Lexicon.weekdays.keys, P.date)
        add(Lexicon.months.keys, P.date)
        add(Lexicon.ordinals.keys, P.date)
        add(["'", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties", "nineteen",
             "eighteen", "two", "christmas", "new", "thanksgiving", "easter", "halloween", "independence", "labor", "labour",
             "memorial", "election", "veterans", "valentine"], P.date)
        add(["noon", "midday", "midnight"], P.clock)
        add(["daily", "nightly", "weekly", "monthly", "yearly", "annual", "hourly", "biweekly", "fortnightly", "semiannual",
             "semi-annual", "biannual", "every", "each", "per"], P.set)
        add(Lexicon.pluralWeekdays.keys, P.set)
        add(Lexicon.approximators, P.approximator)
        add(approximatorHeads, P.approximator)
        add(["the", "a", "an", "its", "their", "his", "her", "this", "that"], P.needsSecond)
        return masks
    }()

    /// Words after "the", "a", "this"... that can continue an expression.
    static let secondWords: WordSet = {
        var words = Array(startMasks.keys)
        words += Lexicon.units.keys
        words += Lexicon.seasons.keys
        words += Lexicon.dayParts.keys
        words += ["weekend", "period", "present", "near", "foreseeable", "distant", "immediate", "short", "long",
                  "medium", "full", "least", "'s", "financial", "calendar"]
        words += boundaryWords
        return WordSet(words)
    }()
    static let boundaryWords: WordSet = [
        "end", "beginning", "start", "middle", "close", "turn", "spring", "summer", "fall", "autumn", "winter",
    ]
    static let approximatorHeads = WordSet(Lexicon.twoWordApproximators.map { String($0.split(separator: " ")[0]) })
    /// Second words of the two-word approximators: the pair is spelled out (a new `String`) only when the next
    /// word is one, since the heads ("in", "at", "as", "for", "up", "no") are among the commonest words.
    static let approximatorSeconds = WordSet(Lexicon.twoWordApproximators.map { String($0.split(separator: " ")[1]) })
    static let compounds: WordSet = [
        "year-earlier", "year-ago", "year-end", "mid-afternoon", "mid-morning", "late-night", "early-morning",
        "mid-day", "late-afternoon", "month-end", "quarter-end",
    ]
    /// The first words of `compounds`: most hyphenated pairs ("U.S.-Japan", "five-year") start with none, and
    /// are not spelled out to be looked up.
    static let compoundHeads = WordSet(compounds.map { String($0.prefix { $0 != "-" }) })
    /// For a token whose key is a hyphenated compound, the index after the compound.
    var compoundEnd: [Int: Int]

    /// The index after the word at `i` (after the whole compound for "year-earlier").
    @inline(__always) func after(_ i: Int) -> Int { compoundEnd[i] ?? (i + 1) }

    /// Whether token `i` starts a compound, whose key is the whole compound rather than the token's own bytes
    /// (most documents have none, and then no dictionary is asked).
    @inline(__always) func isCompound(_ i: Int) -> Bool { !compoundEnd.isEmpty && compoundEnd[i] != nil }


    // Word lists the grammar tests tokens against, built once: an array literal at the call site is
    // allocated and freed on every call (a quarter of a million times on 3,000 articles).
    static let dayListJoiners: WordSet = ["and", "or", "to", "through", "-", "–"]
    static let rangeEndWords: WordSet = ["through", "until", "till", "thru", "to"]
    static let relativeWordsAfterThe: WordSet = ["past", "last", "next", "first", "previous", "coming"]
    static let timeOfDayWords: WordSet = ["noon", "midnight", "midday", "mid"]
    static let asSoonAsWords: WordSet = ["soon", "early", "late"]
    static let wordsBeforeMonth: WordSet = [
        "in", "since", "until", "till", "by", "early", "late", "mid", "last", "next", "this", "of", "through",
        "from", "between", "during", "before", "after", "-", "and", "to", "or", "end", "each", "every", "the",
        "on", "mid-",
    ]
    static let wordsBeforeNonYearNumber: WordSet = [
        "$", "#", "no", "number", "nos", "flight", "route", "room", "article", "section", "rule", "resolution",
        "model", "€", "£", "¥", "us$", "a$", "c$", "hk$", "bill", "chapter", "page", "pages", "channel", "boeing",
        "airbus",
    ]
    static let hyphenPrefixesBeforeYear: WordSet = ["mid", "pre", "post", "early", "late"]
    static let notPluralAfterNumber: WordSet = [
        "was", "is", "has", "as", "its", "this", "his", "plus", "versus", "levels", "highs", "lows", "s",
    ]
    static let countedNouns: WordSet = [
        "tons", "tonnes", "points", "feet", "metres", "meters", "miles", "people", "men", "women", "troops", "yen",
        "dlrs", "mln", "billion", "million", "barrels", "bpd", "kilometres", "kilometers", "km", "mw", "cc",
        "shares", "units", "votes", "jobs", "employees", "workers", "cars", "homes", "acres", "pounds",
        "delegates", "seats", "soldiers", "children", "students", "members", "square", "sq", "kg", "kilograms",
        "vehicles", "copies", "passengers", "refugees", "prisoners", "police", "officers", "rooms", "beds",
        "stores", "pupils",
    ]
    static let quantityLeadIns: WordSet = [
        "about", "some", "nearly", "than", "approximately", "roughly", "almost", "around", "of", "only", "to",
    ]
    static let calendarUnits: WordSet = ["year", "month", "week", "day", "quarter"]
    static let relativeWordsAfterDeterminer: WordSet = [
        "past", "last", "next", "previous", "following", "coming", "current", "latest", "same", "prior",
        "preceding", "recent", "upcoming", "ensuing", "full", "year-ago", "year-earlier", "comparable",
        "corresponding",
    ]
    static let relativeDeterminers: WordSet = [
        "this", "last", "next", "past", "coming", "previous", "following", "current", "latest", "that", "same",
        "upcoming", "recent", "early", "late",
    ]
    static let prepositionsBeforeYear: WordSet = ["in", "of", "for", "during", "through", "throughout", "over"]
    static let prepositionsBeforeWeek: WordSet = ["for", "during", "of", "over"]
    static let wordsAfterQuarter: WordSet = ["of", "ended", "ending", "to", "through"]
    static let durationQualifiers: WordSet = [
        "past", "last", "next", "first", "coming", "previous", "following", "latest", "final", "remaining",
        "other", "initial", "ensuing", "preceding", "recent", "additional", "further", "succeeding", "same",
        "year-earlier", "year-ago", "comparable", "prior", "early",
    ]
    static let possessiveDeterminers: WordSet = ["the", "its", "their", "his", "her"]
    static let notPluralBeforeDuration: WordSet = [
        "was", "has", "is", "as", "this", "its", "his", "less", "plus", "thus", "us", "across", "towards", "pass",
        "process",
    ]
    static let amountWords: WordSet = [
        "million", "billion", "trillion", "percent", "%", "pct", "times", "twice", "once", "thrice", "dollars",
        "cents", "mln", "bln", "dlrs", "tons", "tonnes", "barrels", "bpd", "pounds", "yen", "francs", "marks",
        "euros", "each", "people", "visitors", "passengers", "units", "cars", "vehicles", "copies", "shares",
    ]
    static let yearDeterminers: WordSet = ["this", "last", "next"]
    static let ordinalSuffixes: WordSet = ["st", "nd", "rd", "th"]
    static let weekdayListJoiners: WordSet = ["and", "or", ",", "through", "to", "-", "and/or"]
    static let futurePrepositions: WordSet = ["before", "for", "until", "till"]
    static let clockPrepositions: WordSet = ["at", "by", "until", "before", "after", "around", "about", "from", "since"]
    static let wordsBeforeAdjectiveDaily: WordSet = [
        "average", "party", "the", "a", "national", "local", "business", "financial", "biggest", "largest",
        "leading",
    ]

    static let spokenDecades: WordTable<Int> = [
        "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
        "nineties": 9,
    ]

    // MARK: - Token access

    @inline(__always) func key(_ i: Int) -> String { i >= sStart && i < sEnd ? keys[i] : "" }

    /// `set.contains(key(i))`, without making the key: by the token's shared hash where its key is its whole
    /// text in ASCII, else with its bytes, folded as read.
    @inline(__always)
    func keyIn(_ i: Int, _ set: WordSet) -> Bool {
        guard i >= sStart && i < sEnd else { return set.contains("") }
        if isCompound(i) { return set.contains(keys[i]) }
        return text.bytes.withUnsafeBufferPointer { bytes in
            let key = TaggerRun.keyRange(of: tokens[i], in: bytes)
            if let hashed = set.hashed, hashes.isASCII[i], key.count == tokens[i].range.count {
                return hashed.lookup(hashes.values[i]) != nil
            }
            return set.contains(bytes, key, readAs: KeyFold.self)
        }
    }

    /// `table[key(i)]`, without making the key (as `keyIn`).
    @inline(__always)
    func keyValue<Value>(_ i: Int, _ table: WordTable<Value>) -> Value? {
        guard i >= sStart && i < sEnd else { return table[""] }
        if isCompound(i) { return table[keys[i]] }
        return text.bytes.withUnsafeBufferPointer { bytes in
            let key = TaggerRun.keyRange(of: tokens[i], in: bytes)
            if let hashed = table.hashed, hashes.isASCII[i], key.count == tokens[i].range.count {
                return hashed.lookup(hashes.values[i])
            }
            return table.value(in: bytes, key, readAs: KeyFold.self)
        }
    }

    /// `key(i) == word`, without making the key: the token's bytes are folded as the key folds them and compared
    /// with the literal's (lowercase ASCII, "'" for an apostrophe). The parsers test keys against literals about
    /// a million times per 3,000 articles; a String key cost its making, a copy and a comparison call each time.
    @inline(__always)
    func keyIs(_ i: Int, _ word: StaticString) -> Bool {
        guard i >= sStart && i < sEnd else { return word.utf8CodeUnitCount == 0 }
        if isCompound(i) { return keys[i] == word.description }
        return text.bytes.withUnsafeBufferPointer { bytes in
            KeyFold.reads(bytes, TaggerRun.keyRange(of: tokens[i], in: bytes), as: word)
        }
    }
    @inline(__always) func inSentence(_ i: Int) -> Bool { i >= sStart && i < sEnd }
    @inline(__always) func glued(_ i: Int) -> Bool { inSentence(i) && !tokens[i].hasSpaceBefore }
    func isCapitalized(_ i: Int) -> Bool { inSentence(i) && tokens[i].isCapitalized }
    func isNumber(_ i: Int) -> Bool { inSentence(i) && tokens[i].kind == .number }
    /// A hyphen written between two glued tokens ("five-year").
    func isHyphen(_ i: Int) -> Bool {
        return wordClass(i) & (WordClass.hyphen | WordClass.enDash) != 0 && glued(i) && glued(i + 1)
    }
    /// A plain integer token ("2025", "21"); nil for "2.5", "50,000", "3:50".
    func intValue(_ i: Int) -> Int? {
        guard isNumber(i) else { return nil }
        var v = 0
        // A number's key is its bytes (no letters to lowercase, no final period, never part of a compound).
        for b in text.bytes[tokens[i].range] {
            guard b >= 48 && b <= 57 else { return nil }
            v = v * 10 + Int(b - 48)
            if v > 100_000_000 { return nil }
        }
        return v
    }
    func digitCount(_ i: Int) -> Int { tokens[i].kind == .number ? tokens[i].range.count : keys[i].utf8.count }

    // MARK: - Sentence loop

    mutating func tagSentence(_ sentence: Sentence, index: Int) {
        sStart = sentence.tokens.lowerBound
        sEnd = sentence.tokens.upperBound
        sentenceIndex = index
        var found = spareMatches.takeEmptied()
        defer { swap(&found, &spareMatches) }
        var i = sStart
        while i < sEnd {
            // Most tokens cannot start an expression: their runs are passed over in one scan of the table entries.
            i = nextPossibleStart(from: i, stopAt: found.isEmpty ? -1 : found[found.count - 1].end + 1)
            guard i < sEnd else { break }
            // Only a number right after the last expression's end can be a follow-up day: tested on the
            // stored end, since `found.last` would copy the whole match (and its strings) for every token.
            let followsLast = !found.isEmpty && found[found.count - 1].end == i - 1
            if startMask(i) == 0 {
                if followsLast, let m = followUpDay(i, after: found.last) { found.append(m) }
                i += 1
                continue
            }
            if let m = parse(at: i), m.end > i {
                i = m.end
                if isDateline(m) { continue }
                found.append(m)
                noteReference(m)
            } else if followsLast, let m = followUpDay(i, after: found.last) {
                found.append(m)
                i = m.end
            } else {
                i += 1
            }
        }
        guard !found.isEmpty else { return }
        linkRanges(&found)
        for m in found {
            let range = tokens[m.start].range.lowerBound..<tokens[m.end - 1].range.upperBound
            results.append(TimeExpression(range: range, text: text[range], type: m.type, value: m.value,
                                          end: m.rangeEnd, sentence: index))
        }
    }

    /// The first token from `i` on (in the sentence, or `sEnd`) that may start an expression: a number, or a word
    /// whose table entry names a parser; `stopAt`, where a follow-up day may be, is never passed. Tokens
    /// passed over have a `startMask` of 0. One tight loop over the entries, not a bounds-checked `startMask`
    /// call per token: about 30 instructions a token before.
    func nextPossibleStart(from i: Int, stopAt: Int) -> Int {
        let end = sEnd
        let startBits = UInt64(UInt16.max & ~TaggerRun.secondWord)
        return wordInfo.withUnsafeBufferPointer { info in
            tokens.withUnsafeBufferPointer { tokens in
                var j = i
                while j < end, j != stopAt, tokens[j].kind != .number, info[j] & startBits == 0 { j += 1 }
                return j
            }
        }
    }

    /// "WASHINGTON, August 11 (Xinhua) --": the dateline repeats the document date and is not part of the story.
    func isDateline(_ m: Match) -> Bool {
        guard keyIs(m.end, "("), m.start >= sStart + 2, keyIs(m.start - 1, ","), tokens[m.start - 2].isAllCaps || tokens[m.start - 2].isCapitalized else { return false }
        var k = m.start - 2
        while k > sStart, tokens[k - 1].isCapitalized || keyIs(k - 1, ",") || keyIs(k - 1, ".") { k -= 1 }
        return k == sStart || tokens[k].flags.contains(.paragraphStart)
    }

    /// "April 24 and 25": the second day number shares the first one's month.
    func followUpDay(_ i: Int, after prev: Match?) -> Match? {
        guard let prev, prev.end == i - 1, keyIn(i - 1, TaggerRun.dayListJoiners),
              let d = intValue(i), d >= 1, d <= 31, digitCount(i) <= 2, let v = prev.value,
              case .day(let first) = Timex.granularity(of: v), d > first.day,
              d <= CalendarDate.daysIn(month: first.month, year: first.year) else { return nil }
        let n = key(i + 1)
        if Lexicon.units[n] != nil || n == "%" || n == "percent" || (inSentence(i + 1) && tokens[i + 1].isLowercase && n != "at" && n != "in" && n != "to" && n != "and") {
            return nil
        }
        return Match(start: i, end: i + 1, type: .date, value: Timex.day(CalendarDate(year: first.year, month: first.month, day: d)))
    }

    /// Remembers what an expression referred to, for the anaphoric ones that follow.
    mutating func noteReference(_ m: Match) {
        guard m.type == .date || m.type == .time, let v = m.value else { return }
        // Values are ASCII: the first ten bytes are the date of a date-time ("2026-11-27T15:00").
        switch v.withBorrowedUTF8({ Timex.granularity(of: UnsafeBufferPointer(rebasing: $0.prefix(10))) }) {
        case .day(let d):
            lastDay = d
            lastDaySentence = sentenceIndex
            lastYear = d.year
            lastDateWasQuarter = false
        case .month(let y, _):
            lastYear = y
            lastDateWasQuarter = false
        case .year(let y):
            lastYear = y
        case .quarter(let y, let q):
            lastQuarter = (y, q)
            lastYear = y
            lastDateWasQuarter = true
        case .week, .other:
            break
        }
    }

    /// Ranges: "from May to July", "between 1990 and 1995", "through 2027".
    func linkRanges(_ found: inout [Match]) {
        for idx in found.indices {
            let m = found[idx]
            let before = m.start - 1  // the word before, compared by its bytes (`keyIs`, `keyIn`)
            if keyIn(before, TaggerRun.rangeEndWords), m.type == .date {
                // "from A to B": the first expression's range ends at B.
                if idx > 0, found[idx - 1].end == m.start - 1, found[idx - 1].type == .date,
                   keyIs(found[idx - 1].start - 1, "from") || keyIs(found[idx - 1].start - 1, "between")
                    || !keyIs(before, "to") {
                    found[idx - 1].rangeEnd = m.value
                } else if !keyIs(before, "to") {
                    found[idx].rangeEnd = m.value
                }
            } else if keyIs(before, "and"), idx > 0, found[idx - 1].end == m.start - 1,
                      keyIs(found[idx - 1].start - 1, "between") {
                found[idx - 1].rangeEnd = m.value
            } else if keyIs(before, "-") || keyIs(before, "–"), idx > 0, found[idx - 1].end == m.start - 1,
                      found[idx - 1].type == .date, m.type == .date {
                found[idx - 1].rangeEnd = m.value
            }
        }
    }

    // MARK: - Grammar entry

    func parse(at i: Int) -> Match? {
        // Approximators stay in the extent when a quantity or a date follows.
        var j = i
        if startMask(i) & P.approximator != 0 {
            if wordClass(i) & WordClass.approximatorHead != 0, wordClass(i + 1) & WordClass.approximatorSecond != 0,
               Lexicon.twoWordApproximators.contains(key(i) + " " + key(i + 1)) {
                j = i + 2
                if keyIs(i, "as") || keyIs(i, "no") || keyIs(i, "well") && keyIs(i + 1, "over")
                    || keyIs(i, "close") && keyIs(i + 1, "to") {
                    if keyIs(j, "as") || keyIs(j, "than") || keyIs(j, "to") { j += 1 }
                }
            } else if wordClass(i) & WordClass.approximator != 0 {
                j = i + 1
            }
        }
        if j > i, startsQuantityOrDate(j), var m = parseCore(at: j) {
            m.start = i
            return m
        }
        return parseCore(at: i)
    }

    func startsQuantityOrDate(_ j: Int) -> Bool {
        if isNumber(j) { return true }
        if keyValue(j, Lexicon.numberWords) != nil || keyIs(j, "a") || keyIs(j, "an") || keyIs(j, "half")
            || keyValue(j, Lexicon.months) != nil { return true }
        if keyIs(j, "the"), keyIn(j + 1, TaggerRun.relativeWordsAfterThe) { return true }
        return keyIn(j, TaggerRun.timeOfDayWords)
    }

    /// The longest of the forms that start at `i`.
    func parseCore(at i: Int) -> Match? {
        var best: Match?
        func consider(_ m: Match?) {
            guard let m else { return }
            if best == nil || m.end > best!.end { best = m }
        }
        let mask = startMask(i)
        guard mask != 0 else { return nil }
        if mask & P.modified != 0 { consider(parseModified(i)) }
        if mask & P.lexical != 0 { consider(parseLexical(i)) }
        if mask & P.relative != 0,
           sentenceHas(WordClass.month | WordClass.weekday | WordClass.relativeNoun, from: i) {
            consider(parseRelative(i))
        }
        // Most tries of these two fail ("the" starts both): neither can succeed without its word later in the
        // sentence, which `wordInfo` tells without parsing.
        if mask & P.duration != 0, sentenceHas(WordClass.unit, from: i) { consider(parseDuration(i)) }
        if mask & P.quarter != 0, sentenceHas(WordClass.quarterWord, from: i) { consider(parseQuarter(i)) }
        if mask & P.date != 0 { consider(parseDate(i)) }
        if mask & P.clock != 0 { consider(parseClock(i)) }
        if mask & P.set != 0 { consider(parseSet(i)) }
        if var m = best, m.type == .date, case .day(let d)? = m.value.map(Timex.granularity) {
            extendWithClock(&m, day: d)
            best = m
        }
        return best
    }

    // MARK: - Tense of the clause

    /// Past or future, from the nearest tense marker around tokens `start..<end` in the sentence.
    func tense(_ start: Int, _ end: Int) -> Tense {
        for d in 1...14 {
            let l = start - d
            if l >= sStart, let t = marker(l) { return t }
            let r = end - 1 + d
            if r < sEnd, let t = marker(r) { return t }
            if l < sStart && r >= sEnd { break }
        }
        return .unknown
    }

    func marker(_ i: Int) -> Tense? {
        let tok = tokens[i]
        guard tok.kind == .word else { return nil }
        let word = wordInfo[i]
        if word & WordClass.futureMarker != 0 {
            if keyIs(i, "next"), keyValue(i + 1, Lexicon.units) == nil { return nil }
            return .future
        }
        // The comparisons with "to", "as", "has" and "have" are made only for those words (their class bit).
        let tenseWord = word & WordClass.tenseWord != 0
        if tenseWord && keyIs(i, "to") && keyIs(i + 1, "be") { return .future }  // "a motion to be debated Thursday"
        if tenseWord && keyIs(i, "to") && TaggerRun.infinitiveFuture {
            let n = key(i + 1)
            if i + 1 < sEnd, tokens[i + 1].isLowercase, !Lexicon.notVerbsAfterTo.contains(n), !n.hasSuffix("ing"),
               !n.hasSuffix("ed"), !(n.hasSuffix("s") && !n.hasSuffix("ss")), Lexicon.months[n] == nil,
               Lexicon.units[n] == nil {
                return .future
            }
            if n == "be" { return .future }
            return nil
        }
        if word & WordClass.futureWithTo != 0, keyIs(i + 1, "to") { return .future }
        if tenseWord, keyIs(i, "as"), keyIn(i - 1, TaggerRun.asSoonAsWords), keyIs(i - 2, "as") { return .future }
        // Participles after a form of "be" ("would be held", "is expected") do not date the clause.
        if wordClass(i - 1) & WordClass.beForm != 0, word & WordClass.irregularPast != 0 || keyEndsWithED(i) {
            return nil
        }
        if word & WordClass.irregularPast != 0 {
            if keyIs(i, "set") || keyIs(i, "cut") || keyIs(i, "put") || keyIs(i, "let") || keyIs(i, "hit")
                || keyIs(i, "read") || keyIs(i, "spread") { return nil }
            return .past
        }
        if tenseWord, keyIs(i, "has") || keyIs(i, "have") { return .past }
        if tok.isLowercase, keyEndsWithED(i), keys[i].utf8.count >= 5, !keyIn(i, Lexicon.edNotPast) { return .past }
        return nil
    }

    /// `key(i).hasSuffix("ed")`, read from the token's last two bytes (only "E" and "D" fold to "e" and "d";
    /// a folded apostrophe ends a key with "'").
    func keyEndsWithED(_ i: Int) -> Bool {
        if isCompound(i) { return keys[i].hasSuffix("ed") }
        return text.bytes.withUnsafeBufferPointer { bytes in
            let r = TaggerRun.keyRange(of: tokens[i], in: bytes)
            return r.count >= 2 && bytes[r.upperBound - 2] | 0x20 == UInt8(ascii: "e")
                && bytes[r.upperBound - 1] | 0x20 == UInt8(ascii: "d")
        }
    }

    // MARK: - Resolution helpers

    /// A month and day without a year: the candidate year nearest the document date, unless the tense
    /// points clearly to the other side.
    func resolveMonthDay(_ month: Int, _ day: Int, _ start: Int, _ end: Int) -> String {
        guard let dct else { return "XXXX-\(Timex.pad(month, 2))-\(Timex.pad(day, 2))" }
        var candidates = [CalendarDate]()
        for y in (dct.year - 1)...(dct.year + 1) where day <= CalendarDate.daysIn(month: month, year: y) {
            candidates.append(CalendarDate(year: y, month: month, day: day))
        }
        guard !candidates.isEmpty else { return "XXXX-\(Timex.pad(month, 2))-\(Timex.pad(day, 2))" }
        let n = dct.dayNumber
        var best = candidates[0]
        for c in candidates where abs(c.dayNumber - n) < abs(best.dayNumber - n) { best = c }
        let distance = best.dayNumber - n
        if keyIs(start - 1, "ended"), distance > 0, let p = candidates.last(where: { $0.dayNumber <= n }) {
            return Timex.day(p)  // "the year ended March 31"
        }
        if abs(distance) > 60 {
            let t = tense(start, end)
            if t == .future, distance < 0, let f = candidates.first(where: { $0.dayNumber >= n }), f.dayNumber - n < 200 { best = f }
            if t == .past, distance > 0, let p = candidates.last(where: { $0.dayNumber <= n }), n - p.dayNumber < 200 { best = p }
        }
        return Timex.day(best)
    }

    /// A month without a year: this year's, or the next/last one when the tense says so.
    func resolveMonth(_ month: Int, _ start: Int, _ end: Int) -> String {
        guard let dct else { return "XXXX-\(Timex.pad(month, 2))" }
        // The tense of the clause picks the last or the next such month; without one, the nearest.
        let diff = month - dct.month
        var y = dct.year
        let t = keyIs(start - 1, "ended") ? Tense.past : tense(start, end)
        switch t {
        case .past: if diff > 0 { y -= 1 }
        case .future: if diff < 0 { y += 1 }
        case .unknown: if diff > 6 { y -= 1 } else if diff < -6 { y += 1 }
        }
        return Timex.month(y, month)
    }

    /// A bare weekday: the one on or before the document date in past or unmarked clauses, on or after it
    /// in future ones.
    func resolveWeekday(_ wd: Int, _ start: Int, _ end: Int) -> String {
        guard let dct else { return "XXXX-WXX-\(wd)" }
        let diff = wd - dct.weekday
        if tense(start, end) == .future {
            return Timex.day(dct.adding(days: (diff + 7) % 7))
        }
        return Timex.day(dct.adding(days: -((-diff + 7) % 7)))
    }

    func isMonthName(_ i: Int) -> Int? {
        guard wordClass(i) & WordClass.month != 0, let m = keyValue(i, Lexicon.months), isCapitalized(i) else {
            return nil
        }
        let k = key(i)
        let tok = tokens[i]
        if Lexicon.ambiguousMonthAbbreviations.contains(k), !tok.flags.contains(.abbreviation) {
            // "Feb 22" without its period (wire style): only before a day number.
            guard let d = intValue(i + 1), d >= 1, d <= 31, digitCount(i + 1) <= 2 else { return nil }
        }
        if k == "may" || k == "march" {
            // Also a verb or a name: only with a day or year, or after a time preposition.
            if intValue(i + 1) != nil || keyIs(i + 1, "of") && intValue(i + 2) != nil { return m }
            let prev = key(i - 1)
            if TaggerRun.wordsBeforeMonth.contains(prev) {
                if k == "may", prev == "and" || prev == "or" || prev == "to", tokens[i].isCapitalized, i == sStart { return nil }
                return m
            }
            return nil
        }
        return m
    }

    func isWeekday(_ i: Int) -> Int? {
        guard wordClass(i) & WordClass.weekday != 0, let wd = keyValue(i, Lexicon.weekdays), isCapitalized(i) else {
            return nil
        }
        // Weekday names are ASCII: the key is as long as the token's key bytes.
        if text.bytes.withUnsafeBufferPointer({ TaggerRun.keyRange(of: tokens[i], in: $0).count }) <= 4,
           !tokens[i].flags.contains(.abbreviation) { return nil }
        return wd
    }

    /// A four-digit year, or nil. Rejects amounts ("1990 shares", "$2000").
    func yearValue(_ i: Int) -> Int? {
        guard let v = intValue(i), digitCount(i) == 4, v >= 1000, v <= 2199 else { return nil }
        if keyIn(i - 1, TaggerRun.wordsBeforeNonYearNumber) {
            return nil
        }
        if glued(i), keyIs(i - 1, "-") || keyIs(i - 1, "/"), !keyIn(i - 2, TaggerRun.hyphenPrefixesBeforeYear) {
            return nil
        }
        let next = key(i + 1)
        if next == "%" || next == "percent" || next == "pct" || next == "," && isNumber(i + 2) && glued(i + 2) { return nil }
        if v < 1900 || v > 2100, inSentence(i + 1), tokens[i + 1].isLowercase, next.hasSuffix("s"), next.utf8.count > 2, Lexicon.units[next] == nil,
           !TaggerRun.notPluralAfterNumber.contains(next) {
            return nil
        }
        if TaggerRun.countedNouns.contains(next) {
            return nil
        }
        if keyIn(i - 1, TaggerRun.quantityLeadIns) {
            // "of 1990" and "to 1995" are years; approximators before a bare year usually mark an amount.
            if !keyIs(i - 1, "of") && !keyIs(i - 1, "to") && !keyIs(i - 1, "around") { return v >= 1900 && v <= 2100 && !isNumber(i + 1) ? (next == "," || next == "." || next == "" ? v : nil) : nil }
        }
        return v
    }

    // MARK: - Modifiers: early, late, mid, earlier, later, the end of

    /// The words `parseModified` starts from, looked up once by the token's bytes (as `LexicalWord`).
    enum ModifierWord { case early, late, earlier, later, mid, the, at, by, until, end, year, yearEnd }

    static let modifierWords: WordTable<ModifierWord> = [
        "early": .early, "late": .late, "earlier": .earlier, "later": .later, "mid": .mid, "the": .the, "at": .at,
        "by": .by, "until": .until, "end": .end, "year": .year, "year-end": .yearEnd,
    ]

    func parseModified(_ i: Int) -> Match? {
        guard let word = keyValue(i, TaggerRun.modifierWords) else { return nil }
        var j: Int
        switch word {
        case .early, .late, .earlier, .later, .mid:
            j = i + 1
            if isHyphen(j) { j += 1 }
            if word != .mid, keyIs(j, "in"), keyIs(j + 1, "the") {
                // "earlier in the year", "late in the day"
                let u = key(j + 2)
                if u == "day" { return nil }
                if let m = anchoredUnit(u, at: j + 2, start: i) { return m }
                return nil
            }
            if word == .early || word == .late || word == .mid, keyIs(j, "this"),
               keyIs(j + 1, "century") || keyIs(j + 1, "decade") {
                return nil
            }
        case .the, .at, .by, .until:
            // "the end of 1990", "the beginning of October", "the middle of next week", "the turn of the century"
            var p = i
            if word != .the {
                guard keyIs(i + 1, "the") else { return nil }
                p = i + 1
            }
            guard keyIn(p + 1, TaggerRun.boundaryWords),
                  keyIs(p + 2, "of") else { return nil }
            if keyValue(p + 1, Lexicon.seasons) != nil {
                // "the summer of 1998"
                guard let y = yearValue(p + 3) else { return nil }
                return Match(start: p, end: p + 4, type: .date, value: Timex.season(y, keyValue(p + 1, Lexicon.seasons)!))
            }
            j = p + 3
            if keyIs(j, "the"), keyIs(j + 1, "month") || keyIs(j + 1, "year") || keyIs(j + 1, "week") || keyIs(j + 1, "quarter") || keyIs(j + 1, "century") || keyIs(j + 1, "decade") || keyIs(j + 1, "day") {
                if let m = anchoredUnit(key(j + 1), at: j + 1, start: p) { return m }
                return nil
            }
            guard var base = parseCore(at: j), base.type == .date || base.type == .time else { return nil }
            base.start = p
            return base
        case .end:
            // "end-March", "end of 1990" without "the"
            j = i + 1
            if isHyphen(j) { j += 1 } else if keyIs(j, "of") { j += 1 } else { return nil }
        case .year, .yearEnd:
            // "year end", "year-end", "year's end"
            var e = i + 1
            if word == .yearEnd { e = after(i) - 1 } else if keyIs(e, "'s") { e += 1 }
            guard keyIs(e, "end") else { return nil }
            if keyIs(e + 1, "of") { return nil }
            guard let dct else { return Match(start: i, end: e + 1, type: .date, value: nil) }
            return Match(start: i, end: e + 1, type: .date, value: Timex.year(dct.year))
        }
        guard var base = parseCore(at: j), base.start == j, base.type == .date || base.type == .time else { return nil }
        if base.value == "PRESENT_REF" || base.value == "PAST_REF" || base.value == "FUTURE_REF" { return nil }
        base.start = i
        return base
    }

    /// "the year", "the month", "the week", "the day" meant as the current one ("earlier in the year").
    func anchoredUnit(_ u: String, at j: Int, start: Int) -> Match? {
        guard let dct else {
            return TaggerRun.calendarUnits.contains(u) ? Match(start: start, end: j + 1, type: .date, value: nil) : nil
        }
        let anchor = lastDay ?? dct
        switch u {
        case "year": return Match(start: start, end: j + 1, type: .date, value: Timex.year(lastYear ?? dct.year))
        case "month": return Match(start: start, end: j + 1, type: .date, value: Timex.month(anchor.year, anchor.month))
        case "week": return Match(start: start, end: j + 1, type: .date, value: Timex.week(anchor))
        case "day": return Match(start: start, end: j + 1, type: .date, value: Timex.day(anchor))
        case "quarter":
            let q = lastQuarter ?? (dct.year, Timex.quarterOf(dct))
            return Match(start: start, end: j + 1, type: .date, value: Timex.quarter(q.0, q.1))
        case "century": return Match(start: start, end: j + 1, type: .date, value: String(dct.year / 100))
        case "decade": return Match(start: start, end: j + 1, type: .date, value: String(dct.year / 10))
        default: return nil
        }
    }

    // MARK: - Single words and fixed phrases

    /// The words `parseLexical` starts from, looked up once by the token's bytes; its cases were a `switch`
    /// over the key `String`, which compared it with each word in turn.
    enum LexicalWord {
        case today, yesterday, tomorrow, tonight, now, currently, presently, nowadays, current, recently, lately
        case formerly, these, at, the, a, future, yearEarlier, yearAgo, midAfternoon, midMorning, lateNight
        case earlyMorning, mid
    }

    static let lexicalWords: WordTable<LexicalWord> = [
        "today": .today, "yesterday": .yesterday, "tomorrow": .tomorrow, "tonight": .tonight, "now": .now,
        "currently": .currently, "presently": .presently, "nowadays": .nowadays, "current": .current,
        "recently": .recently, "lately": .lately, "formerly": .formerly, "these": .these, "at": .at, "the": .the,
        "a": .a, "future": .future, "year-earlier": .yearEarlier, "year-ago": .yearAgo,
        "mid-afternoon": .midAfternoon, "mid-morning": .midMorning, "late-night": .lateNight,
        "early-morning": .earlyMorning, "mid": .mid,
    ]

    func parseLexical(_ i: Int) -> Match? {
        guard let word = keyValue(i, TaggerRun.lexicalWords) else { return nil }
        func m(_ end: Int, _ type: TimexType, _ value: String?) -> Match { Match(start: i, end: end, type: type, value: value) }
        switch word {
        case .today, .yesterday, .tomorrow:
            // "today's world": generic, not the day.
            if word == .today, keyIs(i + 1, "'s"), inSentence(i + 2), tokens[i + 2].isLowercase { return nil }
            // "VOA Today": part of a name.
            if isCapitalized(i), i > sStart, isCapitalized(i - 1), !tokens[i].flags.contains(.paragraphStart), !keyIs(i - 1, ".") { return nil }
            let shift = word == .today ? 0 : (word == .yesterday ? -1 : 1)
            let day = dct?.adding(days: shift)
            if let part = keyValue(i + 1, Lexicon.dayParts) {
                return m(i + 2, .time, day.map { Timex.day($0) + "T" + part })
            }
            return m(i + 1, .date, day.map(Timex.day))
        case .tonight:
            return m(i + 1, .time, dct.map { Timex.day($0) + "TNI" })
        case .now, .currently, .presently, .nowadays:
            if word == .now && keyIs(i - 1, "from") { return nil }
            if word == .now,
               keyIs(i - 1, "right") || keyIs(i - 1, "just") || keyIs(i - 1, "until") || keyIs(i - 1, "by") {
                return Match(start: keyIs(i - 1, "right") ? i - 1 : i, end: i + 1, type: .date, value: "PRESENT_REF")
            }
            return m(i + 1, .date, "PRESENT_REF")
        case .current:
            // The adjective alone ("its current wife", "current market conditions") is PRESENT_REF in TimeBank;
            // "the current quarter" is parseRelative's, "current account" is not temporal.
            let n = key(i + 1)
            guard inSentence(i + 1), tokens[i + 1].isLowercase, Lexicon.units[n] == nil, n != "fiscal", n != "account",
                  n != "accounts", n != "assets", n != "liabilities", n != "affairs", n != "events", n != "period", n != "term" else { return nil }
            return m(i + 1, .date, "PRESENT_REF")
        case .recently, .lately:
            var s = i
            if keyIs(i - 1, "more") || keyIs(i - 1, "most") || keyIs(i - 1, "only") { s = i - 1 }
            return Match(start: s, end: i + 1, type: .date, value: "PAST_REF")
        case .formerly:
            return m(i + 1, .date, "PAST_REF")
        case .these:
            if keyIs(i + 1, "days") { return m(i + 2, .date, "PRESENT_REF") }
        case .at:
            if keyIs(i + 1, "present") { return Match(start: i + 1, end: i + 2, type: .date, value: "PRESENT_REF") }
        case .the:
            let n = key(i + 1)
            if n == "past", !startsQuantity(i + 2), keyValue(i + 2, Lexicon.units) == nil, !isHyphen(i + 2), keyValue(i + 2, Lexicon.seasons) == nil,
               keyValue(i + 2, Lexicon.weekdays) == nil, keyValue(i + 2, Lexicon.months) == nil {
                return m(i + 2, .date, "PAST_REF")
            }
            if n == "future", !keyIs(i + 2, "of") { return m(i + 2, .date, "FUTURE_REF") }
            if n == "present", !tokens[i + 1].isCapitalized, keyValue(i + 2, Lexicon.units) == nil { return m(i + 2, .date, "PRESENT_REF") }
            if n == "near" || n == "foreseeable" || n == "distant" || n == "immediate" {
                if keyIs(i + 2, "future") { return m(i + 3, .date, "FUTURE_REF") }
                if keyIs(i + 2, "term") { return m(i + 3, .date, "FUTURE_REF") }
            }
            if (n == "short" || n == "long" || n == "medium") && keyIs(i + 2, "term") { return m(i + 3, .date, "FUTURE_REF") }
        case .a:
            if keyIs(i + 1, "later"), keyIs(i + 2, "date") { return m(i + 3, .date, "FUTURE_REF") }
        case .future:
            if keyIs(i - 1, "in") || keyIs(i - 1, "near") { return m(i + 1, .date, "FUTURE_REF") }
        case .yearEarlier, .yearAgo:
            guard let dct else { return m(after(i), .date, nil) }
            if let q = reportedQuarter() { return m(after(i), .date, Timex.quarter(q.0 - 1, q.1)) }
            return m(after(i), .date, Timex.year(dct.year - 1))
        case .midAfternoon, .midMorning, .lateNight, .earlyMorning, .mid:
            var e = after(i)
            var part: String
            switch word {
            case .midAfternoon: part = "AF"
            case .midMorning, .earlyMorning: part = "MO"
            case .lateNight: part = "NI"
            default:
                guard keyIs(i + 1, "afternoon") || keyIs(i + 1, "morning") else { return nil }
                part = keyIs(i + 1, "afternoon") ? "AF" : "MO"
                e = i + 2
            }
            var day = sentenceIndex - lastDaySentence <= 1 ? (lastDay ?? dct) : dct
            if let d = dayAt(e), let v = d.value, case .day(let dd) = Timex.granularity(of: v) {
                day = dd
                e = d.end
            }
            return m(e, .time, day.map { Timex.day($0) + "T" + part })
        }
        return nil
    }

    func startsQuantity(_ j: Int) -> Bool {
        if isNumber(j) { return true }
        return keyValue(j, Lexicon.numberWords) != nil || keyIn(j, Lexicon.fuzzyQuantities) || keyIs(j, "a")
            || keyIs(j, "an") || keyIs(j, "couple")
    }

    // MARK: - this/last/next + unit, month, season, weekday

    /// Which way a relative determiner points, looked up once: the four tests compared `det` with each of
    /// these words in turn.
    static let ago: UInt8 = 1, ahead: UInt8 = 2, current: UInt8 = 3, anaphoric: UInt8 = 4
    static let determinerSenses: WordTable<UInt8> = {
        var senses = [(key: String, value: UInt8)]()
        for d in ["last", "the last", "past", "the past", "previous", "the previous", "the prior", "the preceding",
                  "this past"] { senses.append((d, ago)) }
        for d in ["next", "the next", "coming", "the coming", "following", "the following", "upcoming", "the upcoming",
                  "the ensuing"] { senses.append((d, ahead)) }
        for d in ["this", "current", "the current"] { senses.append((d, current)) }
        for d in ["that", "the same", "same"] { senses.append((d, anaphoric)) }
        return WordTable(senses)
    }()

    func parseRelative(_ i: Int) -> Match? {
        var det = key(i)
        var j = i + 1
        if det == "the" || det == "its" || det == "their" {
            let n = key(i + 1)
            if TaggerRun.relativeWordsAfterDeterminer.contains(n) {
                det = "the " + n
                j = after(i + 1)
                if n == "comparable" || n == "corresponding", keyIs(j, "year-ago") || keyIs(j, "year-earlier") {
                    det = "the year-ago"
                    j = after(j)
                }
            } else {
                det = "the"
            }
        } else if det == "this" && keyIs(i + 1, "past") {
            det = "this past"
            j = i + 2
        } else if det == "this" && keyIs(i + 1, "coming") {
            det = "next"
            j = i + 2
        } else if !TaggerRun.relativeDeterminers.contains(det) {
            return nil
        }
        if det == "early" || det == "late" { return nil }
        var fiscal = false
        if keyIs(j, "fiscal") || keyIs(j, "financial") || keyIs(j, "calendar") {
            fiscal = true
            j += 1
        }
        let u = key(j)
        let end = j + 1
        func m(_ type: TimexType, _ value: String?) -> Match { Match(start: i, end: end, type: type, value: value) }
        let sense = TaggerRun.determinerSenses[det] ?? 0
        let ago = sense == TaggerRun.ago, ahead = sense == TaggerRun.ahead
        let current = sense == TaggerRun.current, anaphoric = sense == TaggerRun.anaphoric

        // Month names: "last April", "next May", "this September".
        if let month = Lexicon.months[u], isCapitalized(j), !(u == "may" && !ago && !ahead && !current) {
            guard let dct else { return m(.date, "XXXX-\(Timex.pad(month, 2))") }
            var y = dct.year
            if ago || det == "this past" {
                if month >= dct.month { y -= 1 }
            } else if ahead {
                if month <= dct.month { y += 1 }
            } else if !current {
                return nil
            }
            return m(.date, Timex.month(y, month))
        }
        // Seasons.
        if let s = Lexicon.seasons[u] {
            guard let dct else { return m(.date, "XXXX-\(s)") }
            if det == "this past" { return m(.date, Timex.season(dct.year, s)) }
            if ago { return m(.date, Timex.season(dct.year - 1, s)) }
            if ahead { return m(.date, Timex.season(dct.year + 1, s)) }
            if current || det == "the" {
                if det == "the", keyIs(end, "of") { return nil }
                return m(.date, Timex.season(dct.year, s))
            }
            if anaphoric { return m(.date, lastYear.map { Timex.season($0, s) }) }
            return nil
        }
        // Weekdays: "last Friday", "next Monday", "this Tuesday".
        if let wd = isWeekday(j) {
            guard let dct else { return m(.date, "XXXX-WXX-\(wd)") }
            if det == "the previous" || det == "the prior" {
                let a = lastDay ?? dct
                let back = (a.weekday - wd + 7) % 7
                return m(.date, Timex.day(a.adding(days: -(back == 0 ? 7 : back))))
            }
            if ago {
                let back = (dct.weekday - wd + 7) % 7
                return m(.date, Timex.day(dct.adding(days: -(back == 0 ? 7 : back))))
            }
            if ahead {
                let fwd = (wd - dct.weekday + 7) % 7
                return m(.date, Timex.day(dct.adding(days: fwd == 0 ? 7 : fwd)))
            }
            if current { return m(.date, Timex.day(Timex.weekday(wd, inWeekOf: dct))) }
            return nil
        }
        // Parts of the day: "this morning", "last night".
        if let part = Lexicon.dayParts[u] {
            guard det == "this" || det == "last" || det == "that" || det == "the following" || det == "the next" || det == "the previous" else { return nil }
            if u == "overnight" { return nil }
            guard let dct else { return m(.time, nil) }
            var day = dct
            if det == "last" { day = dct.adding(days: -1) }
            if det == "that" { day = lastDay ?? dct }
            if det == "the following" || det == "the next" { day = (lastDay ?? dct).adding(days: 1) }
            if det == "the previous" { day = (lastDay ?? dct).adding(days: -1) }
            if det == "last" && u != "night" && u != "evening" { return nil }
            if det == "the following" || det == "the next" || det == "the previous" { return m(.date, Timex.day(day)) }
            return m(.time, Timex.day(day) + "T" + part)
        }
        if u == "weekend" {
            guard let dct else { return m(.date, "XXXX-WXX-WE") }
            let wd = dct.weekday
            var base: CalendarDate
            if ago {
                base = dct.adding(days: wd >= 6 ? -7 : -7)
                if wd < 6 { base = dct.adding(days: -7) }
            } else if ahead {
                base = dct.adding(days: 7)
                if wd < 6 && (det == "the coming" || det == "coming" || det == "upcoming") { base = dct }
            } else if current || det == "the" {
                if wd >= 6 {
                    base = dct
                } else {
                    base = tense(i, end) == .future ? dct : dct.adding(days: -7)
                }
            } else {
                return nil
            }
            return m(.date, Timex.weekend(base))
        }
        if u == "period", lastQuarter != nil, let dct {
            // Quarterly reports: "the latest period", "the year-ago period".
            let cq = Timex.quarterOf(dct)
            let prev = Timex.addQuarters(dct.year, cq, -1)
            switch det {
            case "the latest", "latest", "the current": return m(.date, Timex.quarter(prev.0, prev.1))
            case "the year-ago", "the year-earlier", "the comparable", "the corresponding", "the same":
                let q = lastQuarter ?? prev
                return m(.date, Timex.quarter(q.0 - (det == "the same" ? 0 : 1), q.1))
            default: return nil
            }
        }
        guard let unit = Lexicon.units[u], !Lexicon.pluralUnits.contains(u) else { return nil }
        if isHyphen(end) { return nil }
        // "ABC's \"This Week\"": a capitalized unit inside a sentence is a title.
        if tokens[j].isCapitalized, i > sStart, !tokens[i].flags.contains(.paragraphStart) { return nil }
        // "the year two thousand", "the year 2000"
        if unit == .year, yearValue(end) != nil || keyIs(end, "two") && keyIs(end + 1, "thousand") { return nil }  // "the last two-year period" etc. are durations elsewhere
        guard let dct else {
            if current || ago || ahead || anaphoric { return m(.date, nil) }
            return nil
        }
        switch unit {
        case .year:
            if current { return m(.date, Timex.year(dct.year)) }
            if det == "the past" || det == "the last" {
                return m(.date, Timex.year(dct.year - 1))
            }
            if det == "the previous" || det == "the prior" || det == "the preceding" {
                return m(.date, Timex.year((lastYear ?? dct.year) - 1))
            }
            if det == "the following" || det == "the next" || det == "the ensuing" {
                if let y = lastYear, y != dct.year { return m(.date, Timex.year(y + 1)) }
                return m(.date, Timex.year(dct.year + 1))
            }
            if ago { return m(.date, Timex.year(dct.year - 1)) }
            if ahead { return m(.date, Timex.year(dct.year + 1)) }
            if anaphoric { return m(.date, Timex.year(lastYear ?? dct.year)) }
            if det == "the year-ago" || det == "the year-earlier" { return m(.date, Timex.year(dct.year - 1)) }
            if det == "the full" { return m(.date, Timex.year(dct.year)) }
            if det == "the" {
                // "the year ended Sept. 30" is a reporting period; "for the year", "the fiscal year" the current one.
                if keyIs(end, "ended") || keyIs(end, "ending") || keyIs(end, "to") { return m(.duration, "P1Y") }
                if fiscal { return m(.date, Timex.year(dct.year)) }
                if keyIn(i - 1, TaggerRun.prepositionsBeforeYear) || keyIs(end, "'s") {
                    if keyIs(end, "before") || keyIs(end, "after") || keyIs(end, "earlier") || keyIs(end, "ago") { return nil }
                    return m(.date, Timex.year(dct.year))
                }
            }
            return nil
        case .month:
            let cur = (dct.year, dct.month)
            if current { return m(.date, Timex.month(cur.0, cur.1)) }
            if det == "the past" || det == "the last" { return m(.duration, "P1M") }
            if det == "the following" || det == "the next" {
                if let d = lastDay, d != dct { let n = d.adding(months: 1); return m(.date, Timex.month(n.year, n.month)) }
                let n = dct.adding(months: 1)
                return m(.date, Timex.month(n.year, n.month))
            }
            if det == "the previous" || det == "the prior" {
                let n = (lastDay ?? dct).adding(months: -1)
                return m(.date, Timex.month(n.year, n.month))
            }
            if ago { let n = dct.adding(months: -1); return m(.date, Timex.month(n.year, n.month)) }
            if ahead { let n = dct.adding(months: 1); return m(.date, Timex.month(n.year, n.month)) }
            if anaphoric { let a = lastDay ?? dct; return m(.date, Timex.month(a.year, a.month)) }
            return nil
        case .week:
            if current { return m(.date, Timex.week(dct)) }
            if det == "the past" || det == "the last" { return m(.duration, "P1W") }
            if det == "the following" || det == "the next" { return m(.date, Timex.week((lastDay ?? dct).adding(days: 7))) }
            if det == "the previous" || det == "the prior" { return m(.date, Timex.week((lastDay ?? dct).adding(days: -7))) }
            if ago { return m(.date, Timex.week(dct.adding(days: -7))) }
            if ahead { return m(.date, Timex.week(dct.adding(days: 7))) }
            if anaphoric { return m(.date, Timex.week(lastDay ?? dct)) }
            if det == "the", keyIn(i - 1, TaggerRun.prepositionsBeforeWeek) || keyIs(end, "'s") {
                if keyIs(end, "of") || keyIs(end, "before") || keyIs(end, "after") || keyIs(end, "ended") || keyIs(end, "ending") { return nil }
                return m(.date, Timex.week(lastDay ?? dct))
            }
            return nil
        case .day:
            if det == "the following" || det == "the next" { return m(.date, Timex.day((lastDay ?? dct).adding(days: 1))) }
            if det == "the previous" || det == "the prior" || det == "the preceding" { return m(.date, Timex.day((lastDay ?? dct).adding(days: -1))) }
            if anaphoric || det == "that" { return m(.date, Timex.day(lastDay ?? dct)) }
            if det == "the past" || det == "the last" { return m(.duration, "P1D") }
            return nil
        case .quarter:
            let cq = Timex.quarterOf(dct)
            if current && det != "this" { return m(.date, Timex.quarter(dct.year, cq)) }
            if det == "this" {
                return m(.date, Timex.quarter(dct.year, cq))
            }
            if det == "the" || det == "the latest" || det == "latest" || det == "the past" || det == "the last" || ago {
                if det == "the", keyIn(end, TaggerRun.wordsAfterQuarter) && lastQuarter == nil { return nil }
                if det == "the" && keyIs(i - 1, "a") { return nil }
                let p = Timex.addQuarters(dct.year, cq, -1)
                return m(.date, Timex.quarter(p.0, p.1))
            }
            if ahead { let p = Timex.addQuarters(dct.year, cq, 1); return m(.date, Timex.quarter(p.0, p.1)) }
            if anaphoric, let q = lastQuarter { return m(.date, Timex.quarter(q.0, q.1)) }
            if det == "the year-ago" || det == "the year-earlier" || det == "the comparable" || det == "the corresponding" {
                let q = lastQuarter ?? Timex.addQuarters(dct.year, cq, -1)
                return m(.date, Timex.quarter(q.0 - 1, q.1))
            }
            return nil
        case .decade:
            if current { return m(.date, String(dct.year / 10)) }
            if det == "the past" { return m(.duration, "P10Y") }
            if ago { return m(.date, String(dct.year / 10 - 1)) }
            if ahead { return m(.date, String(dct.year / 10 + 1)) }
            return nil
        case .century:
            if current { return m(.date, String(dct.year / 100)) }
            if det == "the past" || det == "the last" { return m(.duration, "P100Y") }
            if ago { return m(.date, String(dct.year / 100 - 1)) }
            if ahead { return m(.date, String(dct.year / 100 + 1)) }
            return nil
        default:
            return nil
        }
    }

    // MARK: - Durations and "N units ago"

    /// A quantity: "two", "27", "a", "a couple of", "several", "twenty-four", "2 1/2", "two and a half".
    /// Returns the value (nil for unspecific ones) and the index after it.
    func quantity(_ i: Int) -> (value: Double?, next: Int)? {
        var value: Double?
        var j = i + 1
        if let v = intValue(i) {
            guard digitCount(i) <= 4 else { return nil }
            value = Double(v)
            // "2 1/2"
            if intValue(j) == 1, keyIs(j + 1, "/"), intValue(j + 2) == 2, glued(j + 1) { value! += 0.5; j += 3 }
        } else if isNumber(i), let d = Double(key(i)) {
            value = d
        } else if keyIs(i, "a") || keyIs(i, "an") || keyIs(i, "one") {
            if keyIs(j, "couple") && keyIs(j + 1, "of") {
                value = 2
                j += 2
            } else if keyIs(j, "few") {
                value = nil
                j += 1
                return (nil, j)
            } else if keyIs(j, "half") {
                value = 0.5
                j += 1
            } else if keyIs(j, "dozen") {
                value = 12
                j += 1
            } else if keyIs(j, "hundred") {
                value = 100
                j += 1
            } else {
                value = 1
            }
        } else if keyIs(i, "couple") && keyIs(j, "of") {
            value = 2
            j += 1
        } else if keyIs(i, "half") {
            value = 0.5
            if keyIs(j, "a") || keyIs(j, "an") { j += 1 }
        } else if keyIn(i, Lexicon.fuzzyQuantities) {
            return (nil, j)
        } else if var v = keyValue(i, Lexicon.numberWords) {
            if keyIn(i, Lexicon.tens) {
                if isHyphen(j), let u = keyValue(j + 1, Lexicon.numberWords), u < 10 { v += u; j += 2 }
                else if let u = keyValue(j, Lexicon.numberWords), u < 10 { v += u; j += 1 }
            }
            if keyIs(j, "hundred") { v *= 100; j += 1 }
            else if keyIs(j, "thousand") { v *= 1000; j += 1 }
            value = Double(v)
        } else {
            return nil
        }
        // "two and a half"
        if keyIs(j, "and"), keyIs(j + 1, "a"), keyIs(j + 2, "half"), keyValue(j + 3, Lexicon.units) != nil, let v = value {
            value = v + 0.5
            j += 3
        }
        return (value, j)
    }

    func durationValue(_ unit: TimeUnit, _ n: Double?) -> String {
        guard let n else { return unit.duration(nil) }
        let whole = Int(n)
        if Double(whole) == n { return unit.duration(whole) }
        let frac = n - Double(whole)
        switch unit {
        case .year:
            let months = Int((frac * 12).rounded())
            return whole == 0 ? "P\(months)M" : "P\(whole)Y\(months)M"
        case .hour:
            let minutes = Int((frac * 60).rounded())
            return whole == 0 ? "PT\(minutes)M" : "PT\(whole)H\(minutes)M"
        case .minute:
            let seconds = Int((frac * 60).rounded())
            return whole == 0 ? "PT\(seconds)S" : "PT\(whole)M\(seconds)S"
        case .day:
            let hours = Int((frac * 24).rounded())
            return whole == 0 ? "PT\(hours)H" : "P\(whole)DT\(hours)H"
        case .month:
            return whole == 0 ? "P2W" : "P\(whole)M2W"
        case .decade:
            return "P\(Int((n * 10).rounded()))Y"
        default:
            return "P\(n)" + String(unit.duration(1).last!)
        }
    }

    func parseDuration(_ i: Int) -> Match? {
        var j = i
        var qualifier = ""
        if keyIs(j, "the") || keyIs(j, "its") || keyIs(j, "their") || keyIs(j, "his") || keyIs(j, "her") { j += 1 }
        if keyIn(j, TaggerRun.durationQualifiers) {
            qualifier = key(j)
            j = after(j)
            if keyIs(j, "few") || keyIs(j, "several") || keyIs(j, "many") { /* fuzzy below */ }
        } else if j > i && !startsQuantity(j) {
            return nil
        }
        var value: Double?
        var fuzzy = false
        if let qn = quantity(j) {
            value = qn.value
            fuzzy = qn.value == nil
            j = qn.next
        } else if qualifier.isEmpty {
            // Bare plurals: "for years", "over the weeks"... only after a time preposition.
            // Bare plurals ("for years") are left untagged: TimeBank rarely marks them.
            guard keyIn(j, Lexicon.pluralUnits), keyIs(j + 1, "ago"), j == i else { return nil }
            if keyIs(j + 1, "of") || keyIs(j + 1, "'") || keyIs(j + 1, "old") { return nil }
            if keyIs(i - 1, "in") && !keyIs(j + 1, "ago") { return nil }
            fuzzy = true
        } else {
            // "the past few weeks" handled by quantity; "recent years", "the coming weeks", "the early years"
            guard keyIn(j, Lexicon.pluralUnits) else { return nil }
            let u = key(j)
            if qualifier == "recent" || qualifier == "past" || qualifier == "coming" || qualifier == "last" || qualifier == "next" || qualifier == "early" {
                if qualifier == "recent" && u == "years" && !keyIs(i, "the") {
                    return Match(start: i, end: j + 1, type: .date, value: "PAST_REF")
                }
                if qualifier == "coming" && (u == "months" || u == "quarters") && !keyIs(i, "the") {
                    return Match(start: i, end: j + 1, type: .date, value: "FUTURE_REF")
                }
                if qualifier == "early" && !keyIs(i, "the") { return nil }
                fuzzy = true
            } else {
                return nil
            }
        }
        let numberEnd = j
        var hyphenated = false
        if isHyphen(j) { hyphenated = true; j += 1 }
        while keyIn(j, Lexicon.unitAdjectives), !keyIs(j, "long") || keyValue(j + 1, Lexicon.units) == nil {
            if keyIs(j, "long") { break }
            j += 1
        }
        if keyIs(j, "straight") { j += 1 }
        guard let unit = keyValue(j, Lexicon.units) else { return nil }
        let uk = key(j)
        // A capitalized unit inside a sentence is a title: "60 Minutes".
        if j > sStart, tokens[j].isCapitalized, !tokens[j].flags.contains(.paragraphStart), !keyIs(j - 1, ".") { return nil }
        if value == 1, Lexicon.pluralUnits.contains(uk), !keyIs(i, "one"), !isNumber(i) { return nil }
        if let v = value, v > 1, !Lexicon.pluralUnits.contains(uk), !hyphenated, !isHyphen(j + 1) {
            // "2 year" is unusual but "five year plan" happens; accept.
            _ = v
        }
        if value == nil && !fuzzy { return nil }
        // The quantity must be a real quantity for bare numbers: "1990 years" is not a duration.
        if isNumber(numberEnd - 1), let v = value, v > 5000 || (v >= 1000 && !Lexicon.pluralUnits.contains(uk)) { return nil }
        var end = j + 1
        // Ages are not temporal expressions: "6-year-old", "52 years old".
        if isHyphen(end), keyIs(end + 1, "old") { return nil }
        if keyIs(end, "old") || keyIs(end, "-old") { return nil }
        if isHyphen(end), keyIs(end + 1, "long") { end += 2 }
        let n = value
        let unitCount = n.flatMap { Double(Int($0)) == $0 ? Int($0) : nil }

        // "two days ago", "a year earlier", "five years later", "three weeks from now"
        let after = key(end)
        let bigUnit = unit == .year || unit == .month || unit == .quarter || unit == .decade || unit == .century
        if after == "ago" || ((after == "earlier" || after == "later") && qualifier.isEmpty && bigUnit)
            || (after == "from" && keyIs(end + 1, "now")) {
            var last = end + 1
            if after == "from" { last = end + 2 }
            if keyIs(end, "ago") || after == "from" || dct != nil {
                let sign = (after == "later" || after == "from") ? 1 : -1
                guard let count = unitCount, !fuzzy else {
                    return Match(start: i, end: last, type: .date, value: sign < 0 ? "PAST_REF" : "FUTURE_REF")
                }
                return Match(start: i, end: last, type: .date, value: shifted(unit, sign * count, anchored: after != "ago" && after != "from"))
            }
        }
        // "in three weeks" with a future verb: a date.
        if qualifier.isEmpty, keyIs(i - 1, "in"), let count = unitCount, !fuzzy, let dct, tense(i, end) == .future,
           unit == .day || unit == .week || unit == .month || unit == .year {
            return Match(start: i, end: end, type: .date, value: shiftedFrom(dct, unit, count))
        }
        if qualifier == "year-earlier" || qualifier == "year-ago" || qualifier == "same" || qualifier == "comparable" || qualifier == "prior" {
            return Match(start: i, end: end, type: .duration, value: durationValue(unit, n))
        }
        if fuzzy { return Match(start: i, end: end, type: .duration, value: unit.duration(nil)) }
        // "the two-day meeting": the adjective alone is the expression.
        if hyphenated, qualifier.isEmpty, j > i, keyIn(i, TaggerRun.possessiveDeterminers) {
            return Match(start: i + 1, end: end, type: .duration, value: durationValue(unit, n))
        }
        if keyIs(i, "a") || keyIs(i, "an") {
            if unit == .quarter, keyIs(end, "of") { return nil }
            if unit == .second { return nil }  // "a second group"
            // "a year" after an amount is a rate ("$5 a year", "700 seats a week"), not a duration.
            let prev = key(i - 1)
            if isAmount(i - 1) { return nil }
            if inSentence(i - 1), tokens[i - 1].isLowercase, prev.hasSuffix("s"), prev.utf8.count > 3,
               !TaggerRun.notPluralBeforeDuration.contains(prev) {
                return nil
            }
            if !hyphenated && keyIs(end, "or") && keyIs(end + 1, "two") { return Match(start: i, end: end + 2, type: .duration, value: durationValue(unit, n)) }
        }
        if unit == .quarter && qualifier.isEmpty && !hyphenated && value == 1 { return nil }
        if unit == .quarter && keyIs(end, "of") && qualifier.isEmpty { return nil }  // "three-quarters of its food"
        return Match(start: i, end: end, type: .duration, value: durationValue(unit, n))
    }

    /// The value of "N units ago" (or earlier/later from the last date the text mentioned).
    func shifted(_ unit: TimeUnit, _ count: Int, anchored: Bool) -> String? {
        guard let dct else { return nil }
        if unit == .year && count == -1, let q = reportedQuarter() {
            return Timex.quarter(q.0 - 1, q.1)
        }
        let anchor = anchored && unit != .year ? (lastDay ?? dct) : dct
        return shiftedFrom(anchor, unit, count)
    }

    /// In a quarterly report, the quarter being reported: the last one mentioned if it is of the document's
    /// year, else the one before the document date. Nil when the text last spoke of something else.
    func reportedQuarter() -> (Int, Int)? {
        guard lastDateWasQuarter, let q = lastQuarter, let dct else { return nil }
        if q.0 == dct.year { return q }
        return Timex.addQuarters(dct.year, Timex.quarterOf(dct), -1)
    }

    func shiftedFrom(_ anchor: CalendarDate, _ unit: TimeUnit, _ count: Int) -> String? {
        switch unit {
        case .second, .minute, .hour: return Timex.day(anchor)
        case .day: return Timex.day(anchor.adding(days: count))
        case .week: return Timex.week(anchor.adding(days: 7 * count))
        case .fortnight: return Timex.week(anchor.adding(days: 14 * count))
        case .month: let d = anchor.adding(months: count); return Timex.month(d.year, d.month)
        case .quarter:
            let q = Timex.addQuarters(anchor.year, Timex.quarterOf(anchor), count)
            return Timex.quarter(q.0, q.1)
        case .year: return Timex.year(anchor.year + count)
        case .decade: return Timex.year(anchor.year + 10 * count)
        case .century: return Timex.year(anchor.year + 100 * count)
        case .millennium: return Timex.year(anchor.year + 1000 * count)
        }
    }

    /// An amount that a following "a year" makes a rate: "$5 a year", "3% a month", "twice a day".
    func isAmount(_ i: Int) -> Bool {
        let k = key(i)
        if isNumber(i) { return true }
        return TaggerRun.amountWords.contains(k)
    }

    // MARK: - Quarters and halves

    func parseQuarter(_ i: Int) -> Match? {
        var j = i
        var year: Int?
        var yearOffset: Int?
        var anaphoricYearAgo = false
        let k = key(j)
        if k == "the" || k == "its" || k == "their" || k == "a" {
            j += 1
        }
        // "this year's third quarter", "last year's fourth quarter", "next year's first quarter"
        if keyIn(j, TaggerRun.yearDeterminers), keyIs(j + 1, "year"), keyIs(j + 2, "'s") {
            yearOffset = keyIs(j, "this") ? 0 : (keyIs(j, "last") ? -1 : 1)
            j += 3
        }
        if let y = yearValue(j), !(keyIs(j + 1, "-") && !glued(j + 1)) {
            year = y
            j += 1
            if isHyphen(j) { j += 1 }
        }
        if keyIs(j, "comparable") || keyIs(j, "corresponding") { j += 1 }
        if keyIs(j, "year-ago") || keyIs(j, "year-earlier") {
            anaphoricYearAgo = true
            j = after(j)
        }
        if keyIs(j, "fiscal") || keyIs(j, "fiscal-first") { if keyIs(j, "fiscal-first") { return nil }; j += 1; if isHyphen(j) { j += 1 } }
        var ord: Int?
        var half = false
        if let o = keyValue(j, Lexicon.ordinals), o <= 4 {
            ord = o
            j += 1
        } else if keyIs(j, "last") || keyIs(j, "latter") {
            ord = -1
            j += 1
        } else {
            return nil
        }
        if isHyphen(j) { j += 1 }
        if keyIs(j, "fiscal") { j += 1 }
        let u = key(j)
        if u == "half" || u == "halves" {
            half = true
            guard ord == 1 || ord == 2 || ord == -1 else { return nil }
        } else if u == "quarter" || u == "quarters" || u == "qtr" {
            if ord == -1 { ord = 4 }
        } else {
            return nil
        }
        var end = j + 1
        // "of 1990", "of this year", "of fiscal 1990", "of the year"
        if keyIs(end, "of") {
            var p = end + 1
            if keyIs(p, "fiscal") { p += 1 }
            if let y = yearValue(p) {
                year = y
                end = p + 1
            } else if keyIn(p, TaggerRun.yearDeterminers), keyIs(p + 1, "year") {
                yearOffset = keyIs(p, "this") ? 0 : (keyIs(p, "last") ? -1 : 1)
                end = p + 2
            }
        } else if let y = yearValue(end), !keyIs(i, "the") || true, !isNumber(end + 1) {
            // "the third quarter 1990"
            if y >= 1900 { year = y; end += 1 }
        }
        if u == "quarters" && year == nil && yearOffset == nil { return nil }
        let h = ord == -1 ? 2 : ord!
        guard let dct else {
            if let year { return Match(start: i, end: end, type: .date, value: half ? Timex.half(year, h) : Timex.quarter(year, h)) }
            return Match(start: i, end: end, type: .date, value: half ? "XXXX-H\(h)" : "XXXX-Q\(h)")
        }
        var y: Int
        if let year {
            y = year
        } else if let off = yearOffset {
            y = dct.year + off
        } else if half {
            y = dct.year
            if h == 2 && dct.month <= 6 && tense(i, end) != .future { y -= 1 }
        } else {
            y = dct.year
            let cq = Timex.quarterOf(dct)
            if h > cq && tense(i, end) != .future { y -= 1 }
        }
        if anaphoricYearAgo { y -= 1 }
        return Match(start: i, end: end, type: .date, value: half ? Timex.half(y, h) : Timex.quarter(y, h))
    }

    // MARK: - Calendar dates, weekdays, years, decades, holidays

    func parseDate(_ i: Int) -> Match? {
        if let wd = isWeekday(i) { return parseWeekday(i, wd) }
        if let month = isMonthName(i) { return parseMonth(i, month) }
        // The token's key is compared as bytes (`keyIs`, `keyValue`), not made: most tries are at numbers.
        // "21 October 2025", "21st of October"
        if let d = intValue(i) ?? keyValue(i, Lexicon.ordinals), d >= 1, d <= 31,
           isNumber(i) || keyValue(i, Lexicon.ordinals) != nil {
            var j = i + 1
            if isNumber(i), keyValue(j, Lexicon.ordinals) == nil, keyIn(j, TaggerRun.ordinalSuffixes), glued(j) { j += 1 }
            if keyIs(j, "of") { j += 1 }
            if let month = isMonthName(j), !keyIs(j, "may") || intValue(j + 1) != nil || isNumber(i) {
                if !isNumber(i) && !keyIs(j - 1, "of") { return nil }
                var end = j + 1
                var year: Int?
                if keyIs(end, ",") , let y = yearValue(end + 1) { year = y; end += 2 } else if let y = yearValue(end) { year = y; end += 1 }
                let value = year.map { y in d <= CalendarDate.daysIn(month: month, year: y) ? Timex.day(CalendarDate(year: y, month: month, day: d)) : nil } ?? resolveMonthDay(month, d, i, end)
                return Match(start: i, end: end, type: .date, value: value)
            }
        }
        // ISO date 2025-10-21 and US 10/21/2025.
        if isNumber(i), let a = intValue(i), isHyphen(i + 1) || (keyIs(i + 1, "/") && glued(i + 1) && glued(i + 2)),
           let b = intValue(i + 2), key(i + 3) == key(i + 1), glued(i + 3), glued(i + 4), let c = intValue(i + 4) {
            if digitCount(i) == 4, !keyIs(i + 1, "/"), b >= 1, b <= 12, c >= 1, c <= CalendarDate.daysIn(month: b, year: a) {
                return Match(start: i, end: i + 5, type: .date, value: Timex.day(CalendarDate(year: a, month: b, day: c)))
            }
            if keyIs(i + 1, "/"), digitCount(i + 4) == 4, a >= 1, a <= 12, b >= 1, b <= CalendarDate.daysIn(month: a, year: c) {
                return Match(start: i, end: i + 5, type: .date, value: Timex.day(CalendarDate(year: c, month: a, day: b)))
            }
        }
        if let y = yearValue(i) {
            // Decades: "1990s", "the 1990s"
            if keyIs(i + 1, "s") && glued(i + 1) || keyIs(i + 1, "'s") && glued(i + 1) && !(keyIs(i + 2, "") ) && isDecadeApostrophe(i + 1) {
                return Match(start: i, end: i + 2, type: .date, value: String(y / 10))
            }
            // Outside 1900–2100 a bare four-digit number is more often a clock time ("at 1100", "the 1330 start"),
            // an index level ("to 1738"), a model or a union local ("Local 1416", "CYBER 1809") than a year.
            if y < 1900 || y > 2100, !introducesDistantYear(before: i) { return nil }
            var end = i + 1
            // "1990 and beyond" stays the year.
            // "the 1988 period" / "the 1988 quarter"
            if keyIs(i - 1, "the") || keyIs(i - 1, "fiscal") || keyIs(i - 1, "mid") || keyIs(i - 1, "-") {
                _ = end
            }
            if keyIs(end, "period") || keyIs(end, "quarter") && !isHyphen(end - 1) {
                if keyIs(end, "quarter"), let q = lastQuarter, q.0 == y || q.0 == y + 1 {
                    return Match(start: keyIs(i - 1, "the") ? i - 1 : i, end: end + 1, type: .date, value: Timex.quarter(y, q.1))
                }
                end += 1
            }
            if keyIs(i - 1, "fiscal") {
                return Match(start: i - 1, end: end, type: .date, value: Timex.year(y))
            }
            if isNumber(i + 1) && !glued(i + 1) { return nil }  // "1990 1991" tables
            return Match(start: i, end: end, type: .date, value: Timex.year(y))
        }
        // "'80s", "’90s"
        if keyIs(i, "'"), let v = intValue(i + 1), digitCount(i + 1) == 2, glued(i + 1) {
            if keyIs(i + 2, "s"), glued(i + 2) {
                let century = v <= (dct.map { $0.year % 100 } ?? 30) ? 200 : 190
                return Match(start: i, end: i + 3, type: .date, value: String(century + v / 10))
            }
        }
        // Spoken decades and years: "the nineties", "nineteen ninety-six", "two thousand".
        if let d = keyValue(i, TaggerRun.spokenDecades),
           keyIs(i - 1, "the") || keyIs(i - 1, "early") || keyIs(i - 1, "late") || keyIs(i - 1, "mid")
            || keyIs(i - 2, "the") {
            return Match(start: i, end: i + 1, type: .date, value: "19\(d)")
        }
        if keyIs(i, "nineteen") || keyIs(i, "eighteen") {
            let centuryPart = keyIs(i, "nineteen") ? 19 : 18
            if let (v, next) = quantity(i + 1).map({ ($0.value, $0.next) }), let v, v >= 10, v < 100, Double(Int(v)) == v, !isNumber(i + 1) {
                if keyValue(next, Lexicon.units) != nil { return nil }
                return Match(start: i, end: next, type: .date, value: Timex.year(centuryPart * 100 + Int(v)))
            }
        }
        if keyIs(i, "two"), keyIs(i + 1, "thousand"),
           keyIs(i - 1, "year") || keyIs(i - 1, "in") || keyIs(i - 1, "since") || keyIs(i - 1, "by") {
            var end = i + 2
            var y = 2000
            if keyIs(end, "and"), let v = keyValue(end + 1, Lexicon.numberWords), v < 20 { y += v; end += 2 }
            else if let v = keyValue(end, Lexicon.numberWords), v < 20 { y += v; end += 1 }
            let start = keyIs(i - 1, "year") && keyIs(i - 2, "the") ? i - 2 : i
            return Match(start: start, end: end, type: .date, value: Timex.year(y))
        }
        // Centuries: "the 20th century", "the nineteenth century"
        if let o = keyValue(i, Lexicon.ordinals), isHyphen(i + 1) ? keyIs(i + 2, "century") : keyIs(i + 1, "century") {
            let end = isHyphen(i + 1) ? i + 3 : i + 2
            return Match(start: i, end: end, type: .date, value: Timex.pad(o - 1, 2))
        }
        return parseHoliday(i)
    }

    func isDecadeApostrophe(_ i: Int) -> Bool { false }

    func parseWeekday(_ i: Int, _ wd: Int) -> Match? {
        var j = i + 1
        // "Friday, Oct. 23", "Saturday April 25"
        var p = j
        if keyIs(p, ",") { p += 1 }
        if let month = isMonthName(p), let mm = parseMonth(p, month), case .day? = mm.value.map(Timex.granularity) {
            return Match(start: i, end: mm.end, type: .date, value: mm.value)
        }
        if let month = isMonthName(p), keyValue(p, Lexicon.months) != nil, intValue(p + 1) != nil {
            if let mm = parseMonth(p, month) { return Match(start: i, end: mm.end, type: .date, value: mm.value) }
        }
        // "Monday and Tuesday next week": look past a coordination for the week it belongs to.
        var weekShift: Int?
        var q = j
        if let part = keyValue(q, Lexicon.dayParts), !keyIs(q, "overnight") { _ = part; q += 1 }
        if let s = weekShiftAt(q) {
            weekShift = s
        } else {
            var c = q
            while keyIn(c, TaggerRun.weekdayListJoiners), isWeekday(c + 1) != nil {
                c += 2
                if keyValue(c, Lexicon.dayParts) != nil { c += 1 }
                if let s = weekShiftAt(c) {
                    weekShift = s
                    break
                }
            }
        }
        var value: String?
        var dayDate: CalendarDate?
        if let dct {
            if let s = weekShift {
                dayDate = Timex.weekday(wd, inWeekOf: dct.adding(days: 7 * s))
            } else if keyIs(i - 1, "this") || keyIs(i - 1, "next") || keyIs(i - 1, "last") {
                dayDate = nil  // parseRelative handles these
            } else if keyIs(i + 1, "'s") {
                // "Wednesday's ruling" has happened; "ahead of Sunday's vote", "for Tuesday's match" is to come.
                let p = key(i - 1)
                if TaggerRun.futurePrepositions.contains(p) || p == "of" && keyIs(i - 2, "ahead") {
                    dayDate = dct.adding(days: (wd - dct.weekday + 7) % 7)
                } else {
                    dayDate = dct.adding(days: -((dct.weekday - wd + 7) % 7))
                }
            } else {
                if case .day(let d) = Timex.granularity(of: resolveWeekday(wd, i, i + 1)) { dayDate = d }
            }
            value = dayDate.map(Timex.day)
        } else {
            value = "XXXX-WXX-\(wd)"
        }
        let type = TimexType.date
        if keyValue(j, Lexicon.dayParts) != nil, !keyIs(j, "overnight") {
            // "Friday night": TimeBank mostly gives the day alone.
            j += 1
        }
        if weekShiftAt(j) != nil { j += 2 }
        return Match(start: i, end: j, type: type, value: value)
    }

    /// "next week" / "last week" / "this week" at `i`, as a week offset.
    func weekShiftAt(_ i: Int) -> Int? {
        guard keyIs(i + 1, "week") else { return nil }
        switch key(i) {
        case "next": return 1
        case "last": return -1
        case "this": return 0
        default: return nil
        }
    }

    func parseMonth(_ i: Int, _ month: Int) -> Match? {
        var j = i + 1
        // Day: "Oct. 21", "October 21st", "March eighth"
        var day: Int?
        if let d = intValue(j), d >= 1, d <= 31, digitCount(j) <= 2 {
            day = d
            j += 1
            if keyIn(j, TaggerRun.ordinalSuffixes), glued(j) { j += 1 }
        } else if let d = keyValue(j, Lexicon.ordinals), d >= 1, d <= 31, !tokens[j].isCapitalized || true {
            if keyValue(j + 1, Lexicon.units) == nil && !keyIs(j + 1, "half") {
                day = d
                j += 1
            }
        } else if keyIs(j, "the"), let d = keyValue(j + 1, Lexicon.ordinals), d <= 31 {
            day = d
            j += 2
        }
        if let day {
            // ", 2025" or " 2025"
            var year: Int?
            var end = j
            if keyIs(j, ","), let y = yearValue(j + 1) {
                year = y
                end = j + 2
            } else if let y = yearValue(j) {
                year = y
                end = j + 1
            }
            if let year {
                guard day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
                return Match(start: i, end: end, type: .date, value: Timex.day(CalendarDate(year: year, month: month, day: day)))
            }
            guard day <= CalendarDate.daysIn(month: month, year: 2000) else { return nil }
            return Match(start: i, end: end, type: .date, value: resolveMonthDay(month, day, i, end))
        }
        // "October 2025", "October of 2025", "Oct. '98"
        if let y = yearValue(j) {
            return Match(start: i, end: j + 1, type: .date, value: Timex.month(y, month))
        }
        if keyIs(j, "of"), let y = yearValue(j + 1) {
            return Match(start: i, end: j + 2, type: .date, value: Timex.month(y, month))
        }
        // "June last year", "January this year", "March next year"
        if keyIn(j, TaggerRun.yearDeterminers), keyIs(j + 1, "year") {
            guard let dct else { return Match(start: i, end: j + 2, type: .date, value: nil) }
            let y = dct.year + (keyIs(j, "last") ? -1 : (keyIs(j, "next") ? 1 : 0))
            return Match(start: i, end: j + 2, type: .date, value: Timex.month(y, month))
        }
        return Match(start: i, end: i + 1, type: .date, value: resolveMonth(month, i, i + 1))
    }

    func parseHoliday(_ i: Int) -> Match? {
        guard isCapitalized(i) else { return nil }  // before the key is made: most tries are at numbers
        let k = key(i)
        var end = i + 1
        var resolve: ((Int) -> CalendarDate)?
        switch k {
        case "christmas":
            if keyIs(end, "eve") { end += 1; resolve = { CalendarDate(year: $0, month: 12, day: 24) } }
            else {
                if keyIs(end, "day") { end += 1 }
                resolve = { CalendarDate(year: $0, month: 12, day: 25) }
            }
        case "new":
            guard keyIs(i + 1, "year"), keyIs(i + 2, "'s"), keyIs(i + 3, "day") || keyIs(i + 3, "eve") else { return nil }
            end = i + 4
            if keyIs(i + 3, "eve") { resolve = { CalendarDate(year: $0, month: 12, day: 31) } } else { resolve = { CalendarDate(year: $0, month: 1, day: 1) } }
        case "thanksgiving":
            if keyIs(end, "day") { end += 1 }
            resolve = { Timex.nthWeekday(4, 4, month: 11, year: $0) }
        case "easter":
            if keyIs(end, "sunday") || keyIs(end, "day") { end += 1 }
            if keyIs(end, "week") || keyIs(end, "monday") || keyIs(end, "holiday") || keyIs(end, "weekend") { return nil }
            resolve = { Timex.easter($0) }
        case "halloween":
            resolve = { CalendarDate(year: $0, month: 10, day: 31) }
        case "independence", "labor", "labour", "memorial", "election", "veterans", "valentine":
            var d = i + 1
            if k == "valentine" || k == "veterans" { if keyIs(d, "'s") || keyIs(d, "'") { d += 1 } }
            guard keyIs(d, "day"), isCapitalized(d) else { return nil }
            end = d + 1
            switch k {
            case "independence": resolve = { CalendarDate(year: $0, month: 7, day: 4) }
            case "labor", "labour": resolve = { Timex.nthWeekday(1, 1, month: 9, year: $0) }
            case "memorial": resolve = { Timex.nthWeekday(-1, 1, month: 5, year: $0) }
            case "veterans": resolve = { CalendarDate(year: $0, month: 11, day: 11) }
            case "valentine": resolve = { CalendarDate(year: $0, month: 2, day: 14) }
            default: resolve = { Timex.nthWeekday(1, 1, month: 11, year: $0).adding(days: 1) }
            }
        default:
            return nil
        }
        guard let resolve else { return nil }
        var start = i
        var year: Int?
        if let y = yearValue(end) { year = y; end += 1 }
        else if keyIs(end, ","), let y = yearValue(end + 1) { year = y; end += 2 }
        if keyIn(i - 1, TaggerRun.yearDeterminers) { start = i - 1 }
        guard let dct else {
            if let year { return Match(start: start, end: end, type: .date, value: Timex.day(resolve(year))) }
            return Match(start: start, end: end, type: .date, value: nil)
        }
        if let year { return Match(start: start, end: end, type: .date, value: Timex.day(resolve(year))) }
        let cands = [resolve(dct.year - 1), resolve(dct.year), resolve(dct.year + 1)]
        let n = dct.dayNumber
        var pick: CalendarDate
        switch key(i - 1) {
        case "last": pick = cands.last(where: { $0.dayNumber < n }) ?? cands[0]
        case "next": pick = cands.first(where: { $0.dayNumber > n }) ?? cands[2]
        case "this": pick = cands[1]
        default:
            pick = cands.min(by: { abs($0.dayNumber - n) < abs($1.dayNumber - n) })!
            if tense(i, end) == .past, pick.dayNumber > n { pick = cands.last(where: { $0.dayNumber <= n }) ?? pick }
            if tense(i, end) == .future, pick.dayNumber < n { pick = cands.first(where: { $0.dayNumber >= n }) ?? pick }
        }
        return Match(start: start, end: end, type: .date, value: Timex.day(pick))
    }

    // MARK: - Clock times

    /// "3:50am", "10 p.m. EST", "noon", "midnight Friday", "9 a.m. Tuesday", "4 in the morning".
    func parseClock(_ i: Int) -> Match? {
        let k = key(i)
        var hour: Int
        var minute = 0
        var j = i + 1
        var explicitClock = false
        if k == "noon" || k == "midday" {
            if keyIs(i - 1, "high") { return nil }
            hour = 12
        } else if k == "midnight" {
            hour = 24
        } else if isNumber(i) {
            // "3:50": hours, a colon, two digits of minutes.
            let b = Array(k.utf8)
            var colon = -1
            for (n, c) in b.enumerated() where c == UInt8(ascii: ":") { colon = colon == -1 ? n : -2 }
            let parts = colon > 0 ? [Substring(k.prefix(colon)), Substring(k.dropFirst(colon + 1))] : [Substring(k)]
            if parts.count == 2, let h = Int(parts[0]), let mi = Int(parts[1]), parts[1].count == 2, h <= 24, mi < 60 {
                hour = h
                minute = mi
                explicitClock = true
            } else if parts.count == 1, let h = Int(k), h >= 1, h <= 12, k.utf8.count <= 2 {
                hour = h
            } else if parts.count == 1, k.utf8.count == 4, let v = Int(k), v % 100 < 60, v / 100 <= 23,
                      keyIn(j, Lexicon.timeZones) || keyIs(j, "hours") || keyIs(j, "hrs")
                        || keyIs(j, "local") && keyIs(j + 1, "time") {
                // Military style "1430 GMT", "1530 EST", "1700 local time": not the years 1430, 1530, 1700.
                hour = v / 100
                minute = v % 100
                explicitClock = true
                if keyIs(j, "hours") || keyIs(j, "hrs") { j += 1 }
            } else {
                return nil
            }
            // am / pm
            let ap = key(j)
            if ap == "a.m" || ap == "am" || ap == "a" && keyIs(j + 1, ".") {
                if hour == 12 { hour = 0 }
                j += ap == "a" ? 2 : 1
                explicitClock = true
            } else if ap == "p.m" || ap == "pm" {
                if hour < 12 { hour += 12 }
                j += 1
                explicitClock = true
            } else if ap == "o'clock" {
                j += 1
                explicitClock = true
            } else if keyIs(j, "in"), keyIs(j + 1, "the"), let part = keyValue(j + 2, Lexicon.dayParts) {
                if part == "AF" || part == "EV" || part == "NI", hour < 12 { hour += 12 }
                j += 3
                explicitClock = true
            }
            if ap == "am" && !glued(j - 1) && !isNumber(i) { return nil }
            guard explicitClock else { return nil }
            if !(ap == "a.m" || ap == "p.m" || ap == "am" || ap == "pm") && parts.count == 2 {
                // "at 3:50" without am/pm: only after "at"/"by" or before a time zone.
                guard keyIn(i - 1, TaggerRun.clockPrepositions)
                        || keyIn(j, Lexicon.timeZones) || keyIs(j, "local") else { return nil }
            }
        } else {
            return nil
        }
        // Time zone, "local time"
        if keyIn(j, Lexicon.timeZones) { j += 1 }
        if keyIs(j, "local"), keyIs(j + 1, "time") { j += 2 }
        let clock = "T" + Timex.pad(hour, 2) + ":" + Timex.pad(minute, 2)
        // The day: a following date ("10 p.m. Wednesday", "5 p.m. EST, Nov. 6", "noon Saturday").
        var p = j
        if keyIs(p, ",") || keyIs(p, "on") { p += 1 }
        if let d = dayAt(p) {
            return Match(start: i, end: d.end, type: .time, value: d.value.map { $0 + clock })
        }
        guard let dct else { return Match(start: i, end: j, type: .time, value: "XXXX-XX-XX" + clock) }
        let day = sentenceIndex - lastDaySentence <= 1 ? (lastDay ?? dct) : dct
        return Match(start: i, end: j, type: .time, value: Timex.day(day) + clock)
    }

    /// A day-granularity date at `i` (weekday, month and day, today/yesterday/tomorrow).
    func dayAt(_ i: Int) -> (end: Int, value: String?)? {
        let k = key(i)
        if k == "today" || k == "yesterday" || k == "tomorrow" {
            let shift = k == "today" ? 0 : (k == "yesterday" ? -1 : 1)
            return (i + 1, dct.map { Timex.day($0.adding(days: shift)) })
        }
        if let wd = isWeekday(i), let m = parseWeekday(i, wd), m.type == .date {
            if m.value == nil || m.value!.utf8.count == 10 || m.value!.hasPrefix("XXXX") { return (m.end, m.value) }
            return (i + 1, m.value.map { String($0.prefix(10)) })
        }
        if let month = isMonthName(i), let m = parseMonth(i, month), let v = m.value, v.utf8.count == 10 {
            return (m.end, v)
        }
        return nil
    }

    /// "yesterday at 3:50am", "Friday at noon": a day followed by a clock time becomes one TIME.
    func extendWithClock(_ m: inout Match, day: CalendarDate) {
        var j = m.end
        if keyIs(j, "at") || keyIs(j, ",") && keyIs(j + 1, "at") { j += keyIs(j, "at") ? 1 : 2 } else { return }
        guard let c = parseClock(j), let v = c.value, let t = v.firstIndex(of: "T") else { return }
        m.end = c.end
        m.type = .time
        m.value = Timex.day(day) + String(v[t...])
    }

    // MARK: - Sets

    func parseSet(_ i: Int) -> Match? {
        let k = key(i)
        func m(_ end: Int, _ value: String) -> Match { Match(start: i, end: end, type: .set, value: value) }
        switch k {
        case "daily", "nightly":
            // "the Communist Party daily Granma", "average daily volume"
            if isCapitalized(i + 1) || keyIn(i - 1, TaggerRun.wordsBeforeAdjectiveDaily) { return nil }
            return m(i + 1, "P1D")
        case "weekly": return m(i + 1, "P1W")
        case "monthly": return m(i + 1, "P1M")
        case "yearly", "annual": return m(i + 1, "P1Y")
        case "hourly": return m(i + 1, "PT1H")
        case "biweekly", "fortnightly": return m(i + 1, "P2W")
        case "semiannual", "semi-annual", "biannual": return m(i + 1, "P6M")
        case "every", "each":
            var j = i + 1
            if keyIs(j, "other") { j += 1 }
            if let wd = isWeekday(j) {
                var end = j + 1
                var v = "XXXX-WXX-\(wd)"
                if let part = keyValue(end, Lexicon.dayParts) { v += "T" + part; end += 1 }
                return m(end, v)
            }
            if let mo = keyValue(j, Lexicon.months), isCapitalized(j) { return m(j + 1, "XXXX-" + Timex.pad(mo, 2)) }
            if let part = keyValue(j, Lexicon.dayParts) { return m(j + 1, "XXXX-XX-XXT" + part) }
            if keyIs(j, "weekend") { return m(j + 1, "XXXX-WXX-WE") }
            var n: Double? = 1
            if let q = quantity(j), q.value != nil, isNumber(j) || keyValue(j, Lexicon.numberWords) != nil { n = q.value; j = q.next }
            guard let unit = keyValue(j, Lexicon.units) else { return nil }
            if keyIs(i, "each") && keyIs(i - 1, "for") { return nil }
            if keyIs(i + 1, "other") { n = (n ?? 1) * 2 }
            return m(j + 1, durationValue(unit, n))
        case "per":
            // "per year"; rates after amounts with "a" ("$5 a year") are left untagged, as TimeBank does.
            if keyIs(i + 1, "annum") { return m(i + 2, "P1Y") }
            guard let unit = keyValue(i + 1, Lexicon.units), !keyIn(i + 1, Lexicon.pluralUnits),
                  [.day, .week, .month, .year].contains(unit) else { return nil }
            return m(i + 2, unit.duration(1))
        default:
            if let wd = Lexicon.pluralWeekdays[k], isCapitalized(i) { return m(i + 1, "XXXX-WXX-\(wd)") }
            return nil
        }
    }
}

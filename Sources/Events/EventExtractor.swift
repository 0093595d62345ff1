import Actors
import Corpus
import Language
import Time

/// Finds events: a trigger per clause, its type, its actors and its date.
///
/// One linear pass looks every word up once in the trigger lexicon; then each sentence is cut into clauses
/// (at `;`, `:`, quotes, ", and/but", ", which", ", V-ing", subordinators, the reported clause after a
/// reporting verb, and the ", X said" tail), each clause keeps its first trigger (its reporting verb if it
/// has one), and the clause's actor mentions and temporal expressions give the participants and the date.
/// See `docs/events.md` for the typology and the dating rules.
public struct EventExtractor: Sendable {
    let lexicon: TriggerLexicon

    public init() { self.lexicon = .standard }

    /// Reads and indexes the trigger lexicon now rather than at the first extractor: `Annotator()` calls it on a
    /// core that is otherwise idle at start-up.
    public static func loadTables() { _ = TriggerLexicon.standard }

    init(lexicon: TriggerLexicon) { self.lexicon = lexicon }

    /// `hashes`: the document's `TokenHashes`, when the caller has taken them for all stages.
    public func extract(_ text: Text, tokens: [Token], sentences: [Sentence], mentions: [Mention],
                        times: [TimeExpression], documentDate: CalendarDate?, hashes: TokenHashes? = nil) -> [Event] {
        var scratch = EventScratch()
        return extract(text, tokens: tokens, sentences: sentences, mentions: mentions, times: times,
                       documentDate: documentDate, hashes: hashes, reusing: &scratch)
    }

    /// `extract` with working storage kept from the document before: a worker passes the same `scratch` for
    /// each document of a group.
    public func extract(_ text: Text, tokens: [Token], sentences: [Sentence], mentions: [Mention],
                        times: [TimeExpression], documentDate: CalendarDate?, hashes: TokenHashes? = nil,
                        reusing scratch: inout EventScratch) -> [Event] {
        guard !tokens.isEmpty, !sentences.isEmpty else { return [] }
        let sorted = mentions.indices.dropFirst().allSatisfy { mentions[$0 - 1].range.lowerBound <= mentions[$0].range.lowerBound }
        let mentions = sorted ? mentions : mentions.sorted { $0.range.lowerBound < $1.range.lowerBound }
        let times = Self.datingTimes(times)
        var pass = Pass(lexicon: lexicon, text: text, tokens: tokens, mentions: mentions, times: times,
                        documentDate: documentDate, hashes: hashes ?? TokenHashes(text: text, tokens: tokens),
                        scratch: &scratch)
        for (index, sentence) in sentences.enumerated() {
            pass.sentence(sentence, index: index)
        }
        pass.giveBack(&scratch)
        return pass.events
    }
}

extension EventExtractor {
    /// The expressions that can date an event (durations, sets and unresolved values never do), in text order.
    /// The tagger gives them in text order, and in many documents all of them can date: then the array is used as
    /// it is, where filtering and sorting made two copies (every expression's strings retained) for each document.
    static func datingTimes(_ times: [TimeExpression]) -> [TimeExpression] {
        var allDate = true, inOrder = true
        times.withUnsafeBufferPointer { times in
            for i in times.indices {
                if allDate, !Dating.canDate(times[i]) { allDate = false }
                if i > 0, times[i - 1].range.lowerBound > times[i].range.lowerBound { inOrder = false }
            }
        }
        let dating = allDate ? times : times.filter(Dating.canDate)
        return inOrder ? dating : dating.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

/// The per-token and per-sentence arrays the extractor fills and drops, kept by a worker across the documents of a
/// group and refilled in place (as `RecognitionScratch` for the actor recognizer).
public struct EventScratch {
    var words = [WordInfo]()
    var mentionFirstToken = [Int]()
    var clauses = [Clause]()
    var candidates = [Candidate]()

    public init() {}
}

/// What the first pass learned about one token.
struct WordInfo {
    struct Flags: OptionSet {
        let rawValue: UInt8
        static let inMention = Flags(rawValue: 1 << 0)
        static let mentionStart = Flags(rawValue: 1 << 1)
        /// A later part of a hyphenated compound ("election" in "re-election"): never a trigger on its own.
        static let compoundPart = Flags(rawValue: 1 << 2)
    }

    var classes: WordClass = []
    var trigger: Int32 = -1
    /// Token index just past the trigger (phrases and compounds span several tokens).
    var end: Int32 = 0
    var flags: Flags = []
}

/// A trigger found in a sentence, before clauses choose theirs.
struct Candidate {
    var start: Int
    var end: Int
    var form: TriggerForm
    var noun: Bool
    var passive: Bool
    var reporting: Bool { form.reporting && !noun }
}

struct Clause {
    enum Kind { case main, participial, relative }
    var tokens: Range<Int>
    var candidates: Range<Int>
    var kind: Kind
    var chosen = -1
    var reporting = false
}

/// The per-document state of one extraction: the token table, scratch buffers reused across sentences, and
/// the events found so far.
struct Pass {
    let lexicon: TriggerLexicon
    let text: Text
    let bytes: [UInt8]
    let tokens: [Token]
    let mentions: [Mention]
    let times: [TimeExpression]
    let documentDate: CalendarDate?
    var words: [WordInfo]
    var mentionFirstToken: [Int]
    var clauses = [Clause]()
    var candidates = [Candidate]()
    var events = [Event]()
    private var mentionCursor = 0
    private var timeCursor = 0

    init(lexicon: TriggerLexicon, text: Text, tokens: [Token], mentions: [Mention], times: [TimeExpression],
         documentDate: CalendarDate?, hashes: TokenHashes, scratch: inout EventScratch) {
        self.lexicon = lexicon
        self.text = text
        self.bytes = text.bytes
        self.tokens = tokens
        self.mentions = mentions
        self.times = times
        self.documentDate = documentDate
        // Swapped straight into the properties: through a local, the local still shared the storage when the
        // pass first wrote to it, which then copied it.
        self.words = []
        self.mentionFirstToken = []
        swap(&words, &scratch.words)
        swap(&mentionFirstToken, &scratch.mentionFirstToken)
        words.refill(with: WordInfo(), count: tokens.count)
        mentionFirstToken.refill(with: -1, count: mentions.count)
        swap(&clauses, &scratch.clauses)
        swap(&candidates, &scratch.candidates)
        clauses.reserveCapacity(16)
        events.reserveCapacity(tokens.count / 24 + 4)  // about one event per sentence
        candidates.reserveCapacity(16)
        scanWords(hashes.values)
        markMentions()
    }

    /// Hands the pass's working arrays back for the next document (the clauses and candidates emptied).
    mutating func giveBack(_ scratch: inout EventScratch) {
        swap(&scratch.words, &words)
        swap(&scratch.mentionFirstToken, &mentionFirstToken)
        scratch.clauses = clauses.takeEmptied()
        scratch.candidates = candidates.takeEmptied()
    }

    // MARK: First pass: one lexicon probe per word

    /// `hashes`: `WordHash` of each token, the key of a one-word entry.
    private mutating func scanWords(_ hashes: [UInt64]) {
        let table = lexicon.table
        let tokens = self.tokens
        let n = tokens.count
        words.withUnsafeMutableBufferPointer { words in
            bytes.withUnsafeBufferPointer { bytes in
                func isHyphen(_ token: Token) -> Bool {
                    token.kind == .punctuation && token.range.count == 1 && bytes[token.range.lowerBound] == UInt8(ascii: "-")
                }
                var i = 0
                while i < n {
                    let token = tokens[i]
                    guard token.kind == .word else {
                        i += 1
                        continue
                    }
                    // A hyphenated compound ("re-election", "cease-fire") is looked up whole; its parts are not triggers.
                    var j = i
                    while j + 2 < n, isHyphen(tokens[j + 1]), !tokens[j + 1].hasSpaceBefore, !tokens[j + 2].hasSpaceBefore,
                          tokens[j + 2].kind == .word || tokens[j + 2].kind == .number {
                        j += 2
                    }
                    if j > i {
                        let h = WordHash.of(bytes, token.range.lowerBound..<tokens[j].range.upperBound)
                        words[i].trigger = table.lookup(h)?.trigger ?? -1
                        words[i].end = Int32(j + 1)
                        for k in (i + 1)...j { words[k].flags.insert(.compoundPart) }
                        i = j + 1
                        continue
                    }
                    let h = hashes[i]
                    words[i].end = Int32(i + 1)
                    if let entry = table.lookup(h) {
                        words[i].classes = entry.classes
                        words[i].trigger = entry.trigger
                        if entry.classes.contains(.phraseStart), i + 1 < n, tokens[i + 1].kind == .word,
                           let phrase = table.lookup(WordTable.phraseKey(h, hashes[i + 1])),
                           phrase.trigger >= 0 {
                            words[i].trigger = phrase.trigger
                            words[i].end = Int32(i + 2)
                        }
                    }
                    i += 1
                }
            }
        }
    }

    private mutating func markMentions() {
        var t = 0
        for m in mentions.indices {
            let range = mentions[m].range
            while t < tokens.count, tokens[t].range.upperBound <= range.lowerBound { t += 1 }
            var j = t
            while j < tokens.count, tokens[j].range.lowerBound < range.upperBound {
                words[j].flags.insert(.inMention)
                if j == t {
                    words[j].flags.insert(.mentionStart)
                    mentionFirstToken[m] = j
                }
                j += 1
            }
        }
    }

    // MARK: Clauses and triggers

    mutating func sentence(_ sentence: Sentence, index: Int) {
        clauses.removeAll(keepingCapacity: true)
        candidates.removeAll(keepingCapacity: true)
        segment(sentence)
        choose()
        var cursor = mentionCursor
        let mentionRange = mentionWindow(sentence, cursor: &cursor)
        mentionCursor = cursor
        cursor = timeCursor
        let timeRange = timeWindow(sentence, cursor: &cursor)
        timeCursor = cursor
        for c in clauses.indices where clauses[c].chosen >= 0 {
            events.append(makeEvent(clause: c, sentence: index, mentionRange: mentionRange, timeRange: timeRange))
        }
    }

    /// The indices of the mentions that begin inside the sentence; the cursor only moves forward.
    private func mentionWindow(_ sentence: Sentence, cursor: inout Int) -> Range<Int> {
        while cursor < mentions.count, mentions[cursor].range.lowerBound < sentence.range.lowerBound { cursor += 1 }
        var end = cursor
        while end < mentions.count, mentions[end].range.lowerBound < sentence.range.upperBound { end += 1 }
        return cursor..<end
    }

    /// The indices of the temporal expressions that begin inside the sentence.
    private func timeWindow(_ sentence: Sentence, cursor: inout Int) -> Range<Int> {
        while cursor < times.count, times[cursor].range.lowerBound < sentence.range.lowerBound { cursor += 1 }
        var end = cursor
        while end < times.count, times[end].range.lowerBound < sentence.range.upperBound { end += 1 }
        return cursor..<end
    }

    private mutating func segment(_ sentence: Sentence) {
        var clauseStart = sentence.tokens.lowerBound
        var candidateStart = 0
        var kind = Clause.Kind.main
        var lastComma = -1
        var lastReport = -1

        func close(_ end: Int, next: Int, nextKind: Clause.Kind) {
            if end > clauseStart {
                clauses.append(Clause(tokens: clauseStart..<end, candidates: candidateStart..<candidates.count, kind: kind))
            }
            candidateStart = candidates.count
            clauseStart = next
            kind = nextKind
            lastComma = -1
        }

        let end = sentence.tokens.upperBound
        var i = sentence.tokens.lowerBound
        while i < end {
            i = nextClauseEvent(from: i, end: end)
            guard i < end else { break }
            let token = tokens[i]
            if token.kind == .punctuation {
                switch punctuation(token) {
                case .hard, .quote:
                    close(i, next: i + 1, nextKind: .main)
                case .comma:
                    lastComma = i
                    if i + 1 < end, tokens[i + 1].kind == .word, !words[i + 1].flags.contains(.inMention) {
                        let next = words[i + 1].classes
                        if next.contains(.coordinator) || next.contains(.subordinator) {
                            close(i, next: i + 1, nextKind: .main)
                        } else if next.contains(.relative) {
                            close(i, next: i + 1, nextKind: .relative)
                        } else if tokens[i + 1].isLowercase, endsInIng(tokens[i + 1]) {
                            close(i, next: i + 1, nextKind: .participial)
                        }
                    }
                case .other:
                    break
                }
                i += 1
                continue
            }
            let info = words[i]
            guard token.kind == .word, !info.flags.contains(.compoundPart) else {
                i += 1
                continue
            }
            if i > clauseStart {
                if info.classes.contains(.subordinator) {
                    close(i, next: i, nextKind: .main)
                } else if lastReport >= clauseStart, i - lastReport <= 3, info.classes.contains(.complementizer) {
                    // "said (on Tuesday) that …": the reported clause is a clause of its own.
                    close(i, next: i, nextKind: .main)
                } else if lastReport > clauseStart, i == lastReport + 1,
                          info.classes.contains(.pronoun) || info.classes.contains(.article)
                            || info.flags.contains(.mentionStart) {
                    // "Motegi said Japan would …", "said he hoped": the same, without "that".
                    close(i, next: i, nextKind: .main)
                }
            }
            if info.trigger >= 0, !info.flags.contains(.inMention),
               token.isLowercase || (token.isCapitalized && !token.isAllCaps && opensClause(i, sentence)),
               let candidate = candidate(at: i, info: info, sentenceEnd: end, sentenceStart: sentence.tokens.lowerBound) {
                if candidate.reporting, lastComma > clauseStart, i - lastComma <= 10,
                   !candidates[candidateStart...].contains(where: \.reporting) {
                    // ", a source with knowledge of the preparations said": the reporting tail is its own clause.
                    var split = candidateStart
                    while split < candidates.count, candidates[split].start < lastComma { split += 1 }
                    clauses.append(Clause(tokens: clauseStart..<lastComma, candidates: candidateStart..<split, kind: kind))
                    candidateStart = split
                    clauseStart = lastComma + 1
                    kind = .main
                    lastComma = -1
                }
                if candidate.reporting { lastReport = i }
                candidates.append(candidate)
                i = candidate.end
                continue
            }
            i += 1
        }
        close(end, next: end, nextKind: .main)
    }

    /// The first token from `i` on (or `end`) that the clause loop in `segment` acts on: punctuation, or a word
    /// that is a trigger, starts a mention or is of a class that may open a clause. The tokens passed over are
    /// those the loop would step past doing nothing; one tight scan of them replaces about 35 instructions each.
    private func nextClauseEvent(from i: Int, end: Int) -> Int {
        let opening: WordClass = [.subordinator, .complementizer, .pronoun, .article]
        return tokens.withUnsafeBufferPointer { tokens in
            words.withUnsafeBufferPointer { words in
                var j = i
                while j < end {
                    let kind = tokens[j].kind
                    if kind == .punctuation { break }
                    if kind == .word, !words[j].flags.contains(.compoundPart),
                       words[j].trigger >= 0 || words[j].flags.contains(.mentionStart)
                        || !words[j].classes.isDisjoint(with: opening) {
                        break
                    }
                    j += 1
                }
                return j
            }
        }
    }

    /// A capitalized trigger counts only where a sentence or quotation starts; elsewhere it is part of a name.
    private func opensClause(_ i: Int, _ sentence: Sentence) -> Bool {
        i == sentence.tokens.lowerBound || tokens[i - 1].kind == .punctuation
    }

    /// The trigger at `i` in context, or nil where the context rules it out.
    private func candidate(at i: Int, info: WordInfo, sentenceEnd: Int, sentenceStart: Int) -> Candidate? {
        let form = lexicon.forms[Int(info.trigger)]
        let end = Int(info.end)
        guard end <= sentenceEnd else { return nil }  // a phrase never spans two sentences
        // After a determiner, a preposition, a possessive or a number, a word is a noun ("the visit", "after talks").
        var nounContext = false
        if i > sentenceStart {
            let prev = tokens[i - 1]
            switch prev.kind {
            case .word:
                let c = words[i - 1].classes
                nounContext = (c.contains(.determiner) || c.contains(.preposition)) && !c.contains(.infinitive)
            case .number: nounContext = true
            case .punctuation: nounContext = prev.flags.contains(.possessive)
            case .symbol: break
            }
        }
        var noun: Bool
        if form.canBeVerb && form.canBeNoun {
            noun = nounContext
        } else if form.canBeVerb {
            // "a sign of", "the fall of": a bare verb form after a determiner is some other noun.
            if nounContext && form.shape == .base && !form.phrase { return nil }
            noun = nounContext && form.shape == .ing
        } else {
            noun = true
        }
        if noun || form.shape == .ing, isModifier(end, sentenceEnd) { return nil }
        // A capitalized bare verb opening a sentence is more likely a name ("Shell and Gazprom …").
        if tokens[i].isCapitalized, !form.canBeNoun, form.shape == .base, !form.phrase { return nil }
        if form.needsQuantity, !hasQuantity(i, end, sentenceStart, sentenceEnd) { return nil }
        let passive = !noun && form.shape == .past && followsBe(i, sentenceStart)
        return Candidate(start: i, end: end, form: form, noun: noun, passive: passive)
    }

    /// A noun directly followed by another event noun or a typical head is a modifier ("trade deal",
    /// "election officials"): the head, not the modifier, carries the event.
    private func isModifier(_ next: Int, _ sentenceEnd: Int) -> Bool {
        guard next < sentenceEnd, tokens[next].kind == .word, tokens[next].isLowercase,
              !words[next].flags.contains(.inMention) else { return false }
        if words[next].classes.contains(.head) { return true }
        let t = words[next].trigger
        return t >= 0 && lexicon.forms[Int(t)].canBeNoun
    }

    /// Movement verbs are economic only with a figure after them or an economic noun shortly before.
    private func hasQuantity(_ i: Int, _ end: Int, _ sentenceStart: Int, _ sentenceEnd: Int) -> Bool {
        var j = end
        while j < min(end + 6, sentenceEnd) {
            let t = tokens[j]
            switch t.kind {
            case .number, .symbol: return true
            case .punctuation: j = sentenceEnd
            case .word: if words[j].classes.contains(.economyCue) { return true }
            }
            j += 1
        }
        j = i - 1
        while j >= max(i - 4, sentenceStart) {
            let t = tokens[j]
            if t.kind == .punctuation && !t.flags.contains(.possessive) { break }
            if t.kind == .word && words[j].classes.contains(.economyNoun) { return true }
            j -= 1
        }
        return false
    }

    /// "was signed", "has been elected", "were also detained".
    private func followsBe(_ i: Int, _ sentenceStart: Int) -> Bool {
        var j = i - 1
        var skipped = 0
        while j >= sentenceStart, tokens[j].kind == .word {
            let c = words[j].classes
            if c.contains(.beAux) { return true }
            guard c.contains(.adverb), skipped < 2 else { return false }
            skipped += 1
            j -= 1
        }
        return false
    }

    private func endsInIng(_ token: Token) -> Bool {
        let r = token.range
        guard r.count > 4 else { return false }
        return bytes[r.upperBound - 3] == UInt8(ascii: "i") && bytes[r.upperBound - 2] == UInt8(ascii: "n")
            && bytes[r.upperBound - 1] == UInt8(ascii: "g")
    }

    private enum Punctuation { case hard, quote, comma, other }

    private func punctuation(_ token: Token) -> Punctuation {
        let r = token.range
        let b = bytes[r.lowerBound]
        if r.count == 1 {
            switch b {
            case UInt8(ascii: ","): return .comma
            case UInt8(ascii: ";"), UInt8(ascii: ":"): return .hard
            case UInt8(ascii: "\""): return .quote
            default: return .other
            }
        }
        if r.count == 3, b == 0xE2, bytes[r.lowerBound + 1] == 0x80 {
            // “ ” „ ‘ (the closing ’ is also the apostrophe and is left alone).
            let c = bytes[r.lowerBound + 2]
            return c == 0x9C || c == 0x9D || c == 0x9E || c == 0x98 ? .quote : .other
        }
        if r.count == 2, b == 0xC2, bytes[r.lowerBound + 1] == 0xAB || bytes[r.lowerBound + 1] == 0xBB { return .quote }
        return .other
    }

    /// Each clause keeps its reporting verb if it has one, else its first trigger. A participial clause
    /// (", killing two") elaborates the event before it and adds none of its own when that clause has one.
    private mutating func choose() {
        for c in clauses.indices {
            if clauses[c].kind == .participial, c > 0, clauses[c - 1].chosen >= 0 { continue }
            let range = clauses[c].candidates
            guard !range.isEmpty else { continue }
            let pick = range.first(where: { candidates[$0].reporting }) ?? range.lowerBound
            clauses[c].chosen = pick
            clauses[c].reporting = candidates[pick].reporting
        }
    }
}

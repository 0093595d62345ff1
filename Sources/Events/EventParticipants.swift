import Actors
import Corpus
import Language
import Time

/// Which temporal expressions may date an event.
enum Dating {
    /// DATE and TIME expressions with a calendar value (`2025-10-21`, `2025-W44`, `XXXX-10-21`, `2025-10-20T03:50`);
    /// durations, sets and reference words (`PRESENT_REF`) do not place an event in time.
    @Sendable static func canDate(_ time: TimeExpression) -> Bool {
        guard time.type == .date || time.type == .time, let first = time.value?.utf8.first else { return false }
        return (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) || first == UInt8(ascii: "X")
    }
}

extension Pass {
    func makeEvent(clause c: Int, sentence: Int, mentionRange: Range<Int>, timeRange: Range<Int>) -> Event {
        let clause = clauses[c]
        let candidate = candidates[clause.chosen]
        let trigger = tokens[candidate.start].range.lowerBound..<tokens[candidate.end - 1].range.upperBound
        let span = tokens[clause.tokens.lowerBound].range.lowerBound..<tokens[clause.tokens.upperBound - 1].range.upperBound
        let type = candidate.form.type
        let (source, target) = participants(clause, candidate, trigger: trigger, span: span, mentionRange: mentionRange)

        var actors = [String]()
        if let source { actors.append(mentions[source].actor) }
        if let target, !actors.contains(mentions[target].actor) { actors.append(mentions[target].actor) }
        for m in mentionRange where span.contains(mentions[m].range.lowerBound) && !actors.contains(mentions[m].actor) {
            actors.append(mentions[m].actor)
        }

        // Made once, with its date: an event made first and dated through `inout` was built twice, one copy
        // retaining and the other releasing each of its strings.
        let dating = date(clause: clause, trigger: trigger, span: span, timeRange: timeRange)
        return Event(type: type.rawValue, cameo: type.cameo, trigger: trigger, triggerText: text[trigger],
                     date: dating.date, end: dating.end, dateText: dating.dateText, actors: actors,
                     source: source.map { mentions[$0].actor }, target: target.map { mentions[$0].actor },
                     sentence: sentence)
    }

    // MARK: Participants

    /// Source: the nearest actor before the trigger in the clause (a demonym only if nothing else), or the
    /// speaker after an inverted reporting verb (", said two sources"). Target: the first actor after the
    /// trigger that is not just the place where it happens. Passives and "by"/"from" agents swap the two.
    private func participants(_ clause: Clause, _ candidate: Candidate, trigger: Range<Int>, span: Range<Int>,
                              mentionRange: Range<Int>) -> (source: Int?, target: Int?) {
        var before: Int?, beforeDemonym: Int?
        var after: Int?, afterDemonym: Int?, afterAgent: Int?, firstAfter: Int?
        let type = candidate.form.type
        for m in mentionRange {
            let range = mentions[m].range
            guard span.contains(range.lowerBound) else { continue }
            let kind = mentions[m].kind
            if range.upperBound <= trigger.lowerBound {
                if kind == .demonym { beforeDemonym = m } else { before = m }
            } else if range.lowerBound >= trigger.upperBound {
                let governor = governingClasses(m, clauseStart: clause.tokens.lowerBound)
                if firstAfter == nil { firstAfter = m }
                if governor.contains(.agent) {
                    if afterAgent == nil && after == nil { afterAgent = m }
                    continue
                }
                if governor.contains(.locative), type != .cooperation,
                   mentions[m].type == .location || mentions[m].type == .country {
                    continue
                }
                if kind == .demonym {
                    if afterDemonym == nil { afterDemonym = m }
                } else if after == nil {
                    after = m
                }
            }
        }
        var source = before ?? beforeDemonym
        var target = after ?? afterDemonym

        if candidate.reporting {
            // ", said two sources" / "” said Motegi": the speaker follows the verb at the clause start.
            if source == nil, candidate.start == clause.tokens.lowerBound { source = firstAfter }
            target = candidate.form.addressee && firstAfter != source ? target : nil
        } else if candidate.passive {
            // "Sandiford was sentenced", "the deal was signed by Japan".
            target = source
            source = afterAgent
        } else if let agent = afterAgent {
            // "demands from Trump": the agent after the noun is the source, the subject its target.
            target = source
            source = agent
        }
        if source == nil, clause.kind == .relative {
            // "South Korea, which is hosting …": the antecedent right before the comma.
            source = antecedent(clause, mentionRange: mentionRange)
            if candidate.passive { swap(&source, &target) }
        }
        if type == .accident, target != nil, !candidate.passive { target = nil }
        if let s = source, let t = target, mentions[s].actor == mentions[t].actor { target = nil }
        return (source, target)
    }

    /// The classes of the word that governs a mention: the first lowercase word before it, skipping titles
    /// and articles ("by President Trump", "at the airport").
    private func governingClasses(_ m: Int, clauseStart: Int) -> WordClass {
        var j = mentionFirstToken[m] - 1
        var skipped = 0
        while j >= clauseStart, skipped < 3 {
            let token = tokens[j]
            guard token.kind == .word else { return [] }
            if token.isLowercase {
                let c = words[j].classes
                if !c.contains(.article) { return c }
            }
            skipped += 1
            j -= 1
        }
        return []
    }

    private func antecedent(_ clause: Clause, mentionRange: Range<Int>) -> Int? {
        let comma = clause.tokens.lowerBound - 1
        guard comma >= 0 else { return nil }
        let edge = tokens[comma].range.lowerBound
        return mentionRange.last { mentions[$0].range.upperBound == edge }
    }

    // MARK: Dating

    /// The governing expression: the nearest DATE/TIME in the clause, else (for events other than reports)
    /// the nearest in the sentence outside reporting clauses; two expressions joined by "and"/"to"/a dash,
    /// or an expression with an end, make a range. Undated reports take the document date.
    private func date(clause: Clause, trigger: Range<Int>, span: Range<Int>,
                      timeRange: Range<Int>) -> (date: String?, end: String?, dateText: String?) {
        var best: Int?
        var bestDistance = Int.max
        func consider(_ t: Int) {
            let r = times[t].range
            let d = r.lowerBound >= trigger.upperBound ? r.lowerBound - trigger.upperBound
                : max(0, trigger.lowerBound - r.upperBound)
            if d < bestDistance {
                best = t
                bestDistance = d
            }
        }
        for t in timeRange where span.contains(times[t].range.lowerBound) { consider(t) }
        if best == nil, !clause.reporting {
            for t in timeRange where !inReportingClause(times[t].range.lowerBound) { consider(t) }
        }
        guard let best else {
            if clause.reporting, let documentDate { return (documentDate.description, nil, nil) }
            return (nil, nil, nil)
        }
        var first = best, last = best
        if best > timeRange.lowerBound, linked(times[best - 1], times[best]) {
            first = best - 1
        } else if best + 1 < timeRange.upperBound, linked(times[best], times[best + 1]) {
            last = best + 1
        }
        if first != last {
            return (times[first].value, times[last].value,
                    text[times[first].range.lowerBound..<times[last].range.upperBound])
        }
        return (times[first].value, times[best].end, times[best].text)
    }

    private func inReportingClause(_ offset: Int) -> Bool {
        for clause in clauses {
            let start = tokens[clause.tokens.lowerBound].range.lowerBound
            let end = tokens[clause.tokens.upperBound - 1].range.upperBound
            if offset >= start && offset < end { return clause.reporting }
        }
        return false
    }

    /// Whether only a range word ("and", "to", "through", a dash) stands between two expressions.
    private func linked(_ a: TimeExpression, _ b: TimeExpression) -> Bool {
        let gap = a.range.upperBound..<b.range.lowerBound
        guard gap.lowerBound <= gap.upperBound, gap.count <= 12 else { return false }
        var links = 0, others = 0
        var i = gap.lowerBound
        while i < gap.upperBound {
            if bytes[i] == UInt8(ascii: " ") {
                i += 1
                continue
            }
            var j = i
            while j < gap.upperBound, bytes[j] != UInt8(ascii: " ") { j += 1 }
            let isDash = (j - i == 1 && bytes[i] == UInt8(ascii: "-"))
                || (j - i == 3 && bytes[i] == 0xE2 && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94))
            if isDash || lexicon.table.lookup(bytes.withUnsafeBufferPointer { WordHash.of($0, i..<j) })?.classes.contains(.rangeLink) == true {
                links += 1
            } else {
                others += 1
            }
            i = j
        }
        return links == 1 && others == 0
    }
}

import Corpus
import Foundation
import Language
import Testing
@testable import Time

/// Runs the tagger the way the annotator does: tokenizer, sentence splitter, one call per document.
func tag(_ s: String, _ date: String?) -> [TimeExpression] {
    let text = Text(s)
    let tokens = Tokenizer.standard.tokenize(text)
    let sentences = SentenceSplitter.standard.split(text, tokens: tokens)
    return TemporalTagger().tag(text, tokens: tokens, sentences: sentences, documentDate: date.flatMap { CalendarDate(iso: $0) })
}

/// The expression whose text is `phrase` (or contains it), if any.
func find(_ s: String, _ phrase: String, _ date: String?) -> TimeExpression? {
    let all = tag(s, date)
    return all.first { $0.text == phrase } ?? all.first { $0.text.contains(phrase) }
}

@Suite struct WeekdayTests {
    @Test func pastClauseTakesThePreviousWeekday() {
        // 2025-10-24 is a Friday.
        let t = find("Takaichi said on Tuesday that talks had stalled.", "Tuesday", "2025-10-24")
        #expect(t?.value == "2025-10-21")
        #expect(t?.type == .date)
    }

    @Test func futureClauseTakesTheNextWeekday() {
        #expect(find("Takaichi will meet Trump on Monday in Tokyo.", "Monday", "2025-10-24")?.value == "2025-10-27")
        #expect(find("The minister is scheduled to arrive on Monday.", "Monday", "2025-10-24")?.value == "2025-10-27")
        #expect(find("The group could come as soon as Tuesday.", "Tuesday", "2025-10-24")?.value == "2025-10-28")
    }

    @Test func sameWeekdayAsTheDocumentIsThatDay() {
        #expect(find("Markets fell sharply on Friday.", "Friday", "2025-10-24")?.value == "2025-10-24")
    }

    @Test func coordinatedWeekdaysNextWeek() {
        let all = tag("The leaders will hold talks on Monday and Tuesday next week.", "2025-10-24")
        #expect(all.map(\.value) == ["2025-10-27", "2025-10-28"])
        #expect(all.last?.text == "Tuesday next week")
    }

    @Test func weekdayNextWeek() {
        #expect(find("Voting runs from Sunday next week.", "Sunday", "2025-10-24")?.value == "2025-11-02")
        #expect(find("The deal was signed on Wednesday last week.", "Wednesday", "2025-10-24")?.value == "2025-10-15")
    }

    @Test func lastAndNextWeekday() {
        #expect(find("He resigned last Friday.", "last Friday", "2025-10-24")?.value == "2025-10-17")
        #expect(find("He will resign next Friday.", "next Friday", "2025-10-24")?.value == "2025-10-31")
    }

    @Test func possessiveWeekdayIsPast() {
        #expect(find("They would appeal Wednesday's ruling.", "Wednesday", "2025-10-24")?.value == "2025-10-22")
        #expect(find("Shares rose ahead of Sunday's election.", "Sunday", "2025-10-24")?.value == "2025-10-26")
        #expect(find("A motion is to be debated Thursday.", "Thursday", "2025-10-24")?.value == "2025-10-30")
    }

    @Test func weekdayWithMonthAndDay() {
        let t = find("The Times said in an editorial on Saturday, April 25: the court erred.", "Saturday", "1998-04-24")
        #expect(t?.value == "1998-04-25")
    }
}

@Suite struct RelativeDateTests {
    @Test func yesterdayTodayTomorrow() {
        #expect(find("Officials said yesterday that it was over.", "yesterday", "2025-10-21")?.value == "2025-10-20")
        #expect(find("Today the market opened late.", "Today", "2025-10-21")?.value == "2025-10-21")
        #expect(find("Results are due tomorrow.", "tomorrow", "2025-10-21")?.value == "2025-10-22")
    }

    @Test func earlyYesterday() {
        let t = find("The quake struck early yesterday near the coast.", "yesterday", "2025-10-21")
        #expect(t?.value == "2025-10-20")
        #expect(t?.text == "early yesterday")
    }

    @Test func clockTimeTakesTheDayOfItsSentence() {
        let t = find("The quake struck early yesterday at 3:50am near the coast.", "3:50am", "2025-10-21")
        #expect(t?.value == "2025-10-20T03:50")
        #expect(t?.type == .time)
        // The day of the sentence before: "The incident occurred at about 3:50am".
        let next = find("A cargo jet skidded off the runway early yesterday. The incident occurred at about 3:50am, officials said.",
                        "3:50am", "2025-10-21")
        #expect(next?.value == "2025-10-20T03:50")
        #expect(find("Polls close at 8 p.m. EST Tuesday.", "8 p.m.", "2025-10-24")?.value?.hasSuffix("T20:00") == true)
        #expect(find("The ceasefire began at noon Saturday.", "noon", "2025-10-27")?.value == "2025-10-25T12:00")
    }

    /// Wire copy writes clock times as four digits before a time zone ("1530 EST"): times, not years.
    @Test func militaryClockTimesAreNotYears() {
        let date = "1987-03-02"
        #expect(find("Trading halted at 1530 EST on the exchange.", "1530 EST", date)?.value == "1987-03-02T15:30")
        #expect(find("The market closed at 1000 GMT.", "1000 GMT", date)?.value == "1987-03-02T10:00")
        #expect(find("Talks resumed at 1700 local time.", "1700 local time", date)?.value == "1987-03-02T17:00")
        #expect(find("Trading halted at 1530 EST on the exchange.", "1530 EST", date)?.type == .time)
        // A year stays a year, also before a word that is not a time zone.
        #expect(find("The abbey was founded in 1530 by monks.", "1530", date)?.value == "1530")
        #expect(find("Output rose in 1986.", "1986", date)?.value == "1986")
    }

    /// Outside 1900–2100 a bare four-digit number is a year only after a word that introduces one: wire copy is
    /// full of clock times, index levels, union locals and model numbers in that range.
    @Test func distantYearsNeedAnIntroducingWord() {
        let date = "1987-03-02"
        let notYears = [
            ("The session resumes after the scheduled 1330 start.", "1330"),
            ("Members of Local 1416 voted.", "1416"),
            ("The Dow fell 508 points to 1738 on Monday.", "1738"),
            ("It offers the CYBER 1809 model 930.", "1809"),
            ("Talks began at 1100 in Brussels.", "1100"),
        ]
        for (sentence, number) in notYears {
            #expect(!tag(sentence, date).contains { $0.type == .date && $0.text.contains(number) }, "\(sentence)")
        }
        #expect(find("The bank was founded in 1881.", "1881", date)?.value == "1881")
        #expect(find("It has traded since 1871.", "1871", date)?.value == "1871")
        // Ranges: the second end is a year when the first is ("From 1879 to 1883", "(1644-1911)").
        #expect(tag("From 1879 to 1883, Chile fought a war.", date).contains { $0.value == "1883" })
        #expect(tag("The Qing Dynasty (1644-1911) ruled China.", date).contains { $0.value == "1644" })
        #expect(find("Sales rose in 1986.", "1986", date)?.value == "1986")
    }

    @Test func tonightAndThisMorning() {
        #expect(find("He speaks tonight.", "tonight", "2025-10-21")?.value == "2025-10-21TNI")
        #expect(find("Prices rose this morning.", "this morning", "2025-10-21")?.value == "2025-10-21TMO")
    }

    @Test func weeksMonthsYears() {
        #expect(find("Talks resume next week.", "next week", "2025-10-21")?.value == "2025-W44")
        #expect(find("Trade grew this week.", "this week", "2025-10-21")?.value == "2025-W43")
        #expect(find("Last month, exports fell.", "Last month", "2025-10-21")?.value == "2025-09")
        #expect(find("Profit rose last year.", "last year", "2025-10-21")?.value == "2024")
        #expect(find("Growth will slow next year.", "next year", "2025-10-21")?.value == "2026")
        #expect(find("Earlier this month the bank cut rates.", "this month", "2025-10-21")?.value == "2025-10")
        #expect(find("He resigned earlier this year.", "this year", "2025-10-21")?.value == "2025")
    }

    @Test func agoAndIn() {
        #expect(find("The ship sank two days ago.", "two days ago", "2025-10-21")?.value == "2025-10-19")
        #expect(find("He left five years ago.", "five years ago", "2025-10-21")?.value == "2020")
        #expect(find("The plant will open in three weeks.", "three weeks", "2025-10-21")?.value == "2025-W46")
    }

    @Test func fuzzyReferences() {
        #expect(find("Prices are now higher.", "now", "2025-10-21")?.value == "PRESENT_REF")
        #expect(find("The firm currently employs 300.", "currently", "2025-10-21")?.value == "PRESENT_REF")
        #expect(find("He recently moved to Osaka.", "recently", "2025-10-21")?.value == "PAST_REF")
        #expect(find("Mistakes were made in the past.", "the past", "2025-10-21")?.value == "PAST_REF")
        #expect(find("Rates may rise in the future.", "the future", "2025-10-21")?.value == "FUTURE_REF")
    }

    @Test func seasonsAndQuarters() {
        #expect(find("Sales fell in the third quarter.", "the third quarter", "1998-10-21")?.value == "1998-Q3")
        #expect(find("Third-quarter profit rose 5%.", "Third-quarter", "1998-10-21")?.value == "1998-Q3")
        #expect(find("Profit fell in the fourth quarter.", "the fourth quarter", "1998-01-26")?.value == "1997-Q4")
        #expect(find("The plant opens this summer.", "this summer", "2025-03-21")?.value == "2025-SU")
        #expect(find("Talks collapsed last fall.", "last fall", "1999-04-10")?.value == "1998-FA")
    }
}

@Suite struct AbsoluteDateTests {
    @Test func monthAndDay() {
        #expect(find("The vote is on Oct. 21.", "Oct. 21", "2025-10-01")?.value == "2025-10-21")
        #expect(find("It was signed on October 21, 2025.", "October 21, 2025", nil)?.value == "2025-10-21")
        #expect(find("Talks began on 21 October.", "21 October", "2025-10-24")?.value == "2025-10-21")
        #expect(find("Loans fall due on Jan. 2.", "Jan. 2", "1989-11-02")?.value == "1990-01-02")
        #expect(find("The summit is on April 24 and 25.", "25", "1999-02-10")?.value == "1999-04-25")
    }

    @Test func yearsDecadesCenturies() {
        #expect(find("The law passed in 2013.", "2013", "2025-10-21")?.value == "2013")
        #expect(find("Prices soared in the 1990s.", "1990s", "2025-10-21")?.value == "199")
        #expect(find("Growth should peak by mid-2027.", "2027", "2025-10-21")?.value == "2027")
        #expect(find("Sales in fiscal 1998 fell.", "1998", "1998-10-21")?.value == "1998")
        #expect(find("He sold 1990 shares.", "1990", "2025-10-21") == nil)
    }

    @Test func monthAlone() {
        #expect(find("Exports fell in September.", "September", "2025-10-21")?.value == "2025-09")
        #expect(find("The loan is due in January.", "January", "1989-10-30")?.value == "1990-01")
        #expect(find("He resigned in December.", "December", "1998-02-06")?.value == "1997-12")
        #expect(find("She may resign.", "May", "2025-10-21") == nil)
    }

    @Test func rangesSetTheirEnd() {
        let through = find("The freeze lasts through 2027.", "2027", "2025-10-21")
        #expect(through?.value == "2027")
        #expect(through?.end == "2027")
        let all = tag("The festival runs from May to July.", "2025-03-01")
        #expect(all.first?.value == "2025-05")
        #expect(all.first?.end == "2025-07")
        #expect(all.last?.value == "2025-07")
    }

    @Test func datelineIsNotTagged() {
        #expect(tag("WASHINGTON, August 11 (Xinhua) -- The talks resumed.", "1998-08-11").isEmpty)
    }
}

@Suite struct DurationAndSetTests {
    @Test func durations() {
        #expect(find("A five-year plan was approved.", "five-year", "2025-10-21")?.value == "P5Y")
        #expect(find("A five-year plan was approved.", "five-year", "2025-10-21")?.type == .duration)
        #expect(find("It ends a 27-year rule.", "27-year", "2025-10-21")?.value == "P27Y")
        #expect(find("The strike lasted three months.", "three months", "2025-10-21")?.value == "P3M")
        #expect(find("It took a decade.", "a decade", "2025-10-21")?.value == "P10Y")
        #expect(find("Prices rose over the past two years.", "the past two years", "2025-10-21")?.value == "P2Y")
        #expect(find("Profit rose in the first nine months.", "nine months", "1989-10-21")?.value == "P9M")
        #expect(find("The trip took 5 1/2 hours.", "5 1/2 hours", "2025-10-21")?.value == "PT5H30M")
        #expect(find("It lasted 2 1/2 years.", "2 1/2 years", "2025-10-21")?.value == "P2Y6M")
    }

    @Test func agesAreNotDurations() {
        #expect(tag("The 6-year-old boy and his 52-year-old father.", "2025-10-21").isEmpty)
    }

    @Test func sets() {
        #expect(find("Rallies are held daily.", "daily", "2025-10-21")?.value == "P1D")
        #expect(find("The annual meeting was held.", "annual", "2025-10-21")?.value == "P1Y")
        #expect(find("They meet every week.", "every week", "2025-10-21")?.value == "P1W")
        #expect(find("Flights leave each Thursday.", "each Thursday", "2025-10-21")?.value == "XXXX-WXX-4")
        #expect(find("They meet every week.", "every week", "2025-10-21")?.type == .set)
    }
}

@Suite struct UndatedDocumentTests {
    @Test func relativeExpressionsStayUnresolved() {
        #expect(find("Takaichi said on Tuesday that talks stalled.", "Tuesday", nil)?.value == "XXXX-WXX-2")
        #expect(find("Exports fell in September.", "September", nil)?.value == "XXXX-09")
        #expect(find("The vote is on Oct. 21.", "Oct. 21", nil)?.value == "XXXX-10-21")
        let yesterday = find("Officials said yesterday that it was over.", "yesterday", nil)
        #expect(yesterday != nil)
        #expect(yesterday?.value == nil)
        #expect(find("Profit rose last year.", "last year", nil)?.value == nil)
        #expect(find("The quake struck at 3:50am.", "3:50am", nil)?.value == "XXXX-XX-XXT03:50")
    }

    @Test func absoluteAndFuzzyValuesNeedNoDate() {
        #expect(find("It was signed on October 21, 2025.", "October 21, 2025", nil)?.value == "2025-10-21")
        #expect(find("Prices are now higher.", "now", nil)?.value == "PRESENT_REF")
        #expect(find("A five-year plan was approved.", "five-year", nil)?.value == "P5Y")
    }
}

@Suite struct ExtentTests {
    @Test func rangesAndTextAreConsistent() {
        let s = "Takaichi’s cabinet said on Tuesday, Oct. 21, that the five-year plan starts in 2026."
        let text = Text(s)
        for t in tag(s, "2025-10-24") {
            #expect(text[t.range] == t.text)
            #expect(t.sentence == 0)
        }
    }

    /// Throughput on the Reuters corpus, printed (not asserted): set NEWSGRAPH_TIME_BENCH=1 and build in release.
    @Test func throughput() throws {
        guard ProcessInfo.processInfo.environment["NEWSGRAPH_TIME_BENCH"] != nil else { return }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/corpus/reuters21578.jsonl").standardized
        let data = try String(contentsOf: url, encoding: .utf8)
        var docs = [(Text, [Token], [Sentence], CalendarDate?)]()
        var bytes = 0
        for line in data.split(separator: "\n") {
            guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let body = obj["text"] as? String else { continue }
            let text = Text(body)
            let tokens = Tokenizer.standard.tokenize(text)
            docs.append((text, tokens, SentenceSplitter.standard.split(text, tokens: tokens),
                         (obj["date"] as? String).flatMap { CalendarDate(iso: $0) }))
            bytes += text.count
        }
        let tagger = TemporalTagger()
        let clock = ContinuousClock()
        var found = 0
        let elapsed = clock.measure {
            for d in docs { found += tagger.tag(d.0, tokens: d.1, sentences: d.2, documentDate: d.3).count }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("TemporalTagger: \(docs.count) documents, \(bytes / 1_000_000) MB, \(found) expressions in \(seconds) s: "
              + "\(Int(Double(docs.count) / seconds)) docs/s, \(String(format: "%.1f", Double(bytes) / seconds / 1e6)) MB/s")
    }
}

@Suite struct TokenKeyTests {
    /// The parsers' byte comparisons (`keyIs`, `keyIn`, `keyValue`) agree with comparing the keys as strings:
    /// case, curly apostrophes, an abbreviation's final period, compounds and positions outside the sentence.
    @Test func byteComparisonsAgreeWithKeys() {
        let text = Text("Dec. THE Year-earlier O\u{2019}Clock o'clock \u{2018}90s 5:30 p.m. the year-ago quarter "
                        + "Monday "
                        + "SHIPPED ed closed. Ed\u{2019} next")
        let tokens = Tokenizer.standard.tokenize(text)
        var run = TaggerRun(text: text, tokens: tokens, dct: nil, hashes: TokenHashes(text: text, tokens: tokens))
        run.sStart = 0
        run.sEnd = tokens.count
        let literals: [StaticString] = ["dec", "dec.", "the", "year", "year-earlier", "o'clock", "'", "5:30", "p.m", "",
                                        "monday", "year-ago", "quarter", "90s"]
        for i in -1...tokens.count {
            for word in literals { #expect(run.keyIs(i, word) == (run.key(i) == word.description)) }
            #expect(run.keyIn(i, TaggerRun.yearDeterminers) == TaggerRun.yearDeterminers.contains(run.key(i)))
            #expect(run.keyValue(i, Lexicon.weekdays) == Lexicon.weekdays[run.key(i)])
            #expect(run.keyValue(i, Lexicon.units) == Lexicon.units[run.key(i)])
            if i >= 0 && i < tokens.count { #expect(run.keyEndsWithED(i) == run.key(i).hasSuffix("ed")) }
        }
        // The sentence holds what the comparisons are meant to find.
        #expect(run.keyIs(0, "dec") && run.keyIs(2, "year-earlier")
                && run.keyIn(tokens.count - 1, TaggerRun.yearDeterminers))
    }
}

@Suite struct WordClassTests {
    /// The word-class bits the parsers test in place of a set or table look-up (approximators, months,
    /// weekdays, the nouns a relative expression ends on, the tense words) are set exactly on the tokens the
    /// look-up or comparison finds: every word of those lists, as written, in capitals and capitalised, among
    /// words of none, and outside the sentence.
    @Test func bitsAgreeWithTheLookUpsTheyReplace() {
        let listed = Array(TaggerRun.approximatorHeads) + Array(TaggerRun.approximatorSeconds)
            + Array(Lexicon.approximators) + Lexicon.months.keys + Lexicon.weekdays.keys + Lexicon.seasons.keys
            + Lexicon.dayParts.keys + Lexicon.units.keys + ["weekend", "period", "to", "as", "has", "have", "had"]
        let text = Text((listed + ["Dec.", "Sept.", "ahead", "mayor", "Mon.", "1990", "in-depth"])
            .flatMap { [$0, $0.uppercased(), $0.capitalized] }.joined(separator: " "))
        let tokens = Tokenizer.standard.tokenize(text)
        var run = TaggerRun(text: text, tokens: tokens, dct: nil, hashes: TokenHashes(text: text, tokens: tokens))
        run.sStart = 0
        run.sEnd = tokens.count
        typealias WordClass = TaggerRun.WordClass
        var found = 0
        for i in -1...tokens.count {
            let bits = run.wordClass(i)
            #expect((bits & WordClass.approximatorHead != 0) == run.keyIn(i, TaggerRun.approximatorHeads))
            #expect((bits & WordClass.approximatorSecond != 0) == run.keyIn(i, TaggerRun.approximatorSeconds))
            #expect((bits & WordClass.approximator != 0) == run.keyIn(i, Lexicon.approximators))
            #expect((bits & WordClass.month != 0) == (run.keyValue(i, Lexicon.months) != nil))
            #expect((bits & WordClass.weekday != 0) == (run.keyValue(i, Lexicon.weekdays) != nil))
            let key = run.key(i)
            #expect((bits & WordClass.relativeNoun != 0) == (run.keyValue(i, Lexicon.seasons) != nil
                || run.keyValue(i, Lexicon.dayParts) != nil || run.keyValue(i, Lexicon.units) != nil
                || key == "weekend" || key == "period"))
            #expect((bits & WordClass.tenseWord != 0) == ["to", "as", "has", "have"].contains(key))
            if bits & (WordClass.month | WordClass.weekday) != 0 { found += 1 }
        }
        #expect(found >= 3 * (Lexicon.months.count + Lexicon.weekdays.count))
    }
}

@Suite struct SharedHashTests {
    /// The tagger's hash-keyed word table, probed with the hashes every stage shares, gives each ASCII token
    /// the entry its byte-compared table gives: every word of the table, as written, in capitals and
    /// capitalised.
    @Test func hashedWordTableAgreesWithTheWordTable() throws {
        let hashed = try #require(TaggerRun.hashedWordTable,
                                  "a key of the tagger's tables reads apart through the hash")
        let words = TaggerRun.wordInfoByWord.keys.sorted()
        let text = Text(words.flatMap { [$0, $0.uppercased(), $0.capitalized] }.joined(separator: " ") + " Dec. a.m.")
        let tokens = Tokenizer.standard.tokenize(text)
        let hashes = TokenHashes(text: text, tokens: tokens)
        var compared = 0
        text.bytes.withUnsafeBufferPointer { bytes in
            for (i, t) in tokens.enumerated() where hashes.isASCII[i] {
                let key = TaggerRun.keyRange(of: t, in: bytes)
                guard key.count == t.range.count else { continue }
                #expect(hashed.lookup(hashes.values[i]) ?? 0 == TaggerRun.wordTable.value(in: bytes, key) ?? 0,
                        "\(text[t.range])")
                compared += 1
            }
        }
        #expect(compared > words.count * 2)
    }
}

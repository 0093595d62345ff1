import Language
import Testing
@testable import Actors

@Suite struct MentionRulesTests {
    @Test func innerConnectorsStayInsideNames() {
        let a = recognize("Officials said Osama bin Laden met Abu Bakr al-Baghdadi, while Ursula von der Leyen "
                          + "spoke with Charles de Gaulle in Paris.")
        let names = a.mentions.map(\.text)
        #expect(names.contains("Osama bin Laden"))
        #expect(names.contains("Abu Bakr al-Baghdadi"))
        #expect(names.contains("Ursula von der Leyen"))
        #expect(names.contains("Charles de Gaulle"))
        #expect(!names.contains("Officials"))
        #expect(a.actors.first { $0.name == "Paris" }?.type == .location)
    }

    @Test func orgNamesWithOfKeepTogether() {
        let a = recognize("The Bank of Japan and the Ministry of Foreign Affairs disagreed with Toyota.")
        #expect(actorList(a) == ["Bank of Japan (organization)", "Ministry of Foreign Affairs (organization)",
                                 "Toyota (organization)"])
    }

    @Test func evidenceTypesPeople() {
        let a = recognize("Mr. Okonkwo arrived on Friday. Later, Okonkwo said the talks failed, told Adebayo.")
        #expect(a.actors.map(\.name) == ["Okonkwo", "Adebayo"])
        #expect(a.actors.allSatisfy { $0.type == .person })
        #expect(a.mentions.first?.title == "Mr.")
    }

    @Test func headlinesKickersCreditsAndDates() {
        #expect(recognize("").mentions.isEmpty)
        let a = recognize("SOCCER - JAPAN BEAT CHINA IN TOKYO\nCAUSE UNKNOWN: Police said on Monday in March "
                          + "that nothing was found.\nPhoto: Reuters")
        #expect(actorList(a) == ["China (country)", "Japan (country)", "Tokyo (location)"])
    }

    @Test func sentenceInitialWordsNeedConfirmation() {
        let a = recognize("Customs officers searched the ship. Analysts expect more. Weather was fine. "
                          + "Kowalczyk denied it. Later, officials named Anna Kowalczyk as the owner.")
        #expect(actorList(a) == ["Anna Kowalczyk (person)"])
        #expect(a.mentions.map(\.text) == ["Kowalczyk", "Anna Kowalczyk"])
    }
}

@Suite struct WordTableTests {
    /// The byte-probed single-word table holds what the lexicon's own tables say, found in any ASCII case.
    @Test func byteLookupAgreesWithTheTables() {
        let lexicon = ActorLexicon.standard
        func probe(_ word: String) -> WordInfo? {
            let bytes = Array(word.utf8)
            return lexicon.wordTable.value(in: bytes, 0..<bytes.count)
        }
        // Only ASCII letters are case-folded (as in `ActorLexicon.key`), so upper-case only ASCII keys.
        func ascii(_ key: String) -> Bool { key.utf8.allSatisfy { $0 < 0x80 } }
        var checked = 0
        for key in lexicon.gazetteer.keys where !key.contains(" ") && ascii(key) {
            #expect(probe(key.uppercased())?.flags.contains(.gazetteer) == true, "\(key)")
            checked += 1
        }
        for key in lexicon.commonWords where ascii(key) {
            #expect(probe(key.uppercased())?.flags.contains(.common) == true, "\(key)")
            checked += 1
        }
        for (key, role) in lexicon.titles where ascii(key) {
            #expect(probe(key.uppercased())?.title == role && probe(key + ".")?.title == role, "\(key)")
            checked += 1
        }
        for (key, cue) in lexicon.cues where ascii(key) { #expect(probe(key.uppercased())?.cue == cue, "\(key)") }
        #expect(checked > 4000)
        #expect(probe("Zqxjkw") == nil)
        // ’ folds to '.
        #expect(probe("People\u{2019}s") != nil && probe("People\u{2019}s")?.flags == probe("people's")?.flags)
    }
}

/// The words around a name that type it (`RecognitionPass.context(of:)`) and "…, he said" after a quoted
/// person (`resolveSpeakerPronouns`).
@Suite struct ContextAndPronounTests {
    @Test func placeNounsAfterOrBeforeTheName() {
        let a = recognize("Fishermen were stranded near Kota and Panata islands for a week. "
                          + "Ten people died in the city of Irbil on Sunday.")
        #expect(a.actors.first { $0.name == "Panata" }?.type == .location)
        #expect(a.actors.first { $0.name == "Kota" }?.type == .location)
        #expect(a.actors.first { $0.name == "Irbil" }?.type == .location)
    }

    @Test func aPronounAfterAQuotedPersonIsThatPerson() {
        let a = recognize("Talks resumed in Geneva on Monday, Kowalczyk said. The deal is close, she said.")
        let pronouns = a.mentions.filter { $0.kind == .pronoun }
        #expect(pronouns.map(\.text) == ["she"])
        #expect(pronouns.first?.actor == a.actors.first { $0.name == "Kowalczyk" }?.id)
    }

    @Test func noPronounWhenTwoPeopleSpokeOrTheSentenceNamesOne() {
        let two = recognize("Talks resumed, Kowalczyk said, and Adebayo said they would go on. "
                            + "The deal is close, she said.")
        #expect(two.mentions.allSatisfy { $0.kind != .pronoun })
        let named = recognize("Talks resumed, Kowalczyk said. Mr. Adebayo was there too, she said.")
        #expect(named.actors.first { $0.name == "Adebayo" }?.type == .person)
        #expect(named.mentions.allSatisfy { $0.kind != .pronoun })
    }
}

@Suite struct RecognitionKeyTests {
    /// The recognizer's byte comparisons (`keyIs`, `keyIn`, `isPlaceNoun`) agree with comparing the keys as
    /// strings: case, curly apostrophes and abbreviation periods.
    @Test func byteComparisonsAgreeWithKeys() {
        let text = Text("SAID Says told. Of THE the Old year O\u{2019}Neill islands City port Told\u{2019} and in "
                        + "AT said")
        let tokens = Tokenizer.standard.tokenize(text)
        let sentences = SentenceSplitter.standard.split(text, tokens: tokens)
        // Without the shared hashes (words probed by bytes) and with them (ASCII words probed by hash).
        for pass in [RecognitionPass(text: text, tokens: tokens, sentences: sentences, tables: .standard),
                     RecognitionPass(text: text, tokens: tokens, sentences: sentences, tables: .standard,
                                     hashes: TokenHashes(text: text, tokens: tokens))] {
            let literals: [StaticString] = ["said", "says", "told", "told.", "of", "the", "old", "year", "and",
                                            "o'neill", ""]
            for i in tokens.indices {
                for word in literals { #expect(pass.keyIs(i, word) == (pass.key(i) == word.description)) }
                #expect(pass.keyIn(i, RecognitionPass.reportingVerbs)
                        == RecognitionPass.reportingVerbs.contains(pass.key(i)))
                #expect(pass.keyIn(i, RecognitionPass.placePrepositions)
                        == RecognitionPass.placePrepositions.contains(pass.key(i)))
                let key = pass.key(i)
                #expect(pass.isPlaceNoun(i)
                        == (ActorLexicon.standard.cues[key] == .location || RecognitionPass.placeNouns.contains(key)))
            }
            #expect(pass.keyIs(0, "said") && pass.keyIn(0, RecognitionPass.reportingVerbs))
        }
    }
}

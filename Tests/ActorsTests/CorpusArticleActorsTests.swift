import Foundation
import Language
import Testing
@testable import Actors

/// Three articles from ../shared/corpus/afp-xinhua-te3silver.jsonl (text as stored, leading blank lines
/// dropped) with the actor list a careful reader gives.
@Suite struct CorpusArticleActorsTests {
    /// XIN_ENG_20051101.0332: Chinese names (family name first), a party defined by its acronym, party organs.
    let huInHanoi = #"""
Hu Jintao, general secretary of the Central Committee of the Communist Party of China (CPC) and president of China, ended his official goodwill visit to Vietnam and left Hanoi for Beijing Wednesday.

During his stay in Hanoi, Hu held talks with Nong Duc Manh, general secretary of the Central Committee of the Communist Party of Vietnam, and Vietnamese President Tran Duc Luong. They discussed party relations and bilateral ties.

The two sides also exchanged views on international and regional issues of common concern.

Hu arrived in Hanoi on Monday morning.
"""#

    /// XIN_ENG_20061109.0072: a demonym as the only country mention, an acronym with a number word, a title.
    let nepalPact = #"""
Nepali government endorsed Thursday the latest six-point agreement between the Seven Party Alliance (SPA) and guerrillas.

The meeting of council of ministers was held on Thursday morning approving the pact singed on Wednesday midnight.

Prime Minister Koirala, on the occasion, briefed about the agreement to the ministers and sought their commitments to implement the pact.

Meanwhile, Koirala also informed about the agreement to the parliament on Thursday noon.

In his speech to the parliament he said that the pact had added extra responsibility to all parties involved and stressed on the need to work united.

He also warned of conspiracy that the reactionary forces might hatch to destroy the historic pact.

Koirala urged the guerrillas to create fearless environment as earliest as possible.
"""#

    /// AFP_ENG_19970415.0535: demonyms ("Turkish", "Italian-led"), capitals, an international body.
    let albaniaForce = #"""
The Turkish contingent of the multinational force in Albania will provide security for Tirana airport, the foreign ministry said here Tuesday.

"It has been decided at the Albania force meetings in Rome that the Turkish contingent will be deployed in Tirana and be responsible for the security of the airport and the city's northwestern sector," the ministry said in a statement.

The Turkish contingent of nearly 800 troops, is due to reach Albania by April 24 and become operational the following day, ministry officials said.

The United Nations last month approved the creation of an Italian-led multinational force of 6,000 troops to be deployed in rebellion-hit Albania, to provide security for humanitarian aid efforts.
"""#

    @Test func huJintaoInHanoi() {
        let a = recognize(huInHanoi)
        #expect(actorList(a) == [
            "Beijing (location)", "Central Committee (organization)", "China (country)",
            "Communist Party of China (organization)", "Communist Party of Vietnam (organization)", "Hanoi (location)",
            "Hu Jintao (person)", "Nong Duc Manh (person)", "Tran Duc Luong (person)", "Vietnam (country)",
        ])
        #expect(a.actors.first { $0.name == "Communist Party of China" }?.aliases == ["CPC"])
        // "Hu" alone is Hu Jintao; "Vietnamese President" titles Tran Duc Luong.
        #expect(a.mentions.filter { $0.text == "Hu" }.count == 2)
        #expect(a.mentions.filter { $0.text == "Hu" }.allSatisfy { $0.actor == "hu-jintao" })
        #expect(a.mentions.first { $0.text == "Tran Duc Luong" }?.title == "President")
    }

    @Test func nepalPeacePact() {
        let a = recognize(nepalPact)
        #expect(actorList(a) == ["Koirala (person)", "Nepal (country)", "Seven Party Alliance (organization)"])
        #expect(a.mentions.first { $0.text == "Nepali" }?.kind == .demonym)
        #expect(a.mentions.first { $0.text == "SPA" }?.actor == "seven-party-alliance")
        #expect(a.mentions.first { $0.text == "Koirala" }?.title == "Prime Minister")
        #expect(a.mentions.filter { $0.text == "Koirala" }.count == 3)
    }

    @Test func albaniaMultinationalForce() {
        let a = recognize(albaniaForce)
        #expect(actorList(a) == [
            "Albania (country)", "Italy (country)", "Rome (location)", "Tirana (location)", "Turkey (country)",
            "United Nations (organization)",
        ])
        #expect(a.mentions.filter { $0.actor == "turkey" }.allSatisfy { $0.kind == .demonym && $0.text == "Turkish" })
    }
}

@Suite struct SharedHashActorTests {
    /// Capitalised words looked up by the hashes the stages share give the same actors as words looked up by
    /// their bytes, over the first 300 Reuters articles.
    @Test func sameActorsWithSharedHashes() throws {
        let lexicon = ActorLexicon.standard
        #expect(lexicon.hashedWordTable != nil, "a word of the actor tables reads apart through the hash")
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/corpus/reuters21578.jsonl").standardized
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").prefix(300)
        let recognizer = ActorRecognizer()
        var mentions = 0
        for line in lines {
            guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let body = obj["text"] as? String else { continue }
            let text = Text(body)
            let tokens = Tokenizer.standard.tokenize(text)
            let sentences = SentenceSplitter.standard.split(text, tokens: tokens)
            let plain = recognizer.recognize(text, tokens: tokens, sentences: sentences)
            let shared = recognizer.recognize(text, tokens: tokens, sentences: sentences,
                                              hashes: TokenHashes(text: text, tokens: tokens))
            #expect(shared.mentions == plain.mentions)
            mentions += plain.mentions.count
        }
        #expect(mentions > 1_000)
    }

    /// The word sets tested around names ("said", "of", "city") answer by the shared hash as by the token's
    /// bytes, whatever the case, and every one of them has its hashed copy (so the hashed path is the one taken).
    @Test func wordSetsAroundNamesAnswerByHashAsByBytes() {
        let sets = [RecognitionPass.connectors, RecognitionPass.joiners, RecognitionPass.reportingVerbs,
                    RecognitionPass.placePrepositions, RecognitionPass.placeNouns]
        let text = Text("Said SAID said Says told Of of AND for Von van DE in At near From city Islands BORDER "
            + "saying cities the Mr. O'Neil ibn-Saud al Insisted wrote")
        let tokens = Tokenizer.standard.tokenize(text)
        let hashes = TokenHashes(text: text, tokens: tokens)
        var members = 0
        for set in sets {
            #expect(set.hashed != nil)
            guard let hashed = set.hashed else { continue }
            for i in tokens.indices where tokens[i].kind == .word && hashes.isASCII[i] {
                let byBytes = text.bytes.withUnsafeBufferPointer {
                    set.contains($0, tokens[i].range, readAs: CaseAndApostrophe.self)
                }
                #expect((hashed.lookup(hashes.values[i]) != nil) == byBytes, "\(text[tokens[i].range])")
                if byBytes { members += 1 }
            }
        }
        #expect(members >= 20)
    }
}

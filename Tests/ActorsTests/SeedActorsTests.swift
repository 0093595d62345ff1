import Foundation
import Language
import Testing
@testable import Actors

func recognize(_ string: String, recognizer: ActorRecognizer = ActorRecognizer()) -> ActorAnnotation {
    let text = Text(string)
    let tokens = Tokenizer.standard.tokenize(text)
    let sentences = SentenceSplitter.standard.split(text, tokens: tokens)
    return recognizer.recognize(text, tokens: tokens, sentences: sentences)
}

/// The actors as "Name (type)" lines, sorted: the form expected lists are written in.
func actorList(_ a: ActorAnnotation) -> [String] {
    a.actors.map { "\($0.name) (\($0.type.rawValue))" }.sorted()
}

/// The seed page as five documents: lines 1–15 are one article, lines 16–19 four others.
let seedDocuments: [String] = {
    let lines = seedPage.split(separator: "\n", omittingEmptySubsequences: false)
    return [lines[0..<15].joined(separator: "\n")] + lines[15...].filter { !$0.isEmpty }.map(String.init)
}()

@Suite struct SeedActorsTests {
    @Test func mainArticleActorsExactly() {
        let a = recognize(seedDocuments[0])
        #expect(actorList(a) == [
            "APEC (organization)", "ASEAN (organization)", "Australia (country)", "Beijing (location)",
            "China (country)", "Donald Trump (person)", "Ford (organization)", "Howard Lutnick (person)",
            "Japan (country)", "Malaysia (country)", "NATO (organization)", "Naruhito (person)",
            "Philippines (country)", "Sanae Takaichi (person)", "Shigeru Ishiba (person)", "South Korea (country)",
            "Tokyo (location)", "Toshimitsu Motegi (person)", "United States (country)",
        ])
        // Each actor once.
        #expect(Set(a.actors.map(\.id)).count == a.actors.count)
    }

    @Test func otherLeadsActorsExactly() {
        #expect(actorList(recognize(seedDocuments[1])) == ["Japan (country)", "Mako Nishimura (person)"])
        #expect(actorList(recognize(seedDocuments[2])) == [
            "Airport Authority Hong Kong (organization)", "Hong Kong (country)",
            "Hong Kong International Airport (location)",
        ])
        #expect(actorList(recognize(seedDocuments[3])) == [
            "Bali (location)", "Indonesia (country)", "Lindsay Sandiford (person)", "Shahab Shahabadi (person)",
            "United Kingdom (country)",
        ])
        let lead5 = recognize(seedDocuments[4])
        #expect(actorList(lead5) == [
            "Japan (country)", "Japan Innovation Party (organization)", "Liberal Democratic Party (organization)",
            "Sanae Takaichi (person)",
        ])
        #expect(lead5.actors.first { $0.name == "Liberal Democratic Party" }?.aliases == ["LDP"])
        #expect(lead5.actors.first { $0.name == "Japan Innovation Party" }?.aliases == ["JIP"])
        #expect(lead5.mentions.filter { $0.text == "LDP" || $0.text == "JIP" }.allSatisfy { $0.kind == .acronym })
    }

    @Test func noJunkMentions() {
        for doc in seedDocuments {
            for m in recognize(doc).mentions {
                #expect(!m.text.contains("’s") && !m.text.hasSuffix("'s"), "possessive kept: \(m.text)")
                for junk in ["Photo", "AFP", "CAUSE", "UNKNOWN", "Meanwhile", "Last", "What", "The", "Our", "Monday",
                             "Tuesday", "Sunday", "President", "Emperor", "Minister", "GDP", "Weather", "Customs", "F"] {
                    #expect(m.text != junk, "junk mention \(junk)")
                }
            }
        }
    }

    @Test func titlesAreSplitOffAndKept() {
        let a = recognize(seedDocuments[0])
        let trump = a.mentions.first { $0.text == "Donald Trump" }
        #expect(trump?.title == "President")
        #expect(trump?.type == .person)
        #expect(a.mentions.first { $0.text == "Toshimitsu Motegi" }?.title == "Minister of Foreign Affairs")
        #expect(a.mentions.first { $0.text == "Howard Lutnick" }?.title == "Secretary of Commerce")
        #expect(a.mentions.first { $0.text == "Naruhito" }?.title == "Emperor")
        #expect(a.actors.first { $0.name == "Donald Trump" }?.titles.contains("President") == true)
    }

    @Test func resolutionWithinTheDocument() {
        let a = recognize(seedDocuments[0])
        let motegi = a.mentions.filter { $0.text == "Motegi" }
        #expect(motegi.count == 2)
        #expect(motegi.allSatisfy { $0.actor == "toshimitsu-motegi" && $0.kind == .name })
        #expect(a.mentions.filter { $0.text == "Trump" }.allSatisfy { $0.actor == "donald-trump" })
        let japanese = a.mentions.filter { $0.text == "Japanese" }
        #expect(!japanese.isEmpty && japanese.allSatisfy { $0.actor == "japan" && $0.kind == .demonym })
        #expect(a.mentions.filter { $0.text == "US" || $0.text == "United States" }.allSatisfy { $0.actor == "united-states" })
        let leader = a.mentions.first { $0.kind == .reference }
        #expect(leader?.text == "The US leader")
        #expect(leader?.actor == "donald-trump")
        let pronoun = a.mentions.filter { $0.kind == .pronoun }
        #expect(pronoun.count == 1)
        #expect(pronoun.first?.text == "he")
        #expect(pronoun.first?.actor == "toshimitsu-motegi")
    }

    @Test func hyphenCompoundsAndCurrencyPrefixes() {
        let a = recognize("The US-Japan alliance will invest US$550 billion, said Japan.")
        #expect(a.mentions.map(\.text) == ["US", "Japan", "Japan"])
        let text = seedDocuments[0]
        let dollar = text.range(of: "US$550")!
        let dollarStart = text.utf8.distance(from: text.startIndex, to: dollar.lowerBound)
        #expect(!recognize(text).mentions.contains { $0.range.lowerBound == dollarStart })
    }

    @Test func mentionSentencesAndRanges() {
        let text = seedDocuments[0]
        let a = recognize(text)
        let bytes = Array(text.utf8)
        for m in a.mentions {
            #expect(String(decoding: bytes[m.range], as: UTF8.self) == m.text)
        }
        #expect(a.mentions.first?.sentence == 0)
        #expect(a.mentions.first { $0.text == "Naruhito" }.map { $0.sentence } == a.mentions.last.map { $0.sentence }.map { $0 - 1 })
    }
}

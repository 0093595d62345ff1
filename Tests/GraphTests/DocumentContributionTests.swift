import Actors
import Annotation
import Corpus
import Events
import Language
import Testing
@testable import Graph

@Suite struct DocumentContributionTests {
    func document(sentences: [Sentence], mentionSentences: [Int], eventSentence: Int) -> AnnotatedDocument {
        let text = "Tokyo met Seoul. Seoul thanked Tokyo."
        let actors = [DocumentActor(id: "tokyo", name: "Tokyo", type: .location),
                      DocumentActor(id: "seoul", name: "Seoul", type: .location)]
        let mentions = zip(["tokyo", "seoul", "seoul", "tokyo"], mentionSentences).map { actor, s in
            Mention(range: 0..<5, text: actor.capitalized, actor: actor, type: .location, kind: .name, sentence: s)
        }
        let event = Event(type: "meet", cameo: "043", trigger: 6..<9, triggerText: "met", date: nil,
                          actors: ["tokyo", "seoul"], sentence: eventSentence)
        return AnnotatedDocument(document: Document(id: "d", text: text), text: Text(text), sentences: sentences,
                                 mentions: mentions, actors: actors, times: [], events: [event])
    }

    /// One window per sentence naming an actor, its actors once each and in order, quoting the sentence.
    @Test func windowsGatherEachSentencesActors() {
        let sentences = [Sentence(range: 0..<16, tokens: 0..<4, paragraph: 0),
                         Sentence(range: 17..<37, tokens: 4..<8, paragraph: 0)]
        let c = DocumentContribution(document(sentences: sentences, mentionSentences: [0, 0, 1, 1], eventSentence: 1))
        #expect(c.windows.map(\.sentence) == [0, 1])
        #expect(c.windows.map(\.actors) == [[0, 1], [0, 1]])
        #expect(c.windows.map(\.text) == ["Tokyo met Seoul.", "Seoul thanked Tokyo."])
        #expect(c.mentionCounts == [2, 2])
        #expect(c.events.first?.actors == [0, 1] && c.events.first?.sentenceText == "Seoul thanked Tokyo.")
    }

    /// Annotations loaded without sentences (`add --annotations` of a line that lists none) give no windows
    /// and an empty quote, and do not stop the load.
    @Test func annotationsWithoutSentences() {
        let c = DocumentContribution(document(sentences: [], mentionSentences: [0, 0, 0, 0], eventSentence: 0))
        #expect(c.windows.isEmpty)
        #expect(c.mentionCounts == [2, 2])
        #expect(c.events.first?.sentenceText == "")
    }
}

import Actors
import Annotation
import Events

/// The sentences, actors and events one document brings to the graph: everything the graph needs from
/// it, without the document's text. Made from an `AnnotatedDocument`, or read back from the store, so a
/// graph can be rebuilt (after `add`) without re-reading articles.
public struct DocumentContribution: Sendable {
    /// A sentence that names at least one actor.
    public struct Window: Sendable, Hashable {
        public var sentence: Int
        public var paragraph: Int
        /// Indices into `actors`, sorted, unique.
        public var actors: [Int32]
        /// The sentence text, whitespace folded.
        public var text: String

        public init(sentence: Int, paragraph: Int, actors: [Int32], text: String) {
            self.sentence = sentence
            self.paragraph = paragraph
            self.actors = actors
            self.text = text
        }
    }

    public struct EventRecord: Sendable, Hashable {
        public var type: String
        public var cameo: String?
        public var trigger: String
        public var date: String?
        public var end: String?
        public var dateText: String?
        /// Indices into `actors`.
        public var actors: [Int32]
        public var sentence: Int
        public var sentenceText: String

        public init(type: String, cameo: String?, trigger: String, date: String?, end: String?, dateText: String?,
                    actors: [Int32], sentence: Int, sentenceText: String) {
            self.type = type
            self.cameo = cameo
            self.trigger = trigger
            self.date = date
            self.end = end
            self.dateText = dateText
            self.actors = actors
            self.sentence = sentence
            self.sentenceText = sentenceText
        }
    }

    public var document: GraphDocument
    public var actors: [DocumentActor]
    /// Mentions per actor, parallel to `actors`.
    public var mentionCounts: [Int]
    public var windows: [Window]
    public var events: [EventRecord]

    public init(document: GraphDocument, actors: [DocumentActor], mentionCounts: [Int], windows: [Window],
                events: [EventRecord]) {
        self.document = document
        self.actors = actors
        self.mentionCounts = mentionCounts
        self.windows = windows
        self.events = events
    }

    public init(_ annotated: AnnotatedDocument) {
        let texts = annotated.contentSentenceTexts()
        let doc = annotated.document
        var index = [String: Int32]()
        var actors = [DocumentActor]()
        for actor in annotated.actors where index[actor.id] == nil {
            index[actor.id] = Int32(actors.count)
            actors.append(actor)
        }
        var counts = [Int](repeating: 0, count: actors.count)
        var bySentence = [Int: Set<Int32>]()
        for mention in annotated.mentions {
            let i: Int32
            if let known = index[mention.actor] {
                i = known
            } else {
                // A mention whose actor the recognizer did not list: list it under the mention's own name.
                i = Int32(actors.count)
                index[mention.actor] = i
                actors.append(DocumentActor(id: mention.actor, name: mention.text, type: mention.type))
                counts.append(0)
            }
            counts[Int(i)] += 1
            bySentence[mention.sentence, default: []].insert(i)
        }
        let windows = bySentence.keys.sorted().map { s in
            Window(sentence: s, paragraph: annotated.sentences[s].paragraph, actors: bySentence[s]!.sorted(),
                   text: texts[s] ?? annotated.sentenceText(s))
        }
        let events = annotated.events.map { e in
            EventRecord(type: e.type, cameo: e.cameo, trigger: e.triggerText, date: e.date, end: e.end,
                        dateText: e.dateText, actors: e.actors.compactMap { index[$0] }, sentence: e.sentence,
                        sentenceText: texts[e.sentence] ?? annotated.sentenceText(e.sentence))
        }
        self.init(document: GraphDocument(id: doc.id, title: doc.title, date: doc.date?.description, source: doc.source),
                  actors: actors, mentionCounts: counts, windows: windows, events: events)
    }
}

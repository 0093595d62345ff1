import Actors
import Annotation
import Events
import Language

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
        // Actor ids hashed once each by their bytes (`TextKey`), not by `String`'s SipHash at every look-up.
        var index = [TextKey: Int32](minimumCapacity: annotated.actors.count)
        var actors = [DocumentActor]()
        for actor in annotated.actors {
            let key = TextKey(actor.id)
            guard index[key] == nil else { continue }
            index[key] = Int32(actors.count)
            actors.append(actor)
        }
        var counts = [Int](filledWith: 0, count: actors.count)
        // The actors of each sentence, in an array indexed by sentence: a dictionary of sets hashed each
        // mention's sentence and actor.
        var bySentence = [[Int32]](filledWith: [], count: annotated.sentences.count)
        for mention in annotated.mentions {
            let i: Int32
            let key = TextKey(mention.actor)
            if let known = index[key] {
                i = known
            } else {
                // A mention whose actor the recognizer did not list: list it under the mention's own name.
                i = Int32(actors.count)
                index[key] = i
                actors.append(DocumentActor(id: mention.actor, name: mention.text, type: mention.type))
                counts.append(0)
            }
            counts[Int(i)] += 1
            // A sentence index out of range (loaded annotations without sentences) has no window to join.
            if bySentence.indices.contains(mention.sentence), !bySentence[mention.sentence].contains(i) {
                bySentence[mention.sentence].append(i)
            }
        }
        var windows = [Window]()
        for (s, ids) in bySentence.enumerated() where !ids.isEmpty {
            windows.append(Window(sentence: s, paragraph: annotated.sentences[s].paragraph, actors: ids.sorted(),
                                  text: texts[s] ?? annotated.sentenceText(s)))
        }
        let events = annotated.events.map { e in
            EventRecord(type: e.type, cameo: e.cameo, trigger: e.triggerText, date: e.date, end: e.end,
                        dateText: e.dateText, actors: e.actors.compactMap { index[TextKey($0)] }, sentence: e.sentence,
                        sentenceText: (texts.indices.contains(e.sentence) ? texts[e.sentence] : nil)
                            ?? annotated.sentenceText(e.sentence))
        }
        self.init(document: GraphDocument(id: doc.id, title: doc.title, date: doc.date?.description, source: doc.source),
                  actors: actors, mentionCounts: counts, windows: windows, events: events)
    }
}

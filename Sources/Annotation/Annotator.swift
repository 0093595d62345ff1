import Actors
import Corpus
import Dispatch
import Events
import Language
import Time

/// Runs the annotation stages on documents: tokens → sentences → actors → times → events.
/// Stateless and `Sendable`, so one instance serves every core.
public struct Annotator: Sendable {
    public var tokenizer: Tokenizer
    public var splitter: SentenceSplitter
    public var actors: ActorRecognizer
    public var tagger: TemporalTagger
    public var events: EventExtractor

    public init(tokenizer: Tokenizer, actors: ActorRecognizer, tagger: TemporalTagger, events: EventExtractor) {
        self.tokenizer = tokenizer
        self.splitter = SentenceSplitter(tokenizer: tokenizer)
        self.actors = actors
        self.tagger = tagger
        self.events = events
    }

    /// The built-in stages. The event triggers and the tagger's word tables load on another core while this
    /// thread loads the actor lexicon: all are read and indexed at every start, before the first document, with
    /// the other core idle.
    public init() {
        let otherTables = Self.loadOtherTables()
        let actors = ActorRecognizer()
        otherTables.wait()
        self.init(tokenizer: .standard, actors: actors, tagger: TemporalTagger(), events: EventExtractor())
    }

    /// Starts loading every stage's built-in tables on other cores and returns at once: a command that will
    /// annotate calls it first thing, so that the tables (about 70 M instructions) load while its arguments are
    /// parsed and its input opened. `init()` then waits only for what is not loaded yet.
    public static func preloadTables() {
        DispatchQueue.global().async { ActorRecognizer.loadTables() }
        _ = loadOtherTables()
    }

    /// The event triggers and the tagger's word tables, loading on another core; the group is left when done.
    private static func loadOtherTables() -> DispatchGroup {
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            EventExtractor.loadTables()
            TemporalTagger.loadTables()
        }
        return group
    }

    public func annotate(_ document: Document) -> AnnotatedDocument {
        annotate([document][...])[0]
    }

    /// Annotates a group of documents one stage at a time, each stage over the whole group before the next
    /// starts: its code, its tables and its branch history stay in the core's caches for the group, where
    /// document by document every stage evicted the one before. In groups of 64, callgrind simulates a quarter
    /// fewer instruction-cache misses and a sixth fewer mispredicts (docs/scale.md, eighteenth session).
    /// Results are in input order, each as `annotate(_:)` gives it for the document alone.
    public func annotate(_ documents: ArraySlice<Document>) -> [AnnotatedDocument] {
        let dates = documents.map(\.date)
        let texts = documents.map { Text($0.text) }
        let tokens = texts.map { tokenizer.tokenize($0) }
        let group = texts.indices
        let sentences = group.map { splitter.split(texts[$0], tokens: tokens[$0]) }
        // Every token hashed once for the three stages' word tables.
        let hashes = group.map { TokenHashes(text: texts[$0], tokens: tokens[$0]) }
        var actorScratch = RecognitionScratch()
        let found = group.map {
            actors.recognize(texts[$0], tokens: tokens[$0], sentences: sentences[$0], hashes: hashes[$0],
                             reusing: &actorScratch)
        }
        var timeScratch = TaggerScratch()
        let times = group.map {
            tagger.tag(texts[$0], tokens: tokens[$0], sentences: sentences[$0], documentDate: dates[$0],
                       hashes: hashes[$0], reusing: &timeScratch)
        }
        var eventScratch = EventScratch()
        return zip(group, documents).map { k, document in
            let events = events.extract(texts[k], tokens: tokens[k], sentences: sentences[k],
                                        mentions: found[k].mentions, times: times[k], documentDate: dates[k],
                                        hashes: hashes[k], reusing: &eventScratch)
            return AnnotatedDocument(document: document, text: texts[k], sentences: sentences[k],
                                     mentions: found[k].mentions, actors: found[k].actors, times: times[k],
                                     events: events)
        }
    }
}

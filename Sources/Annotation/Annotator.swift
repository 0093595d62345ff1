import Actors
import Corpus
import Dispatch
import Events
import Language
import Time

/// Runs the annotation stages on one document: tokens → sentences → actors → times → events.
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
        let text = Text(document.text)
        let tokens = tokenizer.tokenize(text)
        let sentences = splitter.split(text, tokens: tokens)
        // Every token hashed once for the three stages' word tables.
        let hashes = TokenHashes(text: text, tokens: tokens)
        let found = actors.recognize(text, tokens: tokens, sentences: sentences, hashes: hashes)
        let times = tagger.tag(text, tokens: tokens, sentences: sentences, documentDate: document.date, hashes: hashes)
        let events = events.extract(text, tokens: tokens, sentences: sentences, mentions: found.mentions,
                                    times: times, documentDate: document.date, hashes: hashes)
        return AnnotatedDocument(document: document, text: text, sentences: sentences, mentions: found.mentions,
                                 actors: found.actors, times: times, events: events)
    }
}

import Actors
import Annotation
import Corpus
import Export
import Foundation
import Graph
import Store

/// What `build` and `add` produce in the output folder.
public struct BuildOptions: Sendable {
    public var outputFolder: String
    public var window: CooccurrenceWindow
    public var annotator: ParallelAnnotator
    /// Graphviz formats to render `graph.dot` and `timeline.dot` to (`svg`, `png`, `pdf`), if any.
    public var renderFormats: [String]
    /// The part of the graph the exports show (the store always keeps everything).
    public var filter = GraphFilter()
    public var graphML = GraphMLOptions()
    public var dot = DOTOptions()
    public var analytics = AnalyticsOptions()
    /// `graph.dot` and `timeline.dot` show at most this many actors (the most central by PageRank).
    public var dotMaxActors = 150

    /// Evidence sentences per edge in the exports (the first, in document order); nil for all. The store
    /// keeps every one (`newsgraph query edge` lists them), and a build holds only these in memory.
    public var evidencePerEdge: Int? = 5

    var graphBuilder: GraphBuilder { GraphBuilder(window: window, evidencePerEdge: evidencePerEdge, analytics: analytics) }

    public init(outputFolder: String = "Output", window: CooccurrenceWindow = .sentence,
                annotator: ParallelAnnotator = ParallelAnnotator(), renderFormats: [String] = []) {
        self.outputFolder = outputFolder
        self.window = window
        self.annotator = annotator
        self.renderFormats = renderFormats
    }

    /// The store: `newsgraph.sqlite` in the output folder unless given.
    public var store: String?

    public var storePath: String { store ?? (outputFolder as NSString).appendingPathComponent("newsgraph.sqlite") }
}

/// Figures for the terminal summary of a build.
public struct BuildSummary: Sendable {
    public var documents = 0
    public var sentences = 0
    public var mentions = 0
    public var actors = 0
    public var links = 0
    public var events = 0
    public var datedEvents = 0
    public var firstDate: String?
    public var lastDate: String?
    /// Most connected actors: (name, type, degree, weighted degree).
    public var topActors = [(name: String, type: String, degree: Int, weight: Double)]()
    public var inserted = 0
    public var replaced = 0
    public var unchanged = 0
    public var files = [String]()
    /// How the graph was brought up to date; nil when it was not summed (an add that changed nothing).
    public var summing: Summing?
    /// Where the time went, stage by stage.
    public var timer = PhaseTimer()

    public init() {}

    public enum Summing: Sendable, Equatable {
        /// Summed from every stored document: a build, or an add that could not do less (`why`).
        case everyDocument(why: String?)
        /// Only the documents an add brought, summed onto the stored graph.
        case newDocuments(Int)
    }
}

public enum BuildError: Error, CustomStringConvertible {
    case outputFolder(String, String)

    public var description: String {
        switch self {
        case .outputFolder(let path, let reason): return "cannot write to output folder \(path): \(reason)"
        }
    }
}

extension BuildSummary {
    /// Stores a document and counts what became of it; when it was inserted, adds its actors to `actors` (if
    /// given): only what the store now holds, so a document given again unchanged is registered once.
    mutating func store(_ prepared: PreparedDocument, in writer: StoreWriter,
                        registering actors: inout ActorRegistry?) throws {
        switch try writer.put(prepared) {
        case .inserted:
            inserted += 1
            actors?.add(prepared.actors, mentions: prepared.mentionCounts)
        case .replaced: replaced += 1
        case .unchanged: unchanged += 1
        }
    }
}

/// Where `Workspace.add`'s feed puts documents, in order: annotated ones (their store rows are prepared here, on the
/// store's thread) or, faster, ones whose rows were prepared on the workers.
public struct DocumentSink {
    let store: (PreparedDocument) throws -> Void

    public func callAsFunction(_ prepared: PreparedDocument) throws { try store(prepared) }

    public func callAsFunction(_ annotated: AnnotatedDocument) throws { try store(PreparedDocument(annotated)) }
}

/// The operations the command line offers, over an output folder holding the store and the exports.
public enum Workspace {
    /// Reads every input, annotates it on all cores, and writes a fresh store and every export.
    /// The previous store is replaced only once the new one is complete, and the exports with it.
    public static func build(_ inputs: [String], reader: CorpusReader, options: BuildOptions,
                             progress: ProgressBar? = nil) throws -> BuildSummary {
        defer { progress?.finish() }  // clears the bar's line before the summary, or an error, is printed
        try prepareFolder(options.outputFolder)
        let writing = try WriterLock(store: options.storePath)
        defer { writing.release() }
        let temporary = options.storePath + ".building-\(getpid())"
        removeStoreFiles(temporary)
        var summary = BuildSummary()
        let staged = StagedExports(folder: options.outputFolder)
        do {
            let store = try GraphStore.create(at: temporary, scratch: true)
            try store.transaction { writer in
                try writer.setMeta("window", options.window.rawValue)
                var documents = 0
                // The actors are registered here as documents are stored, which spares the graph a pass
                // over the store; a document given twice (replaced) leaves that pass to be made after all.
                var actors: ActorRegistry? = ActorRegistry()
                // Workers also prepare each document's row; this thread stores them in order.
                try options.annotator.run(inputs, reader: reader, transform: PreparedDocument.init) { prepared in
                    defer { progress?.update(bytes: reader.bytesRead, documents: documents) }
                    documents += 1
                    try summary.store(prepared, in: writer, registering: &actors)
                }
                summary.timer.lap("read, annotate, store documents")
                summary.summing = .everyDocument(why: nil)
                // Handed over, not copied: `storeGraph` frees the registry on another thread when done with it.
                try storeGraph(writer: writer, exports: staged, options: options,
                               actors: summary.replaced == 0 ? actors.take() : nil, summary: &summary,
                               progress: progress)
            }
            try store.close()
            try replaceStore(options.storePath, with: temporary)
            try staged.moveIntoPlace()
            summary.timer.lap("commit store and exports")
        } catch {
            removeStoreFiles(temporary)
            staged.discard()
            throw error
        }
        return try render(options, summary: summary)
    }

    /// Adds documents to the store in `options.outputFolder` (creating it if there is none): a document
    /// already stored with the same id and content changes nothing; a changed one replaces its old
    /// contributions. The graph is then rebuilt from every stored document and every export rewritten.
    /// Everything happens in one transaction: an interrupted add leaves the store as it was.
    ///
    /// `feed` hands documents to its argument: from articles or from `extract` output, annotated, or with their
    /// store rows already prepared on the workers (`PreparedDocument`).
    public static func add(options: BuildOptions, progress: ProgressBar? = nil,
                           feed: (DocumentSink) throws -> Void) throws -> BuildSummary {
        defer { progress?.finish() }  // clears the bar's line before the summary, or an error, is printed
        try prepareFolder(options.outputFolder)
        let writing = try WriterLock(store: options.storePath)
        defer { writing.release() }
        let store: GraphStore
        if FileManager.default.fileExists(atPath: options.storePath) {
            store = try GraphStore.open(at: options.storePath)
        } else {
            store = try GraphStore.create(at: options.storePath)
        }
        var summary = BuildSummary()
        let staged = StagedExports(folder: options.outputFolder)
        do {
            var changed = false
            var updated: ActorGraph?
            try store.transaction { writer in
                try writer.setMeta("window", options.window.rawValue)
                // Into an empty store, actors are registered as documents are stored, as in a build: the graph is
                // then summed without a pass over the store for them.
                var actors: ActorRegistry? = try writer.reader.lastDocumentRow() == 0 ? ActorRegistry() : nil
                func put(_ prepared: PreparedDocument) throws {
                    try summary.store(prepared, in: writer, registering: &actors)
                }
                try withoutActuallyEscaping(put) { try feed(DocumentSink(store: $0)) }
                summary.timer.lap("read, annotate, store documents")
                changed = summary.inserted + summary.replaced > 0
                guard changed else { return }
                switch try updateGraph(writer: writer, options: options, replaced: summary.replaced, timer: &summary.timer,
                                       progress: progress) {
                case .updated(let documents, let graph):
                    updated = graph
                    summary.summing = .newDocuments(documents)
                case .cannot(let why):
                    summary.summing = .everyDocument(why: why)
                    // Taken out of the variable `put` captured, so that `storeGraph` holds the only reference.
                    try storeGraph(writer: writer, exports: staged, options: options,
                                   actors: summary.replaced == 0 ? actors.take() : nil, summary: &summary,
                                   progress: progress)
                }
            }
            try store.close()
            if changed { summary.timer.lap("commit the store") }
            if !changed || updated != nil {
                // The stored graph is complete: the exports are written from it (from the one in memory, if
                // there is one, with its events read from the store).
                try exportStored(options.storePath, into: staged.create(), options: options, summary: &summary,
                                 inMemory: updated, progress: progress)
            }
            try staged.moveIntoPlace()
            summary.timer.lap("move the exports into place")
        } catch {
            staged.discard()
            throw error
        }
        return try render(options, summary: summary)
    }

    /// Rebuilds the store's graph from every stored document's contribution and stores it, writing the exports
    /// beside it into `exports` (moved into place once the store commits).
    ///
    /// The graph is summed one document at a time (`sumGraph`): evidence sentences go to the store as they are
    /// found, each edge keeping only its first few, and events go to the store and to a temporary file, so
    /// memory follows actors and edges, not the corpus. The exports, which need only the summed graph and that
    /// file, begin as soon as the analytics are done, while this thread (the store connection's) still indexes
    /// the evidence and event rows and then writes actors, edges and their indexes.
    static func storeGraph(writer: StoreWriter, exports: StagedExports, options: BuildOptions,
                           actors: consuming ActorRegistry? = nil,
                           summary: inout BuildSummary, progress: ProgressBar?) throws {
        progress?.stage("building the graph and its analytics")
        let spill = try GraphSpill(beside: options.storePath + ".spill-\(getpid())")
        defer { spill.remove() }
        let exporting = DispatchGroup()
        let exportError = ErrorSlots(count: 1)
        defer { exporting.wait() }  // before the spill they read is removed, whatever happens
        let lastDocument = try writer.reader.lastDocumentRow()
        let (summed, timeline, registry, canonicalID) = try sumGraph(
            reader: writer.reader, rows: try writer.beginGraph(), spill: spill, builder: options.graphBuilder,
            actors: actors
        ) { finished in
            // On the summing thread, once the analytics are done.
            try spill.finishWriting()
            var graph = finished
            graph.events = spill.eventList
            let shown = options.filter.isEmpty ? graph : try options.filter.apply(to: graph)
            let staging = { var o = options; o.outputFolder = $0; return o }(try exports.create())
            DispatchQueue.global().async(group: exporting) {
                do { try writeExports(shown, options: staging) } catch { exportError.set(0, error) }
            }
            return SummedGraph(graph: graph, shown: shown)
        }
        summary.timer.lap("sum the graph and its analytics (exports begin); evidence and event rows stored, indexed")

        progress?.stage("storing the graph; writing GraphML, GEXF, JSON and DOT")
        let stored = Result {
            try writer.finishGraph(summed.graph)
            try writer.storeRegistry(registry.records, canonical: canonicalID)
            try writer.setSummedGraph(through: lastDocument, window: options.window.rawValue,
                                      windows: summed.graph.windows)
        }
        exporting.wait()
        try stored.get()
        if let error = exportError.first { throw error }
        summary.timer.lap("store actors, links, indexes; GraphML, GEXF, JSON, DOT beside it")
        try summarize(&summary, shown: summed.shown, timeline: options.filter.isEmpty ? timeline : nil,
                      totals: try writer.reader.documentTotals())
        Disposal.free(consume summed)
        Disposal.free(consume registry)
    }

    /// Sums the graph on a worker thread from the contributions this thread reads (`SummingPipeline`), and
    /// writes the evidence and event rows the worker finds through `rows` as they come, then indexes them
    /// while the worker computes the analytics and hands the graph to `whenSummed` (which returns what
    /// `sumGraph` returns as the graph). The worker also spills the events (the exports read them from
    /// there) and tallies them for the summary's timeline. `actors`, when given, already holds every
    /// document's actors; otherwise they are read first.
    private static func sumGraph(reader: StoreReader, rows: GraphRowWriter, spill: GraphSpill, builder: GraphBuilder,
                                 actors: consuming ActorRegistry?,
                                 whenSummed: @escaping @Sendable (ActorGraph) throws -> SummedGraph)
        throws -> (SummedGraph, Timeline, ActorRegistry, canonicalID: [String: String]) {
        let given = actors != nil
        var registry = actors ?? ActorRegistry()
        if !given {
            try reader.forEachContribution(actorsOnly: true) { registry.add($0.actors, mentions: $0.mentionCounts) }
        }
        let pipeline = SummingPipeline<EncodedContribution, FoundRow>()
        let outcome = WorkerOutcome<(SummedGraph, Timeline, [String: String])>()
        Thread.detachNewThread { [registry] in
            outcome.set(Result {
                // The summary's timeline counts are kept as the events go by, which spares reading them again.
                var tally = Timeline.Builder(keepingPerDate: 0)
                let sink = GraphSink(evidence: { source, target, evidence in
                    pipeline.send(.evidence(source: source, target: target, evidence))
                }, event: { event, documentDate in
                    tally.add(event)
                    try spill.append(event)
                    pipeline.send(.event(event, documentDate: documentDate))
                })
                var summation = GraphSummation(builder, registry: registry)
                while let next = pipeline.next() { try summation.add(try next.decode(), sink: sink) }
                pipeline.finishSending()  // what remains is analytics, which send nothing
                return (try whenSummed(summation.finish()), tally.timeline, summation.canonicalID)
            })
            pipeline.finishWork()
        }
        func write(_ found: [FoundRow]) throws {
            for row in found {
                switch row {
                case .evidence(let source, let target, let evidence): try rows.evidence(source, target, evidence)
                case .event(let event, let documentDate): try rows.event(event, documentDate: documentDate)
                }
            }
        }
        /// Stops reading once the worker has stopped (it failed; the outcome holds its error).
        struct WorkerStopped: Error {}
        do {
            try reader.forEachEncodedContribution { if try !pipeline.feed($0, write: write) { throw WorkerStopped() } }
            try pipeline.finishInput(write: write)
            // While the worker computes the analytics, this thread indexes the rows.
            try rows.finishRows()
            pipeline.waitForWorker()
        } catch is WorkerStopped {
            pipeline.waitForWorker()
        } catch {
            pipeline.cancel()
            pipeline.waitForWorker()
            throw error
        }
        let (summed, timeline, canonicalID) = try outcome.get()
        return (summed, timeline, registry, canonicalID)
    }

    /// The summed graph, with its events, and the part the exports show (all of it unless filtered).
    struct SummedGraph: Sendable {
        var graph: ActorGraph
        var shown: ActorGraph
    }

    enum GraphUpdate {
        /// The new documents, this many, were summed onto the stored graph, which was stored again: `graph`,
        /// without its events (they are in the store).
        case updated(Int, graph: ActorGraph)
        /// Every document must be summed: why (nil when the store holds no graph yet).
        case cannot(String?)
    }

    /// Sums only the documents stored since the graph was last summed onto the stored graph, and stores the
    /// result, when that gives exactly the graph summing every document would: no document was replaced, the
    /// co-occurrence window is the one the graph was summed with, and every actor summed before resolves to
    /// the same canonical actor now, or is a lone surname moved over whole (`renamedNodes`); not when a second
    /// "… Smith" takes the lone "Smith" back from the first. Sums are taken in document order, old documents
    /// first, so the result is the same sum in the same order.
    ///
    /// What this saves is reading and summing every stored document: an add of a few articles to a large
    /// store costs what its graph (actors, links, analytics, exports) costs, not what its corpus does.
    static func updateGraph(writer: StoreWriter, options: BuildOptions, replaced: Int, timer: inout PhaseTimer,
                            progress: ProgressBar?) throws -> GraphUpdate {
        let reader = writer.reader
        guard replaced == 0 else { return .cannot("a document was replaced; its old contributions must come out") }
        guard let through = try reader.meta(MetaKey.summedThrough).flatMap(Int64.init) else {
            return .cannot(nil)
        }
        guard try reader.meta(MetaKey.summedWindow) == options.window.rawValue else {
            return .cannot("the co-occurrence window differs from the stored graph's")
        }
        progress?.stage("summing the new documents onto the stored graph")
        let stored = try reader.registry()
        var registry = stored.registry
        var added = 0
        try reader.forEachEncodedContribution(after: through) { encoded in
            let c = try encoded.decode(actorsOnly: true)
            registry.add(c.actors, mentions: c.mentionCounts)
            added += 1
        }
        let builder = options.graphBuilder
        // Actors are resolved (about a fifth of a second on Reuters) while this thread reads the stored graph.
        let resolving = Background { [registry] in GraphSummation(builder, registry: registry) }
        let previous = try reader.graphWithoutEvents(evidencePerEdge: builder.evidencePerEdge, documentsThrough: through)
        var summation = try resolving.value()
        timer.lap("read the stored graph and actors; resolve actors")
        guard let renamed = renamedNodes(before: stored.canonical, now: summation.canonicalID, previous: previous),
              summation.resume(previous, renamed: renamed)
        else { return .cannot("an actor summed before resolves to another actor now") }
        // Earlier actors keep their serials (their evidence rows' keys), a renamed one its old node's; new ones
        // take the next, in index order.
        var serialOf = [String: Int]()
        for (i, serial) in try reader.serials().enumerated() {
            serialOf[renamed[previous.nodes[i].id] ?? previous.nodes[i].id] = serial
        }
        var nextSerial = (serialOf.values.max() ?? -1) + 1
        let serials = summation.nodes.map { node -> Int in
            if let serial = serialOf[node.id] { return serial }
            defer { nextSerial += 1 }
            return nextSerial
        }
        for (old, new) in renamed { try writer.renameEventActor(old, to: new) }
        let rows = try writer.beginGraphUpdate(serials: serials)
        let sink = GraphSink(evidence: { try rows.evidence($0, $1, $2) },
                             event: { try rows.event($0, documentDate: $1) })
        try reader.forEachEncodedContribution(after: through) { try summation.add(try $0.decode(), sink: sink) }
        timer.lap("sum the new documents onto the graph")
        // The analytics are computed on another thread while this one stores what does not need them.
        let unranked = summation.finishUnranked()
        let ranking = Background { builder.rank(unranked) }
        try writer.storeLinks(unranked)
        try writer.storeRegistry(registry.records, canonical: summation.canonicalID)
        try writer.setSummedGraph(through: try reader.lastDocumentRow(), window: options.window.rawValue,
                                  windows: unranked.windows)
        let graph = try ranking.value()
        timer.lap("analytics; links and their indexes stored beside them")
        try writer.storeActors(graph, serials: serials)
        timer.lap("store actors and their indexes")
        return .updated(added, graph: graph)
    }

    /// The nodes of `previous` that are now another node, by id: each must be a lone surname that was its own
    /// canonical actor and is now taken by a full name that `previous` did not have (its sums, evidence and
    /// events then move over whole). Nil when an actor summed before resolves differently in any other way.
    static func renamedNodes(before: [String: String], now: [String: String], previous: ActorGraph) -> [String: String]? {
        let changed = before.filter { now[$0.key] != $0.value }
        guard !changed.isEmpty else { return [:] }
        let previousIDs = Set(previous.nodes.map(\.id))
        var actorsOf = [String: Int]()
        for canonical in before.values { actorsOf[canonical, default: 0] += 1 }
        var renamed = [String: String]()
        for (actor, canonical) in changed {
            guard actor == canonical, actorsOf[canonical] == 1, let target = now[actor], !previousIDs.contains(target)
            else { return nil }
            renamed[actor] = target
        }
        return renamed
    }

    /// Annotations made elsewhere: `extract --text` output, one JSON object per line, read on every core. The
    /// lines are parsed and `transform`ed (preparing a store row, say) in the workers, and `body` gets the results
    /// in line order. A line that cannot be read is reported with its number and skipped; the rest are read.
    public static func readAnnotations<T: Sendable>(_ path: String, report: (Diagnostic) -> Void,
                                                    transform: @escaping @Sendable (AnnotatedDocument) -> T,
                                                    _ body: (T) throws -> Void) throws {
        guard let handle = path == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: path) else {
            report(Diagnostic(.skipped, path, "cannot be read"))
            return
        }
        typealias Line = (bytes: [UInt8], number: Int)
        let pipeline = BatchPipeline<Line, (number: Int, result: Result<T, ExtractJSONReader.ReadError>)>(
            batchItems: 512, batchBytes: 4 << 20,
            chunks: { lines in Chunks.consecutive(count: lines.count, maxItems: 64, maxBytes: 256 << 10) { lines[$0].bytes.count } },
            work: { lines, output in
                for line in lines {
                    output((line.number, Result { () throws(ExtractJSONReader.ReadError) in
                        transform(try ExtractJSONReader.read(line.bytes))
                    }))
                }
            })
        var number = 0
        var failure: SystemCallError?
        try pipeline.run({ item in
            failure = try LineReader.forEachLine(handle) { line in
                number += 1
                if LineReader.isBlank(line) { return }
                try item((line, number), line.count)
            }
        }, sink: { read in
            switch read.result {
            case .success(let value): try body(value)
            case .failure(let error): report(Diagnostic(.skipped, "\(path):\(read.number)", error.description))
            }
        })
        if let failure {
            report(failure.restSkipped(at: "\(path):\(number + 1)"))
        }
    }

    /// Writes every export from the store, then fills in the summary (`newsgraph export`).
    public static func exportAll(_ options: BuildOptions, summary: BuildSummary,
                                 progress: ProgressBar? = nil) throws -> BuildSummary {
        defer { progress?.finish() }
        var summary = summary
        try exportStored(options.storePath, into: options.outputFolder, options: options, summary: &summary, progress: progress)
        return try render(options, summary: summary)
    }

    /// Writes the exports of the graph stored at `storePath` (cut by `options.filter`) into `folder`, and fills
    /// in the summary from what they show. Events are read from the store as the writers visit them.
    static func exportStored(_ storePath: String, into folder: String, options: BuildOptions, summary: inout BuildSummary,
                             inMemory: ActorGraph? = nil, progress: ProgressBar?) throws {
        progress?.stage("writing GraphML, GEXF, JSON and DOT")
        let store = try GraphStore.open(at: storePath, readonly: true)
        defer { try? store.close() }
        var graph: ActorGraph
        if var inMemory, !options.filter.hasDateRange {
            // Its edges hold the first `evidencePerEdge` sentences, as read back they would.
            inMemory.events = try store.events()
            graph = inMemory
        } else {
            // A date range picks evidence by date: it needs every sentence, not the first few.
            graph = try store.graph(evidencePerEdge: options.filter.hasDateRange ? nil : options.evidencePerEdge)
        }
        if !options.filter.isEmpty { graph = try options.filter.apply(to: graph) }
        if let keep = options.evidencePerEdge {
            // A date range read every sentence to pick those in range; the exports show the first of them.
            for i in graph.edges.indices where graph.edges[i].evidence.count > keep {
                graph.edges[i].evidence.removeSubrange(keep...)
            }
        }
        summary.timer.lap("read graph back")
        var staging = options
        staging.outputFolder = folder
        // Unfiltered, `graph.events` are the store's own: timeline.dot is counted there.
        let counted: StoredTimeline = { keep, actors in try store.eventTimeline(keepingPerDate: keep, naming: actors) }
        try writeExports(graph, options: staging, timer: &summary.timer,
                         storedTimeline: options.filter.isEmpty ? counted : nil)
        // Unfiltered, the summary's counts come from one grouped query (reading 1.9 million stored events
        // one by one took 10 s on 16 copies of Reuters).
        try summarize(&summary, shown: graph, timeline: options.filter.isEmpty ? try store.read { try $0.eventTimeline() } : nil,
                      totals: try store.read { try $0.documentTotals() })
    }

    /// Fills in the summary from the graph the exports show; its events are read once unless `timeline`
    /// (with counts only) is given.
    static func summarize(_ summary: inout BuildSummary, shown graph: ActorGraph, timeline counted: Timeline?,
                          totals: (sentences: Int, mentions: Int)) throws {
        summary.documents = graph.documents.count
        summary.sentences = totals.sentences
        summary.mentions = totals.mentions
        summary.actors = graph.nodes.count
        summary.links = graph.edges.count
        let timeline = try counted ?? Timeline(events: graph.events, keepingPerDate: 0)
        summary.events = timeline.datedCount + timeline.undatedCount
        summary.datedEvents = timeline.datedCount
        // The span of the timeline and of the documents' dates, each shown as written (a year stays "2013").
        let documentDates = Set(graph.documents.compactMap(\.date)).compactMap { d in CalendarDate(iso: d).map { ($0, d) } }
        let dates = (timeline.entries.map { ($0.period.start, $0.date) } + documentDates.sorted { $0.1 < $1.1 })
            .sorted { $0.0 < $1.0 }
        summary.firstDate = dates.first?.1
        summary.lastDate = dates.last?.1
        summary.topActors = graph.nodes
            .sorted { ($0.metrics.weightedDegree, $0.mentions, $1.name) > ($1.metrics.weightedDegree, $1.mentions, $0.name) }
            .prefix(5)
            .map { ($0.name, $0.type.rawValue, $0.metrics.degree, $0.metrics.weightedDegree) }
        summary.timer.lap("summary")
    }

    /// Lists the files written and renders the DOT files when asked (once they are in place).
    static func render(_ options: BuildOptions, summary: BuildSummary) throws -> BuildSummary {
        var summary = summary
        let folder = options.outputFolder
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        summary.files = ["graph.graphml", "graph.gexf", "graph.json", "graph.dot", "timeline.dot"].map(path) + [options.storePath]
        if !options.renderFormats.isEmpty {
            for dot in ["graph.dot", "timeline.dot"] {
                summary.files += try GraphvizRenderer.render(dotPath: path(dot), formats: options.renderFormats)
            }
            summary.timer.lap("render with Graphviz")
        }
        return summary
    }

    /// Writes the exports of a graph into `options.outputFolder`: GraphML, GEXF, JSON, both DOT files.
    public static func writeExports(_ graph: ActorGraph, options: BuildOptions) throws {
        var timer = PhaseTimer()
        try writeExports(graph, options: options, timer: &timer)
    }

    /// Counts a stored graph's timeline for `timeline.dot`: the first `keep` events a date of those naming one
    /// of `actors` (all, when nil), as `GraphStore.eventTimeline` does.
    typealias StoredTimeline = @Sendable (_ keep: Int, _ actors: Set<String>?) throws -> Timeline

    /// The four writers are independent readers of one immutable graph, so they run side by side. With
    /// `storedTimeline`, `graph.events` are a store's, unfiltered, and the timeline is counted there.
    static func writeExports(_ graph: ActorGraph, options: BuildOptions, timer: inout PhaseTimer,
                             storedTimeline: StoredTimeline? = nil) throws {
        try prepareFolder(options.outputFolder)
        let folder = options.outputFolder
        @Sendable func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        // Graphviz lays out a few hundred nodes readably (and quickly); larger graphs are drawn as their most
        // central actors. The other exports always hold the whole graph.
        let dotMaxActors = options.dotMaxActors, dotOptions = options.dot, graphML = options.graphML
        let writers: [@Sendable () throws -> Void] = [
            { try GraphMLWriter.write(graph, to: path("graph.graphml"), options: graphML) },
            { try GEXFWriter.write(graph, to: path("graph.gexf")) },
            { try GraphJSONWriter.write(graph, to: path("graph.json")) },
            {
                var central = GraphFilter(top: dotMaxActors, rankBy: .pagerank)
                central.listsDocuments = false
                let drawn = graph.nodes.count > dotMaxActors ? try central.apply(to: graph) : graph
                let named = graph.nodes.count > dotMaxActors ? Set(drawn.nodes.map(\.id)) : nil
                try DOTWriter.write(drawn, toFolder: folder, options: dotOptions,
                                    counted: storedTimeline.map { count in { keep in try count(keep, named) } })
            },
        ]
        let errors = ErrorSlots(count: writers.count)
        DispatchQueue.concurrentPerform(iterations: writers.count) { i in
            do { try writers[i]() } catch { errors.set(i, error) }
        }
        if let error = errors.first { throw error }
        timer.lap("write GraphML, GEXF, JSON, DOT (side by side)")
    }

    static func prepareFolder(_ folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw BuildError.outputFolder(folder, (error as NSError).localizedDescription)
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw BuildError.outputFolder(folder, "permission denied")
        }
    }

    static func removeStoreFiles(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// Moves a complete store into place in one rename.
    static func replaceStore(_ path: String, with temporary: String) throws {
        for suffix in ["-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        guard rename(temporary, path) == 0 else {
            throw BuildError.outputFolder(path, String(cString: strerror(errno)))
        }
    }
}

/// What the summing worker sends the store's thread to write.
private enum FoundRow {
    case evidence(source: Int, target: Int, Evidence)
    case event(GraphEvent, documentDate: String?)
}

/// What a worker thread produced, handed to the thread that waits for it.
private final class WorkerOutcome<Value>: @unchecked Sendable {
    private var result: Result<Value, Error>?
    private let lock = NSLock()

    func set(_ result: Result<Value, Error>) { lock.withLock { self.result = result } }

    /// The value, or the worker's error; call once the worker has finished.
    func get() throws -> Value {
        guard let result = lock.withLock({ result }) else { preconditionFailure("worker has not finished") }
        return try result.get()
    }
}

/// A value computed on another thread while the caller goes on; `value()` waits for it.
private final class Background<Value>: @unchecked Sendable {
    private let done = DispatchGroup()
    private let outcome = WorkerOutcome<Value>()

    init(_ body: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global().async(group: done) { [outcome] in outcome.set(Result { try body() }) }
    }

    func value() throws -> Value {
        done.wait()
        return try outcome.get()
    }
}

/// Frees a large value on another thread. Tearing down Reuters' summed graph (hundreds of thousands of
/// strings and arrays) took a tenth of a second on one core while the other idled: the store's commit,
/// which follows, need not wait for it.
private final class Disposal<Value>: @unchecked Sendable {
    private var value: Value?

    private init(_ value: consuming Value) { self.value = value }

    static func free(_ value: consuming Value) {
        let disposal = Disposal(value)
        // Only the closure holds the box, so the value's last reference goes with `value = nil` there.
        DispatchQueue.global(qos: .utility).async { disposal.value = nil }
    }
}

/// One error slot per parallel job, each written by its own job only.
private final class ErrorSlots: @unchecked Sendable {
    private var errors: [Error?]
    private let lock = NSLock()

    init(count: Int) { errors = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ error: Error) { lock.withLock { errors[index] = error } }

    /// The first job's error, in job order.
    var first: Error? { lock.withLock { errors.compactMap { $0 }.first } }
}

/// Exports written into a hidden folder inside the output folder and moved into place (one `rename` each)
/// only once the store is committed: a failed store write never leaves exports of a graph the store does
/// not hold, and a failed export never leaves a store whose exports are stale without saying so.
struct StagedExports {
    let destination: String
    let folder: String

    init(folder destination: String) {
        self.destination = destination
        folder = (destination as NSString).appendingPathComponent(".exports-\(getpid())")
    }

    /// Creates the (empty) staging folder and returns its path, first removing any a killed run left behind.
    func create() throws -> String {
        discard()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: destination)) ?? []
        where name.hasPrefix(".exports-") {
            // Another run's folder stays while that process lives.
            guard let pid = Int32(name.dropFirst(".exports-".count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(atPath: (destination as NSString).appendingPathComponent(name))
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw BuildError.outputFolder(folder, (error as NSError).localizedDescription)
        }
        return folder
    }

    /// Moves every staged file into the output folder, then removes the staging folder.
    func moveIntoPlace() throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() {
            let target = (destination as NSString).appendingPathComponent(name)
            guard rename((folder as NSString).appendingPathComponent(name), target) == 0 else {
                throw BuildError.outputFolder(target, String(cString: strerror(errno)))
            }
        }
        discard()
    }

    func discard() { try? FileManager.default.removeItem(atPath: folder) }
}

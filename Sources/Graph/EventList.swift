/// A graph's events: held in memory, or read page by page from where they are stored. A corpus brings about
/// six events per article, so a large build keeps its events in the store and its exports read them from
/// there, one page at a time, instead of holding them all.
///
/// Reading can fail (a store's disk), so events are visited with a throwing `forEach` rather than as a
/// `Sequence`.
public struct EventList: Sendable {
    /// Reads the events with positions in a range, in order.
    public typealias PageReader = @Sendable (Range<Int>) throws -> [GraphEvent]

    private enum Source: Sendable {
        case memory([GraphEvent])
        case pages(count: Int, pageSize: Int, readsAhead: Bool, read: PageReader)
    }

    private let source: Source
    /// Applied to every event read: nil drops it. Filters compose without reading anything.
    private let transform: (@Sendable (GraphEvent) -> GraphEvent?)?

    public init(_ events: [GraphEvent] = []) {
        source = .memory(events)
        transform = nil
    }

    /// `count` events at positions 0..<count, read `pageSize` at a time by `read`.
    ///
    /// With `readsAhead`, a visit reads the next page on a thread of its own while the current one is visited
    /// (`PageReadAhead`): `read` must then be callable from any thread. Decoding a page from the store costs
    /// about what writing it to graph.json does, so the two then share the cores instead of taking turns.
    public init(stored count: Int, pageSize: Int = 4_096, readsAhead: Bool = false, read: @escaping PageReader) {
        source = .pages(count: count, pageSize: max(1, pageSize), readsAhead: readsAhead, read: read)
        transform = nil
    }

    private init(source: Source, transform: (@Sendable (GraphEvent) -> GraphEvent?)?) {
        self.source = source
        self.transform = transform
    }

    /// Visits every event in order.
    public func forEach(_ body: (GraphEvent) throws -> Void) throws {
        switch source {
        case .memory(let events):
            for event in events { try visit(event, body) }
        case .pages(let count, let pageSize, let readsAhead, let read):
            let pages = stride(from: 0, to: count, by: pageSize).map { $0..<min(count, $0 + pageSize) }
            if readsAhead && pages.count > 1 {
                try PageReadAhead.forEach(pages, read: read) { page in
                    for event in page { try visit(event, body) }
                }
            } else {
                for range in pages {
                    for event in try read(range) { try visit(event, body) }
                }
            }
        }
    }

    @inline(__always)
    private func visit(_ event: GraphEvent, _ body: (GraphEvent) throws -> Void) throws {
        if let transform {
            if let kept = transform(event) { try body(kept) }
        } else {
            try body(event)
        }
    }

    /// The events `transform` keeps (changed as it returns them), read lazily from the same source.
    public func compactMap(_ transform: @escaping @Sendable (GraphEvent) -> GraphEvent?) -> EventList {
        guard let first = self.transform else { return EventList(source: source, transform: transform) }
        return EventList(source: source, transform: { first($0).flatMap(transform) })
    }

    /// The number of events; without a filter this reads nothing.
    public func count() throws -> Int {
        if transform == nil {
            switch source {
            case .memory(let events): return events.count
            case .pages(let count, _, _, _): return count
            }
        }
        var n = 0
        try forEach { _ in n += 1 }
        return n
    }

    /// Every event in one array: for small graphs and tests.
    public func all() throws -> [GraphEvent] {
        if transform == nil, case .memory(let events) = source { return events }
        var events = [GraphEvent]()
        try forEach { events.append($0) }
        return events
    }
}

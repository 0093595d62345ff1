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
        case pages(count: Int, pageSize: Int, read: PageReader)
    }

    private let source: Source
    /// Applied to every event read: nil drops it. Filters compose without reading anything.
    private let transform: (@Sendable (GraphEvent) -> GraphEvent?)?

    public init(_ events: [GraphEvent] = []) {
        source = .memory(events)
        transform = nil
    }

    /// `count` events at positions 0..<count, read `pageSize` at a time by `read`.
    public init(stored count: Int, pageSize: Int = 4_096, read: @escaping PageReader) {
        source = .pages(count: count, pageSize: max(1, pageSize), read: read)
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
        case .pages(let count, let pageSize, let read):
            var start = 0
            while start < count {
                let end = min(count, start + pageSize)
                for event in try read(start..<end) { try visit(event, body) }
                start = end
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
            case .pages(let count, _, _): return count
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

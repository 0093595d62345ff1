import Foundation
import Synchronization
import Graph

/// The events a graph build finds, appended to a temporary file as they are found and read back a page at a
/// time. A build then does not hold them in memory (a corpus brings about six events per article), and the
/// exports read them from the spill side by side, on different threads. (Evidence sentences need no spill:
/// the store's thread writes them as they are found, and each edge keeps its first few for the exports.)
///
/// Appends come from one thread; pages are read with `pread`, so any number of threads may read at once.
public final class GraphSpill: @unchecked Sendable {
    /// Records per page: the unit of reading back.
    static let pageSize = 4_096

    private let events: SpillFile

    /// Creates the file beside `path` (`path.events`) and unlinks it at once: it lives while the spill is
    /// open and vanishes with the process, however it ends (even SIGKILL).
    public init(beside path: String) throws {
        events = try SpillFile(path: path + ".events")
    }

    public var eventCount: Int { events.count }

    public func append(_ event: GraphEvent) throws {
        var out = ByteWriter()
        out.string(event.id); out.string(event.document); out.string(event.type); out.optional(event.cameo)
        out.string(event.trigger); out.optional(event.date); out.optional(event.end); out.optional(event.dateText)
        out.strings(event.actors); out.string(event.sentence)
        try events.append(out.bytes)
    }

    /// Writes what is still buffered; reading needs it.
    public func finishWriting() throws {
        try events.flush()
    }

    /// The spilled events, read a page at a time as they are visited.
    public var eventList: EventList {
        EventList(stored: events.count, pageSize: Self.pageSize, readsAhead: true) { [self] range in
            try readEvents(range)
        }
    }

    func readEvents(_ range: Range<Int>) throws -> [GraphEvent] {
        var result = [GraphEvent]()
        try events.read(range) { input in
            guard let id = input.string(), let document = input.string(), let type = input.string(),
                  let cameo = input.optional(), let trigger = input.string(), let date = input.optional(),
                  let end = input.optional(), let dateText = input.optional(), let actors = input.strings(),
                  let sentence = input.string() else { return false }
            result.append(GraphEvent(id: id, document: document, type: type, cameo: cameo, trigger: trigger, date: date,
                                     end: end, dateText: dateText, actors: actors, sentence: sentence))
            return true
        }
        return result
    }

    /// Closes the file, giving its space back. Reading afterwards fails.
    public func remove() {
        events.close()
    }
}

/// An append-only file of length-prefixed records, with the offset of every page's first record kept in
/// memory (one integer per 4,096 records).
private final class SpillFile {
    let path: String
    private let fd: Int32
    private var buffer = [UInt8]()
    private var written = 0
    private(set) var count = 0
    private var pageOffsets = [Int]()

    init(path: String) throws {
        self.path = path
        fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw SpillError.io(path, String(cString: strerror(errno))) }
        unlink(path)
        buffer.reserveCapacity(1 << 20)
    }

    deinit { close() }

    private let closed = Atomic<Bool>(false)

    func append(_ record: [UInt8]) throws {
        if count % GraphSpill.pageSize == 0 { pageOffsets.append(written + buffer.count) }
        var length = ByteWriter()
        length.int(record.count)
        buffer.append(contentsOf: length.bytes)
        buffer.append(contentsOf: record)
        count += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        // A closed descriptor's number may already name another file.
        guard !closed.load(ordering: .relaxed) else { throw SpillError.io(path, "written after it was closed") }
        try buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = pwrite(fd, raw.baseAddress! + offset, raw.count - offset, off_t(written + offset))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw SpillError.io(path, String(cString: strerror(errno)))
                }
                offset += n
            }
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }

    /// Hands each record of a page-aligned range to `decode`, which returns false for a damaged record.
    func read(_ range: Range<Int>, _ decode: (inout ByteReader) -> Bool) throws {
        guard !range.isEmpty else { return }
        guard !closed.load(ordering: .relaxed) else { throw SpillError.io(path, "read after it was closed") }
        let page = range.lowerBound / GraphSpill.pageSize
        precondition(range.lowerBound % GraphSpill.pageSize == 0, "spill pages are read whole")
        let start = pageOffsets[page]
        let end = page + 1 < pageOffsets.count ? pageOffsets[page + 1] : written
        var bytes = [UInt8](repeating: 0, count: end - start)
        try bytes.withUnsafeMutableBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = pread(fd, raw.baseAddress! + offset, raw.count - offset, off_t(start + offset))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw SpillError.io(path, n < 0 ? String(cString: strerror(errno)) : "ended early") }
                offset += n
            }
        }
        try bytes.withUnsafeBytes { raw in
            var input = ByteReader(raw)
            for _ in range {
                guard let length = input.int(), let record = input.slice(length) else { throw SpillError.damaged(path) }
                var recordInput = ByteReader(record)
                guard decode(&recordInput), recordInput.atEnd else { throw SpillError.damaged(path) }
            }
        }
    }

    func close() {
        if !closed.exchange(true, ordering: .relaxed) { Foundation.close(fd) }
    }
}

public enum SpillError: Error, CustomStringConvertible {
    case io(String, String)
    case damaged(String)

    public var description: String {
        switch self {
        case .io(let path, let why): return "temporary file \(path): \(why)"
        case .damaged(let path): return "temporary file \(path) was damaged while the build ran"
        }
    }
}

import Corpus
import Foundation
import XML

/// An error while writing an export.
public enum ExportError: Error, CustomStringConvertible, Sendable {
    case cannotCreate(String)
    case writeFailed(String)
    case renameFailed(String)
    case graphvizMissing
    case graphvizFailed(String)

    public var description: String {
        switch self {
        case .cannotCreate(let p): return "cannot create \(p)"
        case .writeFailed(let why): return "write failed: \(why)"
        case .renameFailed(let why): return "cannot move export into place: \(why)"
        case .graphvizMissing: return "Graphviz `dot` not found on PATH: install it with `apt-get install graphviz`"
        case .graphvizFailed(let why): return "dot failed: \(why)"
        }
    }
}

/// Writes a file through a temporary sibling renamed into place, so a reader never sees half an export and a
/// failed write leaves the previous file untouched. `rename(2)` is atomic within one file system, which is
/// why the temporary lives in the same folder.
enum AtomicFile {
    static func write(to path: String, _ body: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try body(temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temporary)
            throw ExportError.renameFailed("\(path): \(why)")
        }
    }

    /// Writes bytes produced by `body` into `sink`, then renames into place.
    static func writeBytes(to path: String, _ body: (inout ByteSink) throws -> Void) throws {
        try write(to: path) { temporary in
            var sink = try ByteSink(path: temporary)
            try body(&sink)
            try sink.close()
        }
    }

    static func write(_ text: String, to path: String) throws {
        try writeBytes(to: path) { sink in sink.append(text) }
    }
}

/// A buffered output file for the hand-written formats (JSON, DOT): bytes collect in a 256 kB buffer that is
/// flushed with `write(2)`, so output costs stay proportional to its size. The buffer is written through a
/// pointer (noncopyable, so nothing else can hold it): `Array.append` checked uniqueness and capacity for every
/// byte of a 110 MB graph.json.
struct ByteSink: ~Copyable {
    private let fd: Int32
    private let buffer: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var failure: String?
    private static let capacity = 1 << 18

    init(path: String) throws {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ExportError.cannotCreate("\(path): \(String(cString: strerror(errno)))") }
        buffer = .allocate(capacity: ByteSink.capacity)
    }

    deinit {
        buffer.deallocate()
        Foundation.close(fd)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == ByteSink.capacity { flush() }
        buffer[count] = byte
        count += 1
    }

    mutating func append(_ text: StaticString) {
        append(bytes: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }

    mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > ByteSink.capacity { flush() }
        if bytes.count > ByteSink.capacity {
            writeAll(UnsafeRawBufferPointer(bytes))
            return
        }
        (buffer + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Room for `count` bytes at the end of the buffer (flushing it first if need be), to be filled and then
    /// counted with `wrote`; nil for more than the buffer holds.
    @inline(__always)
    mutating func room(_ count: Int) -> UnsafeMutablePointer<UInt8>? {
        guard count <= ByteSink.capacity else { return nil }
        if self.count + count > ByteSink.capacity { flush() }
        return buffer + self.count
    }

    /// Counts the `count` bytes just written at `room`'s pointer.
    @inline(__always)
    mutating func wrote(_ count: Int) { self.count += count }

    /// An integer's digits, written in place.
    mutating func appendDecimal(_ value: Int) {
        if count + DecimalText.length(of: value) > ByteSink.capacity { flush() }
        count += DecimalText.write(value, to: buffer + count)
    }

    mutating func flush() {
        writeAll(UnsafeRawBufferPointer(start: buffer, count: count))
        count = 0
    }

    private mutating func writeAll(_ raw: UnsafeRawBufferPointer) {
        guard failure == nil, let base = raw.baseAddress else { return }
        var offset = 0
        while offset < raw.count {
            let n = Foundation.write(fd, base + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return
            }
            offset += n
        }
    }

    consuming func close() throws {
        flush()
        if let failure { throw ExportError.writeFailed(failure) }
    }
}

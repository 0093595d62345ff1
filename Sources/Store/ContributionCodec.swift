import Actors
import Graph

/// A document's graph contribution as one compact binary value, stored in its `documents` row: one row per
/// document instead of a row per sentence, mention, actor and event, so a build writes 19,000 rows for
/// Reuters instead of 630,000, and the graph is summed again by reading one column.
///
/// Layout (integers are unsigned LEB128 varints; a string is its UTF-8 length then its bytes; an optional
/// string is 0 for none, else length + 1 then its bytes):
///
///     version
///     actorCount { id name type aliases* titles* mentions }
///     textCount { sentence text }                      the folded texts windows and events quote
///     windowCount { sentence paragraph actorCount actor* }
///     eventCount { type cameo? trigger date? end? dateText? sentence actorCount actor* }
///
/// The actors come first so that a pass that needs only them (alias resolution) stops reading there.
enum ContributionCodec {
    static let version: UInt64 = 1

    static func encode(_ c: DocumentContribution) -> [UInt8] {
        var out = ByteWriter()
        out.bytes.reserveCapacity(256 + c.windows.reduce(0) { $0 + $1.text.utf8.count })
        out.varint(version)
        out.int(c.actors.count)
        for (i, a) in c.actors.enumerated() {
            out.string(a.id); out.string(a.name); out.string(a.type.rawValue)
            out.strings(a.aliases); out.strings(a.titles)
            out.int(c.mentionCounts[i])
        }
        // Each quoted sentence once, though windows and events may quote the same one.
        var texts = [(Int, String)]()
        var seen = Set<Int>()
        for w in c.windows where seen.insert(w.sentence).inserted { texts.append((w.sentence, w.text)) }
        for e in c.events where seen.insert(e.sentence).inserted { texts.append((e.sentence, e.sentenceText)) }
        out.int(texts.count)
        for (sentence, text) in texts { out.int(sentence); out.string(text) }
        out.int(c.windows.count)
        for w in c.windows {
            out.int(w.sentence); out.int(w.paragraph); out.indices(w.actors)
        }
        out.int(c.events.count)
        for e in c.events {
            out.string(e.type); out.optional(e.cameo); out.string(e.trigger); out.optional(e.date); out.optional(e.end)
            out.optional(e.dateText); out.int(e.sentence); out.indices(e.actors)
        }
        return out.bytes
    }

    enum DecodeError: Error, CustomStringConvertible {
        case malformed(String)

        var description: String {
            switch self {
            case .malformed(let document): return "document \(document): its stored contribution is damaged; rebuild the store"
            }
        }
    }

    /// Reads a contribution back; with `actorsOnly`, windows and events stay empty (and are not read).
    static func decode(_ bytes: UnsafeRawBufferPointer, document: GraphDocument, actorsOnly: Bool = false) throws
        -> DocumentContribution {
        var input = ByteReader(bytes)
        guard let c = decode(&input, document: document, actorsOnly: actorsOnly) else {
            throw DecodeError.malformed(document.id)
        }
        return c
    }

    private static func decode(_ input: inout ByteReader, document: GraphDocument, actorsOnly: Bool)
        -> DocumentContribution? {
        guard input.varint() == version, let actorCount = input.int() else { return nil }
        var actors = [DocumentActor]()
        var counts = [Int]()
        actors.reserveCapacity(actorCount)
        counts.reserveCapacity(actorCount)
        for _ in 0..<actorCount {
            guard let id = input.string(), let name = input.string(), let type = input.string(),
                  let aliases = input.strings(), let titles = input.strings(), let n = input.int() else { return nil }
            actors.append(DocumentActor(id: id, name: name, type: ActorType(rawValue: type) ?? .other,
                                        aliases: aliases, titles: titles))
            counts.append(n)
        }
        var c = DocumentContribution(document: document, actors: actors, mentionCounts: counts, windows: [], events: [])
        if actorsOnly { return c }
        guard let textCount = input.int() else { return nil }
        var texts = [Int: String](minimumCapacity: textCount)
        for _ in 0..<textCount {
            guard let sentence = input.int(), let text = input.string() else { return nil }
            texts[sentence] = text
        }
        guard let windowCount = input.int() else { return nil }
        c.windows.reserveCapacity(windowCount)
        for _ in 0..<windowCount {
            guard let sentence = input.int(), let paragraph = input.int(), let members = input.indices(below: actorCount)
            else { return nil }
            c.windows.append(.init(sentence: sentence, paragraph: paragraph, actors: members, text: texts[sentence] ?? ""))
        }
        guard let eventCount = input.int() else { return nil }
        c.events.reserveCapacity(eventCount)
        for _ in 0..<eventCount {
            guard let type = input.string(), let cameo = input.optional(), let trigger = input.string(),
                  let date = input.optional(), let end = input.optional(), let dateText = input.optional(),
                  let sentence = input.int(), let members = input.indices(below: actorCount) else { return nil }
            c.events.append(.init(type: type, cameo: cameo, trigger: trigger, date: date, end: end, dateText: dateText,
                                  actors: members, sentence: sentence, sentenceText: texts[sentence] ?? ""))
        }
        return input.atEnd ? c : nil
    }
}

/// Appends varints and length-prefixed strings.
private struct ByteWriter {
    var bytes = [UInt8]()

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ value: Int) { varint(UInt64(max(0, value))) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional(_ s: String?) {
        guard var s else { varint(0); return }
        s.withUTF8 { utf8 in
            int(utf8.count + 1)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func strings(_ list: [String]) {
        int(list.count)
        for s in list { string(s) }
    }

    mutating func indices(_ list: [Int32]) {
        int(list.count)
        for i in list { int(Int(i)) }
    }
}

/// Reads what `ByteWriter` wrote; every read returns nil past the end or on a value out of range, so a
/// damaged blob is reported, never trusted.
private struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { position == bytes.count }

    mutating func varint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.count, shift < 64 {
            let b = bytes[position]
            position += 1
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    mutating func int() -> Int? {
        guard let v = varint(), v <= UInt64(Int32.max) else { return nil }
        return Int(v)
    }

    private mutating func utf8(count: Int) -> String? {
        guard count <= bytes.count - position else { return nil }
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<(position + count)]), as: UTF8.self)
        position += count
        return s
    }

    mutating func string() -> String? {
        guard let n = int() else { return nil }
        return utf8(count: n)
    }

    /// `.some(nil)` for an absent value, nil for a damaged one.
    mutating func optional() -> String?? {
        guard let n = int() else { return nil }
        if n == 0 { return .some(nil) }
        guard let s = utf8(count: n - 1) else { return nil }
        return .some(s)
    }

    mutating func strings() -> [String]? {
        guard let n = int(), n <= bytes.count - position else { return nil }
        var list = [String]()
        list.reserveCapacity(n)
        for _ in 0..<n {
            guard let s = string() else { return nil }
            list.append(s)
        }
        return list
    }

    mutating func indices(below limit: Int) -> [Int32]? {
        guard let n = int(), n <= bytes.count - position else { return nil }
        var list = [Int32]()
        list.reserveCapacity(n)
        for _ in 0..<n {
            guard let i = int(), i < limit else { return nil }
            list.append(Int32(i))
        }
        return list
    }
}

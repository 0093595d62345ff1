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

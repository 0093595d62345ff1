import Actors
import Foundation
import Language
import Testing
@testable import Events

/// Throughput of the event stage on real newswire, measured as it runs in the pipeline: each article is
/// tokenized and split (and given stand-in mentions: every capitalized word that does not open a sentence),
/// then extracted while its tokens are still in cache. The stage's cost is the difference between the
/// loop with and without extraction, in thread CPU time (the machine is shared, wall time would measure the
/// neighbours). Run in release: `swift test -c release -Xswiftc -enable-testing --filter EventsSpeedTests`.
@Suite struct EventsSpeedTests {
    static func corpus(limit: Int) -> [Text]? {
        guard let data = FileManager.default.contents(atPath: "../shared/corpus/reuters21578.jsonl") else { return nil }
        var docs = [Text]()
        var bytes = 0
        for line in data.split(separator: UInt8(ascii: "\n")) where bytes < limit {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let body = object["text"] as? String else { continue }
            docs.append(Text(body))
            bytes += docs[docs.count - 1].count
        }
        return docs
    }

    static func threadCPUTime() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    /// Tokenizes, splits and finds stand-in mentions for every document; extracts events too if asked.
    static func run(_ docs: [Text], extract: Bool) -> (nanoseconds: Double, events: Int) {
        let extractor = EventExtractor()
        var events = 0
        var mentions = [Mention]()
        let start = threadCPUTime()
        for text in docs {
            let tokens = Tokenizer.standard.tokenize(text)
            let sentences = SentenceSplitter.standard.split(text, tokens: tokens)
            mentions.removeAll(keepingCapacity: true)
            for (s, sentence) in sentences.enumerated() {
                for t in sentence.tokens.dropFirst() where tokens[t].isCapitalized && !tokens[t].isAllCaps {
                    mentions.append(Mention(range: tokens[t].range, text: "", actor: "x", type: .person, kind: .name,
                                            sentence: s))
                }
            }
            if extract {
                events += extractor.extract(text, tokens: tokens, sentences: sentences, mentions: mentions,
                                            times: [], documentDate: nil).count
            }
        }
        return (Double(threadCPUTime() - start), events)
    }

    @Test func throughput() throws {
        #if DEBUG
        let limit = 300_000
        #else
        let limit = 4_000_000
        #endif
        guard let docs = Self.corpus(limit: limit) else { return }
        let totalBytes = Double(docs.reduce(0) { $0 + $1.count })
        var without = Double.infinity, with = Double.infinity
        var events = 0
        for _ in 0..<5 {
            without = min(without, Self.run(docs, extract: false).nanoseconds)
            let run = Self.run(docs, extract: true)
            with = min(with, run.nanoseconds)
            events = run.events
        }
        let stage = max(0, with - without) / totalBytes
        let base = without / totalBytes
        print("events: \(docs.count) docs, \(Int(totalBytes)) bytes, \(events) events; "
              + "tokenize+split \(String(format: "%.2f", base)) ns/byte, "
              + "events stage \(String(format: "%.2f", stage)) ns/byte (\(String(format: "%.0f", 1000 / stage)) MB/s)")
        #expect(events > docs.count / 2)
        #if !DEBUG
        // The budget is relative, as the machine is shared: extraction costs less than tokenizing and splitting.
        #expect(stage < base)
        #endif
    }
}

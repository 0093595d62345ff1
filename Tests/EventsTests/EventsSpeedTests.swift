import Actors
import Foundation
import Language
import Testing
@testable import Events

/// Throughput of the event stage alone on real newswire (tokens, sentences, mentions and times prepared
/// beforehand). Mentions stand in for the recognizer: every capitalized word that does not open a sentence.
/// Run in release: `swift test -c release -Xswiftc -enable-testing --filter EventsSpeedTests`.
@Suite struct EventsSpeedTests {
    struct Prepared {
        let text: Text
        let tokens: [Token]
        let sentences: [Sentence]
        let mentions: [Mention]
    }

    static func corpus(limit: Int) -> [Prepared]? {
        guard let data = FileManager.default.contents(atPath: "../shared/corpus/reuters21578.jsonl") else { return nil }
        var docs = [Prepared]()
        var bytes = 0
        for line in data.split(separator: UInt8(ascii: "\n")) where bytes < limit {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let body = object["text"] as? String else { continue }
            let text = Text(body)
            let tokens = Tokenizer.standard.tokenize(text)
            let sentences = SentenceSplitter.standard.split(text, tokens: tokens)
            var mentions = [Mention]()
            for (s, sentence) in sentences.enumerated() {
                for t in sentence.tokens.dropFirst() where tokens[t].isCapitalized && !tokens[t].isAllCaps {
                    mentions.append(Mention(range: tokens[t].range, text: text[tokens[t].range],
                                            actor: text.lowercasedKey(tokens[t].range), type: .person, kind: .name,
                                            sentence: s))
                }
            }
            docs.append(Prepared(text: text, tokens: tokens, sentences: sentences, mentions: mentions))
            bytes += text.count
        }
        return docs
    }

    /// CPU time of this thread: the machine is shared, so wall-clock time would measure the neighbours.
    static func threadCPUTime() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }

    @Test func throughput() throws {
        #if DEBUG
        let limit = 300_000
        #else
        let limit = 4_000_000
        #endif
        guard let docs = Self.corpus(limit: limit) else { return }
        let extractor = EventExtractor()
        let totalBytes = docs.reduce(0) { $0 + $1.text.count }
        var events = 0
        var best = Double.infinity
        for _ in 0..<5 {
            let start = Self.threadCPUTime()
            events = 0
            for doc in docs {
                events += extractor.extract(doc.text, tokens: doc.tokens, sentences: doc.sentences, mentions: doc.mentions,
                                            times: [], documentDate: nil).count
            }
            best = min(best, Double(Self.threadCPUTime() - start))
        }
        let nsPerByte = best / Double(totalBytes)
        // The tokenizer on the same text, as a yardstick for how loaded the machine is.
        var tokenizerBest = Double.infinity
        for _ in 0..<3 {
            let start = Self.threadCPUTime()
            for doc in docs { _ = Tokenizer.standard.tokenize(doc.text) }
            tokenizerBest = min(tokenizerBest, Double(Self.threadCPUTime() - start))
        }
        print("tokenizer: \(String(format: "%.2f", tokenizerBest / Double(totalBytes))) ns/byte")
        print("events: \(docs.count) docs, \(totalBytes) bytes, \(events) events, "
              + "\(String(format: "%.2f", nsPerByte)) ns/byte, \(String(format: "%.0f", 1000 / nsPerByte)) MB/s")
        #expect(events > docs.count / 2)
        #if !DEBUG
        // The machine is shared, so the budget is relative: the event stage costs no more than tokenizing.
        #expect(nsPerByte < tokenizerBest / Double(totalBytes))
        #endif
    }
}

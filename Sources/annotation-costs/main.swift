// Splits a corpus's annotation time into a fixed cost per document and a cost per byte of text: each document is
// annotated alone on this thread, and a least-squares line is fitted to time against size. A corpus of short
// articles (Reuters averages 830 bytes) spends much of its time in what every document costs however short it is
// (arrays and tables made and freed, each stage's set-up); this tool says how much. It then times the corpus in
// groups of 64 documents, as `extract` and `build` annotate it (each stage over the group, working storage kept
// from one document to the next). Each figure is the least of `passes` passes over the corpus, alternating the
// two ways. Timing figures only: nothing here asserts (docs/scale.md, nineteenth session).
//
//   annotation-costs [corpus.jsonl] [passes]
import Annotation
import Corpus
import Dispatch
import Foundation

let arguments = CommandLine.arguments
let path = arguments.count > 1 ? arguments[1] : "../shared/corpus/reuters21578.jsonl"
let passes = max(1, arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3)
guard let handle = FileHandle(forReadingAtPath: path) else {
    FileHandle.standardError.write(Data("annotation-costs: cannot open \(path)\n".utf8))
    exit(2)
}
var documents = [Document]()
var number = 0
LineReader.forEachLine(handle) { line in
    number += 1
    let (document, _) = JSONLinesReader.document(line: line, number: number, location: path,
                                                 fallbackID: "line-\(number)", defaultDate: nil)
    if let document { documents.append(document) }
}
guard !documents.isEmpty else {
    FileHandle.standardError.write(Data("annotation-costs: no documents in \(path)\n".utf8))
    exit(1)
}

let annotator = Annotator()
_ = annotator.annotate(documents[0])  // tables loaded, code paged in

func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

// Per document, the least of its times (for the fit); per pass, the sum (for the totals).
var alone = [Double](repeating: .infinity, count: documents.count)
var aloneTotal = Double.infinity
var grouped = Double.infinity
for _ in 0..<passes {
    var pass = 0.0
    for (k, document) in documents.enumerated() {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = annotator.annotate(document)
        let time = seconds(since: start)
        alone[k] = min(alone[k], time)
        pass += time
    }
    aloneTotal = min(aloneTotal, pass)
    let start = DispatchTime.now().uptimeNanoseconds
    var first = 0
    while first < documents.count {
        let end = min(first + 64, documents.count)
        _ = annotator.annotate(documents[first..<end])
        first = end
    }
    grouped = min(grouped, seconds(since: start))
}

let sizes = documents.map { Double($0.text.utf8.count) }
let total = alone.reduce(0, +)
let bytes = sizes.reduce(0, +)
let meanBytes = bytes / Double(sizes.count), meanSeconds = total / Double(sizes.count)
var sxy = 0.0, sxx = 0.0
for (size, time) in zip(sizes, alone) {
    sxy += (size - meanBytes) * (time - meanSeconds)
    sxx += (size - meanBytes) * (size - meanBytes)
}
let perByte = sxx > 0 ? sxy / sxx : 0
let fixed = meanSeconds - perByte * meanBytes

func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
print("documents            \(documents.count) (\(Int(bytes)) bytes of text), least of \(passes) pass\(passes == 1 ? "" : "es")")
print("each alone, one core \(format(aloneTotal, 3)) s = \(format(aloneTotal / bytes * 1e9, 1)) ns per byte")
print("fitted               \(format(fixed * 1e6, 2)) µs per document + \(format(perByte * 1e9, 1)) ns per byte")
print("fixed part           \(format(fixed * Double(documents.count) / total * 100, 1))% of the time alone (per-document least times)")
print("in groups of 64      \(format(grouped, 3)) s = \(format(grouped / bytes * 1e9, 1)) ns per byte")
print("costliest per byte:")
let costliest = documents.indices.sorted { alone[$0] / sizes[$0] > alone[$1] / sizes[$1] }
for k in costliest.prefix(5) {
    print("  \(documents[k].id)  \(Int(sizes[k])) bytes  \(format(alone[k] * 1e6, 1)) µs")
}

// Splits a corpus's annotation time into a fixed cost per document and a cost per byte of text: each document is
// annotated alone on this thread (`repeats` times, warm), and a least-squares line is fitted to time against
// size. A corpus of short articles (Reuters averages 830 bytes) spends much of its time in what every document
// costs however short it is (arrays and tables made and freed, each stage's set-up); this tool says how much.
// Timing figures only: nothing here asserts (docs/scale.md, nineteenth session).
//
//   annotation-costs [corpus.jsonl] [repeats]
import Annotation
import Corpus
import Dispatch
import Foundation

let arguments = CommandLine.arguments
let path = arguments.count > 1 ? arguments[1] : "../shared/corpus/reuters21578.jsonl"
let repeats = max(1, arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3)
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

struct Cost {
    var id: String
    var bytes: Double
    var seconds: Double
}
var costs = [Cost]()
costs.reserveCapacity(documents.count)
for document in documents {
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<repeats { _ = annotator.annotate(document) }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 / Double(repeats)
    costs.append(Cost(id: document.id, bytes: Double(document.text.utf8.count), seconds: seconds))
}

let total = costs.reduce(0) { $0 + $1.seconds }
let bytes = costs.reduce(0) { $0 + $1.bytes }
let meanBytes = bytes / Double(costs.count), meanSeconds = total / Double(costs.count)
var sxy = 0.0, sxx = 0.0
for c in costs {
    sxy += (c.bytes - meanBytes) * (c.seconds - meanSeconds)
    sxx += (c.bytes - meanBytes) * (c.bytes - meanBytes)
}
let perByte = sxx > 0 ? sxy / sxx : 0
let fixed = meanSeconds - perByte * meanBytes

func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
print("documents            \(costs.count) (\(Int(bytes)) bytes of text), each annotated \(repeats) times")
print("annotation, one core \(format(total, 3)) s = \(format(total / bytes * 1e9, 1)) ns per byte")
print("fitted               \(format(fixed * 1e6, 2)) µs per document + \(format(perByte * 1e9, 1)) ns per byte")
print("fixed part           \(format(fixed * Double(costs.count) / total * 100, 1))% of the annotation time")
print("costliest per byte:")
for c in costs.sorted(by: { $0.seconds / $0.bytes > $1.seconds / $1.bytes }).prefix(5) {
    print("  \(c.id)  \(Int(c.bytes)) bytes  \(format(c.seconds * 1e6, 1)) µs")
}

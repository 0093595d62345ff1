import FuzzDriver
import Annotation
import Corpus

/// libFuzzer entry point for the two JSON-lines readers: the corpus reader (`JSONLinesReader`, one input line per
/// call) and the reader of `extract --text` output (`ExtractJSONReader`), which maps code-point offsets back to
/// UTF-8 byte ranges and must reject every inconsistent offset instead of trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    _ = JSONLinesReader.document(line: bytes, number: 1, location: "fuzz.jsonl", fallbackID: "fuzz",
                                 defaultDate: CalendarDate(year: 2025, month: 10, day: 24))
    _ = JSONLinesReader.document(line: bytes, number: 1, location: "fuzz.jsonl", fallbackID: "fuzz", defaultDate: nil)
    _ = try? ExtractJSONReader.read(bytes)
    return 0
}

/// libFuzzer's driver under `-DFUZZING`, else a replayer of the files named on the command line.
@main struct Harness {
    static func main() {
        FuzzDriver.main { data, size in fuzz(data ?? UnsafePointer(bitPattern: 1)!, size) }
    }
}

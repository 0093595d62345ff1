import FuzzDriver
import Annotation
import Corpus

/// libFuzzer entry point for the text pipeline: any bytes, decoded as UTF-8 (invalid sequences become U+FFFD, as
/// the readers do), are annotated without a date and with a fixed document date (so relative temporal expressions
/// are resolved too), and each result is written as an extract JSON line. The harness only asserts "no crash,
/// no sanitizer report, no hang"; libFuzzer supplies `main`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    var out = JSONOutput()
    for date in [nil, FuzzText.fixedDate] {
        let annotated = FuzzText.annotator.annotate(Document(id: "fuzz", date: date, text: text))
        out.reset()
        ExtractJSON.write(annotated, into: &out, options: ExtractJSON.Options(includeText: true))
    }
    return 0
}

enum FuzzText {
    /// Built once: loading the lexicons per input would drown the fuzzer.
    static let annotator = Annotator()
    static let fixedDate = CalendarDate(year: 2025, month: 10, day: 24)
}

/// libFuzzer's driver under `-DFUZZING`, else a replayer of the files named on the command line.
@main struct Harness {
    static func main() {
        FuzzDriver.main { data, size in fuzz(data ?? UnsafePointer(bitPattern: 1)!, size) }
    }
}

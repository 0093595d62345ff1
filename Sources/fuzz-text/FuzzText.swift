import Glibc
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

/// SwiftPM links every executable with `main` aliased to the module's entry point, so the harness keeps one:
/// under libFuzzer (`-DFUZZING`, see scripts/fuzz.sh) it hands the command line to libFuzzer's driver; in a plain
/// `swift build` it replays each file named on the command line once, so a saved crash input can be checked in a
/// debugger or without sanitizers.
@main struct Harness {
    static func main() {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzz(data ?? UnsafePointer(bitPattern: 1)!, size) })
        #else
        for path in CommandLine.arguments.dropFirst() {
            guard let file = fopen(path, "rb") else { print("cannot open \(path)"); continue }
            var bytes = [UInt8]()
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = fread(&buffer, 1, buffer.count, file)
                if n <= 0 { break }
                bytes += buffer[0..<n]
            }
            fclose(file)
            let status = bytes.withUnsafeBufferPointer { fuzz($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
            print("\(path): \(bytes.count) bytes, status \(status)")
        }
        #endif
    }
}

#if FUZZING
/// libFuzzer's documented entry point for programs that keep their own `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif

import FuzzDriver
import Corpus

/// libFuzzer entry point for the markup readers: the same bytes go through the (recovering) HTML reader and the
/// (strict) RSS / Atom feed reader, both via libxml2.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    _ = HTMLReader.readWithDiagnostics(bytes: bytes, fallbackID: "fuzz.html")
    _ = FeedReader.readWithDiagnostics(bytes: bytes, fallbackID: "fuzz.xml")
    return 0
}

/// libFuzzer's driver under `-DFUZZING`, else a replayer of the files named on the command line.
@main struct Harness {
    static func main() {
        FuzzDriver.main { data, size in fuzz(data ?? UnsafePointer(bitPattern: 1)!, size) }
    }
}

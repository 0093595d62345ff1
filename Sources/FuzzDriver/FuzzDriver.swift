import Glibc

/// The `main` every libFuzzer harness shares. SwiftPM links each executable with `main` aliased to the module's
/// entry point, so a harness keeps one and hands it here: under libFuzzer (`-DFUZZING`, see scripts/fuzz.sh) the
/// command line goes to libFuzzer's driver; in a plain `swift build` each file named on the command line is
/// replayed once, so a saved crash input can be checked in a debugger or without sanitizers.
public enum FuzzDriver {
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    public static func main(_ testOneInput: TestOneInput) -> Never {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
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
            let status = bytes.withUnsafeBufferPointer { testOneInput($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
            print("\(path): \(bytes.count) bytes, status \(status)")
        }
        exit(0)
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

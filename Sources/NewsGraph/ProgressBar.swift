import Foundation

/// A one-line progress display on standard error for long runs: a bar with the share of the input read when
/// its size is known, documents, speed and time left. Drawn only when standard error is a terminal, so logs,
/// pipes and tests see nothing; redrawn at most ten times a second.
public final class ProgressBar {
    private let total: Int?
    private let enabled: Bool
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var drawn = false

    /// `total`: input bytes (`CorpusReader.inputSize`), nil when unknown; worked out only when the bar is
    /// drawn, since it stats every input file.
    public init(total: @autoclosure () -> Int?, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = enabled ? total() : nil
        self.enabled = enabled
    }

    /// After each document: `bytes` of input read so far, `documents` done.
    public func update(bytes: Int, documents: Int) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - lastDraw > 100_000_000 else { return }
        lastDraw = now
        draw(Self.line(bytes: bytes, documents: documents, total: total, seconds: Double(now - started) / 1e9))
    }

    /// The run moved on to a stage without a count ("building the graph").
    public func stage(_ name: String) {
        guard enabled else { return }
        draw(name + "…")
    }

    /// Clears the line, leaving the terminal as it was.
    public func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }

    private func draw(_ text: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
        drawn = true
    }

    /// The text of the line, e.g. `[#########...........]  45%  8,123 documents  7.1 MB/s  0:02 left`.
    static func line(bytes: Int, documents: Int, total: Int?, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(bytes) / 1e6 / seconds : 0
        let speed = String(format: "%.1f MB/s", rate)
        let counted = "\(documents) document\(documents == 1 ? "" : "s")"
        if bytes == 0 && total == nil { return counted }  // e.g. annotations loaded from elsewhere
        guard let total, total > 0 else {
            return "\(counted)  \(String(format: "%.1f", Double(bytes) / 1e6)) MB  \(speed)"
        }
        let share = min(1, Double(bytes) / Double(total))
        let width = 24
        let filled = Int(share * Double(width))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
        let left = share > 0 ? Int(seconds / share - seconds) : 0
        return "\(bar) \(String(format: "%3d", Int(share * 100)))%  \(counted)  \(speed)  "
            + "\(left / 60):\(String(format: "%02d", left % 60)) left"
    }
}

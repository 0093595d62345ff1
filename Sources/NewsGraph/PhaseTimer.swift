import Dispatch
import Foundation

/// Wall-clock seconds and peak memory per stage of a build, for `--timings` and the benchmark: speed and
/// memory are measured, so the measurement says where the time and the memory go.
public struct PhaseTimer: Sendable {
    public struct Phase: Sendable {
        public var name: String
        public var seconds: Double
        /// The process's peak resident memory so far, in MB, when the phase ended.
        public var peakMB: Double
    }

    public private(set) var phases = [Phase]()
    private var started = DispatchTime.now().uptimeNanoseconds

    public init() {}

    /// Ends the current phase under `name` and starts the next.
    public mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append(Phase(name: name, seconds: Double(now - started) / 1e9, peakMB: Self.peakMB()))
        started = now
    }

    /// getrusage's maximum resident set size (kilobytes on Linux).
    static func peakMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}

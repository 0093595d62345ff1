import Dispatch
import Foundation

/// Wall-clock seconds, CPU seconds and peak memory per stage of a build, for `--timings` and the benchmark: speed and
/// memory are measured, so the measurement says where the time and the memory go.
public struct PhaseTimer: Sendable {
    public struct Phase: Sendable {
        public var name: String
        public var seconds: Double
        /// CPU seconds (user and system, all threads) spent in the phase: above `seconds` when cores work side
        /// by side, below it when the phase waits (for the disk, or for one thread).
        public var cpuSeconds: Double
        /// The process's peak resident memory so far, in MB, when the phase ended.
        public var peakMB: Double
    }

    public private(set) var phases = [Phase]()
    private var started = DispatchTime.now().uptimeNanoseconds
    private var cpuStarted = Self.cpuSeconds()

    public init() {}

    /// Ends the current phase under `name` and starts the next.
    public mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds, cpu = Self.cpuSeconds()
        phases.append(Phase(name: name, seconds: Double(now - started) / 1e9, cpuSeconds: cpu - cpuStarted,
                            peakMB: Self.peakMB()))
        started = now
        cpuStarted = cpu
    }

    /// The process's user and system CPU time so far.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// getrusage's maximum resident set size (kilobytes on Linux).
    static func peakMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}

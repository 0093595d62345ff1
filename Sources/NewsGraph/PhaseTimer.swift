import Dispatch

/// Wall-clock seconds per stage of a build, for `--timings` and the benchmark: speed is measured, so the
/// measurement says where the time goes.
public struct PhaseTimer: Sendable {
    public private(set) var phases = [(name: String, seconds: Double)]()
    private var started = DispatchTime.now().uptimeNanoseconds

    public init() {}

    /// Ends the current phase under `name` and starts the next.
    public mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append((name, Double(now - started) / 1e9))
        started = now
    }
}

import Corpus

/// How precise a TIMEX3 date value is.
public enum DatePrecision: String, Codable, Comparable, Sendable {
    case time, day, week, month, quarter, season, year, decade, century

    private var rank: Int {
        switch self {
        case .time: return 0
        case .day: return 1
        case .week: return 2
        case .month: return 3
        case .quarter: return 4
        case .season: return 5
        case .year: return 6
        case .decade: return 7
        case .century: return 8
        }
    }

    public static func < (a: DatePrecision, b: DatePrecision) -> Bool { a.rank < b.rank }
}

/// A TIMEX3 date value read as a calendar period: where it starts and how precise it is.
/// Values that name no calendar period (`XXXX-10-21`, `PRESENT_REF`, durations) have none.
public struct CalendarPeriod: Hashable, Sendable {
    public var start: CalendarDate
    public var precision: DatePrecision

    public init(start: CalendarDate, precision: DatePrecision) {
        self.start = start
        self.precision = precision
    }

    public init?(timex value: String) {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first else { return nil }
        func int(_ s: String) -> Int? { s.allSatisfy(\.isNumber) && !s.isEmpty ? Int(s) : nil }
        // Decades and centuries: "199" (1990s), "19" (1900s).
        if parts.count == 1 {
            if first.count == 4, let y = int(first) {
                self.init(start: CalendarDate(year: y, month: 1, day: 1), precision: .year)
                return
            }
            if first.count == 3, let d = int(first) {
                self.init(start: CalendarDate(year: d * 10, month: 1, day: 1), precision: .decade)
                return
            }
            if first.count == 2, let c = int(first) {
                self.init(start: CalendarDate(year: c * 100, month: 1, day: 1), precision: .century)
                return
            }
            return nil
        }
        guard first.count == 4, let year = int(first) else { return nil }
        let second = parts[1]
        if second.hasPrefix("W"), let week = int(String(second.dropFirst())), parts.count == 2 || parts.count == 3 {
            // ISO week: the Monday of week `week`.
            let jan4 = CalendarDate(year: year, month: 1, day: 4)
            let week1Monday = jan4.adding(days: 1 - jan4.weekday)
            self.init(start: week1Monday.adding(days: (week - 1) * 7), precision: .week)
            return
        }
        if second.hasPrefix("Q"), let q = int(String(second.dropFirst())), (1...4).contains(q) {
            self.init(start: CalendarDate(year: year, month: (q - 1) * 3 + 1, day: 1), precision: .quarter)
            return
        }
        let seasons = ["SP": 3, "SU": 6, "FA": 9, "WI": 12]
        if let month = seasons[second] {
            self.init(start: CalendarDate(year: year, month: month, day: 1), precision: .season)
            return
        }
        if second.hasPrefix("H"), let h = int(String(second.dropFirst())), (1...2).contains(h) {
            self.init(start: CalendarDate(year: year, month: h == 1 ? 1 : 7, day: 1), precision: .quarter)
            return
        }
        guard let month = int(second), (1...12).contains(month) else { return nil }
        if parts.count == 2 {
            self.init(start: CalendarDate(year: year, month: month, day: 1), precision: .month)
            return
        }
        let dayPart = parts[2]
        let dayDigits = String(dayPart.prefix(2))
        guard let day = int(dayDigits), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.init(start: CalendarDate(year: year, month: month, day: day), precision: dayPart.count > 2 ? .time : .day)
    }
}

/// Events in date order, grouped by date value; undated events kept apart.
public struct Timeline: Sendable {
    public struct Entry: Sendable {
        /// The TIMEX3 value shared by the entry's events.
        public var date: String
        public var period: CalendarPeriod
        /// The entry's events, or its first ones when the timeline keeps only a few per date.
        public var events: [GraphEvent]
        /// How many events the entry has in all.
        public var count: Int
    }

    public var entries: [Entry]
    /// The undated events, or the first ones when the timeline keeps only a few.
    public var undated: [GraphEvent]
    public var undatedCount: Int

    public init(events: [GraphEvent]) {
        var builder = Builder(keepingPerDate: nil)
        for event in events { builder.add(event) }
        self = builder.timeline
    }

    /// Groups events read one at a time, keeping at most `keep` per date and undated (every one when nil),
    /// with full counts: a timeline picture or a summary of a million events needs only the counts and a few.
    public init(events: EventList, keepingPerDate keep: Int?) throws {
        var builder = Builder(keepingPerDate: keep)
        try events.forEach { builder.add($0) }
        self = builder.timeline
    }

    /// Whether events with this date value are dated: it names a calendar period. Events without a date, or
    /// with one that names none, are the undated.
    public static func isDated(_ date: String?) -> Bool {
        date.flatMap { CalendarPeriod(timex: $0) } != nil
    }

    /// The number of dated events.
    public var datedCount: Int { entries.reduce(0) { $0 + $1.count } }

    /// Groups events handed over one at a time (as a build finds them), keeping at most `keep` per date.
    public struct Builder: Sendable {
        let keep: Int?
        /// Each date value's entry, or -1 for a value that names no calendar period (its events are undated).
        var index = [String: Int]()
        var entries = [Entry]()
        var undated = [GraphEvent]()
        var undatedCount = 0

        public init(keepingPerDate keep: Int?) { self.keep = keep }

        public mutating func add(_ event: GraphEvent) {
            if let i = entry(for: event.date) {
                entries[i].count += 1
                if keep.map({ entries[i].events.count < $0 }) ?? true { entries[i].events.append(event) }
                return
            }
            undatedCount += 1
            if keep.map({ undated.count < $0 }) ?? true { undated.append(event) }
        }

        /// Counts `count` events dated `date` without handing them over: a stored graph's timeline is counted
        /// from its dates alone, and only the events it keeps are read whole (`keepCounted`).
        public mutating func add(date: String?, count: Int) {
            if let i = entry(for: date) { entries[i].count += count } else { undatedCount += count }
        }

        /// Keeps an event already counted by `add(date:count:)`, after those kept for its date before it. The
        /// caller picks which (the first few of each date, as `add(_:)` would).
        public mutating func keepCounted(_ event: GraphEvent) {
            if let i = entry(for: event.date) { entries[i].events.append(event) } else { undated.append(event) }
        }

        /// The entry of a date value, made on first sight; nil for none or a value that names no calendar
        /// period (its events are undated).
        private mutating func entry(for date: String?) -> Int? {
            guard let date else { return nil }
            if let known = index[date] { return known >= 0 ? known : nil }
            guard let period = CalendarPeriod(timex: date) else {
                index[date] = -1
                return nil
            }
            index[date] = entries.count
            entries.append(Entry(date: date, period: period, events: [], count: 0))
            return entries.count - 1
        }

        public var timeline: Timeline {
            // Earlier start first; at the same start, the coarser period first (October before October 21).
            let sorted = entries.sorted {
                ($0.period.start, $1.period.precision, $0.date) < ($1.period.start, $0.period.precision, $1.date)
            }
            return Timeline(entries: sorted, undated: undated, undatedCount: undatedCount)
        }
    }

    private init(entries: [Entry], undated: [GraphEvent], undatedCount: Int) {
        self.entries = entries
        self.undated = undated
        self.undatedCount = undatedCount
    }
}

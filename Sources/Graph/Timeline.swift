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
        public var events: [GraphEvent]
    }

    public var entries: [Entry]
    public var undated: [GraphEvent]

    public init(events: [GraphEvent]) {
        var byDate = [String: [GraphEvent]]()
        var undated = [GraphEvent]()
        for event in events {
            if let date = event.date, CalendarPeriod(timex: date) != nil {
                byDate[date, default: []].append(event)
            } else {
                undated.append(event)
            }
        }
        entries = byDate.compactMap { date, events in
            CalendarPeriod(timex: date).map { Entry(date: date, period: $0, events: events) }
        }
        // Earlier start first; at the same start, the coarser period first (October before October 21).
        .sorted {
            ($0.period.start, $1.period.precision, $0.date) < ($1.period.start, $0.period.precision, $1.date)
        }
        self.undated = undated
    }
}

extension Timeline {
    /// How many events a timeline of `events` dates, and its dates in timeline order (one per distinct value),
    /// without grouping the events: what a summary needs, at the cost of one parse per distinct date.
    public static func datedExtent(of events: [GraphEvent]) -> (dated: Int, dates: [(period: CalendarPeriod, date: String)]) {
        var periods = [String: CalendarPeriod?]()
        var dated = 0
        for event in events {
            guard let date = event.date else { continue }
            let period: CalendarPeriod?
            if let known = periods[date] {
                period = known
            } else {
                period = CalendarPeriod(timex: date)
                periods[date] = period
            }
            if period != nil { dated += 1 }
        }
        let dates = periods.compactMap { date, period in period.map { (period: $0, date: date) } }
            .sorted { ($0.period.start, $1.period.precision, $0.date) < ($1.period.start, $0.period.precision, $1.date) }
        return (dated, dates)
    }
}


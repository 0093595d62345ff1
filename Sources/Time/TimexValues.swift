import Corpus

/// TIMEX3 value strings and the calendar arithmetic behind them.
enum Timex {
    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    static func year(_ y: Int) -> String { pad(y, 4) }
    static func month(_ y: Int, _ m: Int) -> String { "\(pad(y, 4))-\(pad(m, 2))" }
    static func day(_ d: CalendarDate) -> String { d.description }
    static func quarter(_ y: Int, _ q: Int) -> String { "\(pad(y, 4))-Q\(q)" }
    static func half(_ y: Int, _ h: Int) -> String { "\(pad(y, 4))-H\(h)" }
    static func season(_ y: Int, _ s: String) -> String { "\(pad(y, 4))-\(s)" }

    /// ISO week of a day: `2025-W43`.
    static func week(_ d: CalendarDate) -> String {
        let w = d.isoWeek
        return "\(pad(w.year, 4))-W\(pad(w.week, 2))"
    }

    static func weekend(_ d: CalendarDate) -> String { week(d) + "-WE" }

    static func quarterOf(_ d: CalendarDate) -> Int { (d.month - 1) / 3 + 1 }

    /// Moves a (year, quarter) pair by `n` quarters.
    static func addQuarters(_ y: Int, _ q: Int, _ n: Int) -> (Int, Int) {
        let total = y * 4 + (q - 1) + n
        let ny = total >= 0 ? total / 4 : (total - 3) / 4
        return (ny, total - ny * 4 + 1)
    }

    /// The Monday of the ISO week holding `d`.
    static func monday(of d: CalendarDate) -> CalendarDate { d.adding(days: 1 - d.weekday) }

    /// A weekday in the ISO week that holds `d`.
    static func weekday(_ wd: Int, inWeekOf d: CalendarDate) -> CalendarDate { monday(of: d).adding(days: wd - 1) }

    /// Easter Sunday (anonymous Gregorian algorithm).
    static func easter(_ y: Int) -> CalendarDate {
        let a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: y, month: month, day: day)
    }

    /// The n-th given weekday of a month (n = -1: the last one).
    static func nthWeekday(_ n: Int, _ wd: Int, month: Int, year: Int) -> CalendarDate {
        if n > 0 {
            let first = CalendarDate(year: year, month: month, day: 1)
            let offset = (wd - first.weekday + 7) % 7
            return first.adding(days: offset + 7 * (n - 1))
        }
        let last = CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
        return last.adding(days: -((last.weekday - wd + 7) % 7))
    }

    /// Parses the calendar part of a value this tagger produced: day, month, year, quarter.
    enum Granularity: Equatable {
        case day(CalendarDate), month(Int, Int), year(Int), quarter(Int, Int), week(CalendarDate), other
    }

    static func granularity(of value: String) -> Granularity {
        value.withBorrowedUTF8 { granularity(of: $0) }
    }

    /// `granularity(of:)` on a value's bytes, read in place (the tagger asks for every date it finds).
    static func granularity(of b: UnsafeBufferPointer<UInt8>) -> Granularity {
        func num(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= b.count else { return nil }
            var v = 0
            for i in r {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int(b[i] - 48)
            }
            return v
        }
        guard let y = num(0..<4) else { return .other }
        if b.count == 4 { return .year(y) }
        guard b.count >= 7, b[4] == UInt8(ascii: "-") else { return .other }
        if b[5] == UInt8(ascii: "Q"), let q = num(6..<7) { return .quarter(y, q) }
        if b[5] == UInt8(ascii: "W"), let w = num(6..<8), b.count == 8 {
            // Thursday of ISO week w.
            let jan4 = CalendarDate(year: y, month: 1, day: 4)
            let day = monday(of: jan4).adding(days: (w - 1) * 7 + 3)
            return .week(day)
        }
        guard let m = num(5..<7), m >= 1, m <= 12 else { return .other }
        if b.count == 7 { return .month(y, m) }
        if b.count >= 10, b[7] == UInt8(ascii: "-"), let d = num(8..<10), d >= 1, d <= CalendarDate.daysIn(month: m, year: y) {
            return .day(CalendarDate(year: y, month: m, day: d))
        }
        return .other
    }
}

/// A day in the proleptic Gregorian calendar: the creation date of a document and the anchor that
/// relative temporal expressions ("yesterday", "next week") are resolved against.
///
/// Plain integers rather than Foundation's `Date` so that no time zone or clock can leak in.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, optionally followed by a time (`T…` or a space), as found in metadata.
    /// Returns nil for anything that is not a valid calendar day.
    public init?(iso: some StringProtocol) {
        // Read in place where the string's bytes are contiguous (dates are parsed for every node and edge of an
        // export; copying each into an array cost more than the parse).
        let read = iso.utf8.withContiguousStorageIfAvailable(Self.day)
        guard let day = read ?? Array(iso.utf8).withUnsafeBufferPointer(Self.day) else { return nil }
        self = day
    }

    /// `init(iso:)` for a `String`, the common case: the generic one is not specialized across modules, and
    /// calling it through witness tables cost five times the parse (the exports check each node's and edge's dates).
    public init?(iso: String) {
        var iso = iso
        guard let day = iso.withUTF8(Self.day) else { return nil }
        self = day
    }

    /// The calendar day `YYYY-MM-DD` (and what may follow it, as `fields` allows) names; nil for no valid day.
    private static func day(_ bytes: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        guard let (y, m, d) = fields(bytes),
              m >= 1, m <= 12, d >= 1, d <= CalendarDate.daysIn(month: m, year: y) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    /// Year, month and day of `YYYY-MM-DD`, which may be followed by `T`, a space, `Z` or `+` and more.
    private static func fields(_ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let b = bytes[i]
                guard b >= 48, b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        if bytes.count > 10 {
            let next = bytes[10]
            guard next == UInt8(ascii: "T") || next == UInt8(ascii: " ") || next == UInt8(ascii: "Z")
                || next == UInt8(ascii: "+") else { return nil }
        }
        return (y, m, d)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's civil-from-days algorithm.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29).
    public func adding(months: Int) -> CalendarDate {
        let total = year * 12 + (month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        return CalendarDate(year: y, month: m, day: min(day, CalendarDate.daysIn(month: m, year: y)))
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (dayNumber + 3) % 7  // 1970-01-01 was a Thursday (ISO 4)
        return (w < 0 ? w + 7 : w) + 1
    }

    /// ISO 8601 week-numbering year and week, as TIMEX3 `YYYY-Www` values use.
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        let jan1 = CalendarDate(year: thursday.year, month: 1, day: 1)
        return (thursday.year, (thursday.dayNumber - jan1.dayNumber) / 7 + 1)
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        // Written as ten bytes for the years 0...9999 that text carries: events and timex values ask for a date's
        // text often enough (100,000 times in 3,000 articles) that interpolating padded parts cost 1.5% of `extract`.
        if (0...9999).contains(year), (1...12).contains(month), (1...31).contains(day) {
            return String(unsafeUninitializedCapacity: 10) { out in
                func digits(_ value: Int, _ width: Int, at start: Int) {
                    var v = value
                    for k in (start..<(start + width)).reversed() {
                        out[k] = UInt8(ascii: "0") + UInt8(v % 10)
                        v /= 10
                    }
                }
                digits(year, 4, at: 0)
                out[4] = UInt8(ascii: "-")
                digits(month, 2, at: 5)
                out[7] = UInt8(ascii: "-")
                digits(day, 2, at: 8)
                return 10
            }
        }
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

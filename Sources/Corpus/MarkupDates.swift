/// Publication dates as feeds and web pages write them, read as the calendar day the publisher wrote
/// (time and zone are not converted: the day in the source's own zone is the document's day).
public enum MarkupDates {
    /// ISO 8601 / RFC 3339 (`2024-03-05`, `2024-03-05T10:00:00+01:00`), else RFC 822 / 2822.
    public static func parse(_ text: String) -> CalendarDate? {
        let trimmed = MarkupText.collapse(text)
        guard !trimmed.isEmpty else { return nil }
        if let iso = CalendarDate(iso: trimmed) { return iso }
        // ISO with a zone right after the day ("2024-03-05-05:00") or a compact time.
        if trimmed.utf8.count > 10, let day = CalendarDate(iso: String(trimmed.prefix(10))),
           trimmed.utf8.dropFirst(10).first.map({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "t") }) == true {
            return day
        }
        return rfc822(trimmed)
    }

    static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]

    /// `Tue, 05 Mar 2024 10:00:00 GMT`, `5 March 2024`, `05 Mar 24 10:00 +0100` (two-digit years as RFC 2822
    /// reads them: 00–49 → 2000s, 50–99 → 1900s). Lenient about weekday and word order, strict about the day.
    public static func rfc822(_ text: String) -> CalendarDate? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        var day: Int?
        var month: Int?
        var year: Int?
        for word in words {
            if word.contains(":") { continue }  // the time
            let lower = word.lowercased()
            if month == nil, lower.count >= 3, let m = months[String(lower.prefix(3))], lower.allSatisfy(\.isLetter) {
                month = m
                continue
            }
            guard word.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(word) else { continue }
            if day == nil, month == nil || year == nil, word.count <= 2, value >= 1, value <= 31, year == nil {
                day = value
            } else if year == nil, word.count == 4 {
                year = value
            } else if year == nil, word.count == 2, day != nil {
                year = value < 50 ? 2000 + value : 1900 + value
            }
        }
        guard let d = day, let m = month, let y = year, d <= CalendarDate.daysIn(month: m, year: y) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }
}

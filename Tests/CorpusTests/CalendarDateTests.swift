import Testing
@testable import Corpus

@Suite struct CalendarDateTests {
    @Test func parsesISODatesAndDateTimes() {
        #expect(CalendarDate(iso: "2025-10-24") == CalendarDate(year: 2025, month: 10, day: 24))
        #expect(CalendarDate(iso: "1987-02-26T15:01:01") == CalendarDate(year: 1987, month: 2, day: 26))
        #expect(CalendarDate(iso: "2025-02-29") == nil)
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "yesterday") == nil)
        #expect(CalendarDate(iso: "2025-13-01") == nil)
        #expect(CalendarDate(iso: "2025-10-24x") == nil)
    }

    @Test func arithmeticAndWeekdays() {
        let friday = CalendarDate(year: 2025, month: 10, day: 24)
        #expect(friday.weekday == 5)
        #expect(friday.adding(days: -3).description == "2025-10-21")
        #expect(friday.adding(days: 8).description == "2025-11-01")
        #expect(CalendarDate(dayNumber: 0).description == "1970-01-01")
        #expect(CalendarDate(year: 2025, month: 1, day: 31).adding(months: 1).description == "2025-02-28")
        #expect(CalendarDate(year: 2025, month: 1, day: 15).adding(months: -2).description == "2024-11-15")
        #expect(friday.isoWeek == (2025, 43))
        #expect(CalendarDate(year: 2021, month: 1, day: 1).isoWeek == (2020, 53))
    }

    /// Years of fewer than four digits are zero-padded ("0987"); a year past 9999 keeps all its digits.
    @Test(arguments: [
        (CalendarDate(year: 987, month: 3, day: 5), "0987-03-05"),
        (CalendarDate(year: 0, month: 1, day: 1), "0000-01-01"),
        (CalendarDate(year: 9999, month: 12, day: 31), "9999-12-31"),
        (CalendarDate(year: 12025, month: 10, day: 24), "12025-10-24"),
    ])
    func writesISOText(date: CalendarDate, text: String) {
        #expect(date.description == text)
        #expect(CalendarDate(iso: date.description) == (date.year <= 9999 ? date : nil))
    }
}

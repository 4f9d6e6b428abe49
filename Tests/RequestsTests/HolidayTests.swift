import Foundation
import Testing
@testable import Requests

private func day(_ iso: String) throws -> Day {
    try #require(Day(iso: iso), "bad test date \(iso)")
}

@Suite("Norwegian public holidays")
struct HolidayTests {
    @Test("Easter Sunday", arguments: [
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"),
        (2027, "2027-03-28"), (2030, "2030-04-21"), (2019, "2019-04-21"),
        (2008, "2008-03-23"), (2038, "2038-04-25"), (2000, "2000-04-23"),
    ])
    func easter(year: Int, expected: String) throws {
        #expect(NorwegianHolidays.easterSunday(in: year) == (try day(expected)))
    }

    @Test func holidaysOf2026InCalendarOrder() throws {
        let expected = try [
            "2026-01-01", "2026-04-02", "2026-04-03", "2026-04-05", "2026-04-06", "2026-05-01",
            "2026-05-14", "2026-05-17", "2026-05-24", "2026-05-25", "2026-12-25", "2026-12-26",
        ].map(day)
        #expect(NorwegianHolidays.holidays(in: 2026) == expected)
    }

    @Test func movableHolidaysOf2025() throws {
        let holidays = NorwegianHolidays.holidays(in: 2025)
        for iso in ["2025-04-17", "2025-04-18", "2025-04-20", "2025-04-21", "2025-05-29", "2025-06-08", "2025-06-09"] {
            #expect(holidays.contains(try day(iso)), "\(iso)")
        }
        #expect(holidays.count == 12)
    }

    @Test func everyYearHasTheSameHolidaysCounted() {
        for year in 1900...2200 {
            let holidays = NorwegianHolidays.holidays(in: year)
            // 12, or 11 when Ascension Day falls on 1 or 17 May.
            #expect((11...12).contains(holidays.count), "\(year)")
            #expect(holidays == holidays.sorted())
            #expect(holidays.allSatisfy { $0.year == year })
            #expect(NorwegianHolidays.easterSunday(in: year)?.isoWeekday == 7, "\(year)")
        }
    }

    @Test func isHolidayAndWorkingDays() throws {
        #expect(NorwegianHolidays.isHoliday(try day("2026-05-17")))
        #expect(NorwegianHolidays.isHoliday(try day("2027-12-26")))
        #expect(!NorwegianHolidays.isHoliday(try day("2026-05-18")))
        #expect(!NorwegianHolidays.isHoliday(try day("2026-12-24")))  // julaften is no public holiday
        #expect(NorwegianHolidays.isWorkingDay(try day("2026-05-18")))   // Monday
        #expect(!NorwegianHolidays.isWorkingDay(try day("2026-05-16")))  // Saturday
        #expect(!NorwegianHolidays.isWorkingDay(try day("2026-04-06")))  // Easter Monday
        #expect(NorwegianHolidays.nextWorkingDay(onOrAfter: try day("2026-04-02")) == (try day("2026-04-07")))
    }

    @Test func yearsOutsideTheCalendarHaveNoHolidays() {
        #expect(NorwegianHolidays.holidays(in: 0).isEmpty)
        #expect(NorwegianHolidays.holidays(in: 10_000).isEmpty)
        #expect(NorwegianHolidays.easterSunday(in: -5) == nil)
    }
}

@Suite("Day")
struct DayTests {
    @Test func isoTextRoundTrips() throws {
        #expect(try day("2026-05-17").description == "2026-05-17")
        #expect(Day(year: 987, month: 1, day: 2)?.description == "0987-01-02")
    }

    @Test func invalidDaysAreRejected() {
        #expect(Day(year: 2025, month: 2, day: 29) == nil)
        #expect(Day(year: 2024, month: 2, day: 29) != nil)
        #expect(Day(year: 2026, month: 13, day: 1) == nil)
        #expect(Day(year: 2026, month: 4, day: 31) == nil)
        #expect(Day(year: 0, month: 1, day: 1) == nil)
        for text in ["", "2026-5-17", "2026-05-17x", "20260517", "２０２６-05-17", "2026-05--1", "abcd-ef-gh"] {
            #expect(Day(iso: text) == nil, "\(text)")
        }
    }

    @Test func weekdaysAndOrdering() throws {
        #expect(try day("1970-01-01").isoWeekday == 4)
        #expect(try day("2026-05-17").isoWeekday == 7)
        #expect(try day("1969-12-29").isoWeekday == 1)
        #expect(try day("2026-05-17") < (try day("2026-05-18")))
        #expect(try day("2025-12-31") < (try day("2026-01-01")))
    }

    @Test func addingDaysAndMonths() throws {
        #expect(try day("2024-02-28").adding(days: 1) == (try day("2024-02-29")))
        #expect(try day("2025-12-31").adding(days: 1) == (try day("2026-01-01")))
        #expect(try day("2026-03-01").adding(days: -1) == (try day("2026-02-28")))
        #expect(try day("2026-01-31").adding(months: 1) == (try day("2026-02-28")))
        #expect(try day("2025-12-31").adding(months: 2) == (try day("2026-02-28")))
        #expect(try day("2026-03-31").adding(months: -1) == (try day("2026-02-28")))
        #expect(try day("9999-12-01").adding(months: 5) == Day.last)
        #expect(try day("2026-01-01").adding(days: Int.max) == Day.last)
    }

    @Test func codableAsISOText() throws {
        let encoded = try JSONEncoder().encode([try day("2026-05-17")])
        #expect(String(decoding: encoded, as: UTF8.self) == "[\"2026-05-17\"]")
        #expect(try JSONDecoder().decode([Day].self, from: encoded) == [try day("2026-05-17")])
        for bad in ["[\"2026-02-30\"]", "[\"17.05.2026\"]", "[20260517]"] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode([Day].self, from: Data(bad.utf8)) }
        }
    }

    @Test func dayNumbersRoundTripOverCenturies() {
        for number in stride(from: -200_000, through: 200_000, by: 997) {
            #expect(Day(daysSinceEpoch: number).daysSinceEpoch == number)
        }
    }
}

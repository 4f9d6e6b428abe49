import Foundation
import Testing
@testable import Requests

private func day(_ iso: String) throws -> Day {
    try #require(Day(iso: iso), "bad test date \(iso)")
}

private func instant(_ iso: String) throws -> Date {
    try #require(ISO8601DateFormatter().date(from: iso), "bad test instant \(iso)")
}

@Suite("Due dates (GDPR Art. 12(3))")
struct DueDateTests {
    @Test("one month, month ends and weekends", arguments: [
        ("2025-01-31", "2025-02-28"),  // non-leap year: last day of February (Friday)
        ("2024-01-31", "2024-02-29"),  // leap year (Thursday)
        ("2028-01-31", "2028-02-29"),  // leap year (Tuesday)
        ("2026-01-31", "2026-03-02"),  // 28 Feb 2026 is a Saturday
        ("2026-03-31", "2026-04-30"),  // 31 → 30
        ("2025-05-31", "2025-06-30"),
        ("2025-08-31", "2025-09-30"),
        ("2025-04-30", "2025-05-30"),  // 30 → 30
        ("2025-10-31", "2025-12-01"),  // 30 Nov 2025 is a Sunday
        ("2024-12-31", "2025-01-31"),  // 31 Dec → 31 Jan across the year (Friday)
        ("2025-12-31", "2026-02-02"),  // 31 Jan 2026 is a Saturday
        ("2026-12-31", "2027-02-01"),  // 31 Jan 2027 is a Sunday
        ("2026-02-14", "2026-03-16"),  // Saturday
        ("2026-01-10", "2026-02-10"),  // ordinary Tuesday
    ])
    func monthEndsAndWeekends(received: String, expected: String) throws {
        #expect(DueDate.due(receivedOn: try day(received)) == (try day(expected)))
    }

    @Test("due day on a public holiday", arguments: [
        ("2026-03-02", "2026-04-07"),  // Maundy Thursday → past Easter to Tuesday
        ("2026-03-03", "2026-04-07"),  // Good Friday
        ("2026-03-06", "2026-04-07"),  // Easter Monday
        ("2030-03-18", "2030-04-23"),  // Maundy Thursday 2030
        ("2027-04-17", "2027-05-18"),  // 17 May 2027, a Monday
        ("2026-04-17", "2026-05-18"),  // 17 May 2026, a Sunday
        ("2026-04-01", "2026-05-04"),  // 1 May 2026, a Friday
        ("2026-04-14", "2026-05-15"),  // Ascension Day 2026
        ("2026-04-25", "2026-05-26"),  // Whit Monday 2026
        ("2026-11-25", "2026-12-28"),  // 25 Dec 2026 (Friday), 26 Dec Saturday
        ("2025-11-25", "2025-12-29"),  // 25 Dec 2025 (Thursday)
        ("2025-11-26", "2025-12-29"),  // 26 Dec 2025 (Friday)
    ])
    func holidays(received: String, expected: String) throws {
        #expect(DueDate.due(receivedOn: try day(received)) == (try day(expected)))
    }

    @Test func dueDayIsAlwaysAWorkingDayAndAtLeastAMonthLater() throws {
        var received = try day("2024-01-01")
        while received < (try day("2031-01-01")) {
            let due = DueDate.due(receivedOn: received)
            #expect(NorwegianHolidays.isWorkingDay(due), "\(received)")
            #expect(due >= received.adding(months: 1), "\(received)")
            #expect(due <= received.adding(months: 1).adding(days: 6), "\(received)")
            received = received.adding(days: 1)
        }
    }

    @Test func lateEveningUTCIsAlreadyTheNextDayInOslo() throws {
        // 23:30 UTC on 30 January is 00:30 on 31 January in Oslo (CET).
        let winter = try instant("2026-01-30T23:30:00Z")
        #expect(Day(winter) == (try day("2026-01-31")))
        #expect(DueDate.due(receivedAt: winter) == (try day("2026-03-02")))
        // 22:30 UTC on 30 June is 00:30 on 1 July in Oslo (CEST).
        let summer = try instant("2026-06-30T22:30:00Z")
        #expect(DueDate.due(receivedAt: summer) == (try day("2026-08-03")))
        // The same instant counted in UTC is still 30 June.
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(DueDate.due(receivedAt: summer, timeZone: utc) == (try day("2026-07-30")))
        // 22:59 UTC in winter is still the same day in Oslo.
        #expect(Day(try instant("2026-01-30T22:59:59Z")) == (try day("2026-01-30")))
    }

    @Test func osloTimeZoneIsAvailable() {
        #expect(Day.osloTimeZone.identifier == "Europe/Oslo")
    }

    @Test func extremeInstantsAreClampedNotCrashed() {
        #expect(Day(Date(timeIntervalSince1970: .infinity)) == Day.last)
        #expect(Day(Date(timeIntervalSince1970: -.infinity)) == Day.first)
        #expect(Day(Date(timeIntervalSince1970: .nan)) == Day(year: 1970, month: 1, day: 1))
        #expect(DueDate.due(receivedOn: Day.last) == Day.last)
    }

    @Test func extensionFromTheDueDay() throws {
        #expect(try DueDate.extended(from: try day("2025-02-28"), months: 2) == (try day("2025-04-28")))
        #expect(try DueDate.extended(from: try day("2026-04-07"), months: 1) == (try day("2026-05-07")))
        // 17 Apr + 1 month is 17 May 2026 (Sunday, Constitution Day).
        #expect(try DueDate.extended(from: try day("2026-04-17"), months: 1) == (try day("2026-05-18")))
        // 30 Nov + 2 months: 30 January 2027 is a Saturday.
        #expect(try DueDate.extended(from: try day("2026-11-30"), months: 2) == (try day("2027-02-01")))
    }

    @Test func extensionFromReceiptCountsThreeMonthsInAll() throws {
        let received = try instant("2025-01-31T10:00:00Z")
        #expect(try DueDate.extended(receivedAt: received, months: 2) == (try day("2025-04-30")))
        #expect(try DueDate.extended(receivedAt: received, months: 1) == (try day("2025-03-31")))
    }

    @Test("extension outside 1...2 months throws", arguments: [0, 3, -1, 12, Int.min, Int.max])
    func extensionOutOfRange(months: Int) throws {
        #expect(throws: DueDateError.extensionOutOfRange(months: months)) {
            try DueDate.extended(from: try day("2026-01-10"), months: months)
        }
        #expect(throws: DueDateError.self) {
            try DueDate.extended(receivedAt: Date(timeIntervalSince1970: 0), months: months)
        }
    }
}

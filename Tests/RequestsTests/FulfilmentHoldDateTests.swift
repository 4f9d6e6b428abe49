import Foundation
import Testing
@testable import Requests

private func instant(_ iso: String) throws -> Date {
    try #require(ISO8601DateFormatter().date(from: iso), "bad test instant \(iso)")
}

/// The financial year of a record dated by an instant: the year of its day in Oslo.
private func financialYear(_ iso: String) throws -> Int {
    Day(try instant(iso), timeZone: Day.osloTimeZone).year
}

@Suite("Hold dates (bokføringsloven § 13)")
struct FulfilmentHoldDateTests {
    @Test("1 January of the year after the financial year plus N, on the Oslo calendar", arguments: [
        ("2021-06-15T12:00:00Z", 5, "2027-01-01"),
        ("2021-12-31T22:59:59Z", 5, "2027-01-01"),  // 23:59:59 in Oslo: still 2021
        ("2021-12-31T23:30:00Z", 5, "2028-01-01"),  // 00:30 on 1 January 2022 in Oslo
        ("2021-01-01T00:30:00Z", 5, "2027-01-01"),  // 01:30 in Oslo, 2021 already
        ("2020-12-31T23:00:00Z", 5, "2027-01-01"),  // exactly midnight in Oslo: 2021
        ("2024-07-01T21:59:00Z", 3, "2028-01-01"),  // summer time (UTC+2)
        ("2026-03-01T10:00:00Z", 0, "2027-01-01"),
        ("2020-12-31T23:30:00Z", 5, "2027-01-01"),  // already 2021 in Oslo
        ("2019-06-24T00:00:00Z", 5, "2025-01-01"),
        ("2019-06-24T00:00:00Z", 3, "2023-01-01"),
    ])
    func instants(_ recorded: String, years: Int, expected: String) throws {
        let day = HoldDate.erasableOn(financialYear: try financialYear(recorded), years: years)
        #expect(day.description == expected)
    }

    @Test func calendarDaysUseTheirOwnYear() throws {
        let lastDay = try #require(Day(iso: "2021-12-31"))
        #expect(HoldDate.erasableOn(financialYear: lastDay.year, years: 5).description == "2027-01-01")
        let firstDay = try #require(Day(iso: "2022-01-01"))
        #expect(HoldDate.erasableOn(financialYear: firstDay.year, years: 5).description == "2028-01-01")
    }

    @Test func negativeHoldsCountAsNoneAndHugeOnesStayInRange() throws {
        #expect(HoldDate.erasableOn(financialYear: try financialYear("2021-06-15T12:00:00Z"), years: -3).description
                == "2022-01-01")
        let day = try #require(Day(iso: "2021-06-15"))
        #expect(HoldDate.erasableOn(financialYear: day.year, years: -3).description == "2022-01-01")
        #expect(HoldDate.erasableOn(financialYear: day.year, years: Int.max).year == 9999)
        #expect(HoldDate.erasableOn(financialYear: Int.max, years: Int.max).year == 9999)
        #expect(HoldDate.erasableOn(financialYear: Int.min, years: Int.min).description == "0002-01-01")
    }
}

import Foundation
import Testing
@testable import Requests

private func instant(_ iso: String) throws -> Date {
    try #require(ISO8601DateFormatter().date(from: iso), "bad test instant \(iso)")
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
    ])
    func instants(_ recorded: String, years: Int, expected: String) throws {
        let day = HoldDate.erasableOn(recordDate: try instant(recorded), yearsAfterFinancialYear: years)
        #expect(day.description == expected)
    }

    @Test func calendarDaysUseTheirOwnYear() throws {
        let lastDay = try #require(Day(iso: "2021-12-31"))
        #expect(HoldDate.erasableOn(recordDay: lastDay, yearsAfterFinancialYear: 5).description == "2027-01-01")
        let firstDay = try #require(Day(iso: "2022-01-01"))
        #expect(HoldDate.erasableOn(recordDay: firstDay, yearsAfterFinancialYear: 5).description == "2028-01-01")
    }

    @Test func negativeHoldsCountAsNoneAndHugeOnesStayInRange() throws {
        let date = try instant("2021-06-15T12:00:00Z")
        #expect(HoldDate.erasableOn(recordDate: date, yearsAfterFinancialYear: -3).description == "2022-01-01")
        let day = try #require(Day(iso: "2021-06-15"))
        #expect(HoldDate.erasableOn(recordDay: day, yearsAfterFinancialYear: -3).description == "2022-01-01")
        #expect(HoldDate.erasableOn(recordDay: day, yearsAfterFinancialYear: Int.max).year == 9999)
    }
}

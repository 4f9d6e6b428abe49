import Testing
@testable import Requests

/// The days on which each retention limit is reached (Oslo days).
@Suite struct RetentionPolicyTests {
    private func day(_ text: String) throws -> Day { try #require(Day(iso: text)) }

    @Test func eachLimitIsADayCountedFromTheCloseTheAcceptanceOrTheReceipt() throws {
        let policy = RetentionPolicy.standard
        #expect(policy == RetentionPolicy(rawMailDays: 30, sentMailDays: 7, caseYears: 3))
        let today = try day("2026-12-06")
        // Mail of a request closed on 6 November goes on 6 December, not on the 5th.
        #expect(policy.rawMailClearedThrough(today: today) == (try day("2026-11-06")))
        #expect(policy.rawMailClearedThrough(today: try day("2026-12-05")) < (try day("2026-11-06")))
        #expect(policy.sentMailClearedThrough(today: today) == (try day("2026-11-29")))
        #expect(policy.casesDeletedThrough(today: today) == (try day("2023-12-06")))
    }

    @Test func aCaseClosedOnALeapDayGoesOnTheFirstOfMarch() throws {
        let policy = RetentionPolicy.standard
        let closed = try day("2024-02-29")
        #expect(policy.casesDeletedThrough(today: try day("2027-02-28")) < closed)
        #expect(policy.casesDeletedThrough(today: try day("2027-03-01")) >= closed)
        let longer = RetentionPolicy(rawMailDays: 1, sentMailDays: 1, caseYears: 5)
        #expect(longer.casesDeletedThrough(today: try day("2031-03-01")) == (try day("2026-03-01")))
        #expect(longer.rawMailClearedThrough(today: try day("2026-03-01")) == (try day("2026-02-28")))
    }
}

import Foundation
import Requests
import Testing
@testable import CustomerData
@testable import Store

@Test func textArrayLiteralEscapesQuotesAndBackslashes() {
    #expect(SQLValue.textArray(["a", "b\"c", "d\\e", ""]) == .text(#"{"a","b\"c","d\\e",""}"#))
}

@Test func byteaHexDecodes() {
    #expect(ByteaHex.decode("\\x00ff10Ab") == [0x00, 0xff, 0x10, 0xab])
    #expect(ByteaHex.decode("\\x0") == nil)
    #expect(ByteaHex.decode("00ff") == nil)
    #expect(ByteaHex.decode("\\xzz") == nil)
}

@Test func timestampsRoundTrip() throws {
    let date = Date(timeIntervalSince1970: 1_795_582_199.123)
    let text = TimestampFormat.string(from: date)
    let back = try #require(TimestampFormat.date(from: text))
    #expect(abs(back.timeIntervalSince(date)) < 0.001)
    let fromServer = try #require(TimestampFormat.date(from: "2026-11-25 04:49:59.5+00"))
    #expect(fromServer.timeIntervalSince1970 == 1_795_582_199.5)
}

@Test(arguments: [
    ("2021-12-31", "2021-12-31"),
    ("2021-12-31 22:59:59+00", "2021-12-31"),  // 23:59:59 in Oslo
    ("2021-12-31 23:30:00+00", "2022-01-01"),  // 00:30 in Oslo: the next financial year
    ("2024-07-01 21:59:00+00", "2024-07-01"),  // summer time (UTC+2)
    ("2024-07-01 22:00:00.25+00", "2024-07-02"),
])
func postgresDateTextIsADayOnOslosCalendar(_ text: String, _ expected: String) {
    #expect(Day(postgresText: text)?.description == expected)
}

@Test func unreadableDateTextIsNoDay() {
    #expect(Day(postgresText: "31.12.2021") == nil)
    #expect(Day(postgresText: "") == nil)
}

@Test func errorDescriptionCarriesNoServerText() {
    let error = PostgresError(kind: .statementFailed, sqlState: "23505", constraint: "customers_email_key", context: "running a statement")
    #expect(error.description == "postgres statementFailed context=running a statement sqlstate=23505 constraint=customers_email_key")
    #expect(error.isUniqueViolation)
}

import Foundation
import Testing
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

@Test func errorDescriptionCarriesNoServerText() {
    let error = PostgresError(kind: .statementFailed, sqlState: "23505", constraint: "customers_email_key", context: "running a statement")
    #expect(error.description == "postgres statementFailed context=running a statement sqlstate=23505 constraint=customers_email_key")
    #expect(error.isUniqueViolation)
}

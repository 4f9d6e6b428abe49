import Foundation
import Testing
@testable import Store

@Test func jsonWriterSortsKeysAndEscapesText() throws {
    let text = try #require(JSONWriter.object([
        "b": 1, "a": "quote \" backslash \\ newline \n tab \t bell \u{07} æøå", "c": true,
        "d": ["x", "y"], "e": ["n": 2.5, "m": -3], "f": [] as [Any],
    ]))
    #expect(text.hasPrefix(#"{"a":"quote \" backslash \\ newline \n tab \t bell \u0007 æøå","b":1,"c":true,"#))
    // Read back by Foundation, it is the same object.
    let back = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(back["a"] as? String == "quote \" backslash \\ newline \n tab \t bell \u{07} æøå")
    #expect(back["b"] as? Int == 1)
    #expect(back["c"] as? Bool == true)
    #expect(back["d"] as? [String] == ["x", "y"])
    #expect((back["e"] as? [String: Any])?["n"] as? Double == 2.5)
    #expect((back["e"] as? [String: Any])?["m"] as? Int == -3)
    #expect(JSONWriter.object([:]) == "{}")
}

@Test func jsonWriterRefusesWhatItDoesNotKnow() {
    #expect(JSONWriter.object(["date": Date()]) == nil)
    #expect(JSONWriter.object(["n": Double.nan]) == nil)
    #expect(JSONWriter.object(["list": [1, Date()] as [Any]]) == nil)
}

@Test func timestampsMatchFoundationsISO8601Form() {
    let style = Date.ISO8601FormatStyle().year().month().day().dateSeparator(.dash)
        .time(includingFractionalSeconds: true).timeSeparator(.colon).timeZone(separator: .omitted)
    var generator = SystemRandomNumberGenerator()
    // Fractions a Double holds exactly: Foundation truncates a product that
    // floating point may leave just below the millisecond.
    let samples = [0, -1.5, 951_782_400.25, 1_795_582_199.125, 4_102_444_799.75]
        + (0..<200).map { _ in Double.random(in: -2_000_000_000...4_000_000_000, using: &generator).rounded() }
    for seconds in samples {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(TimestampFormat.string(from: date) == date.formatted(style), "at \(seconds)")
        #expect(TimestampFormat.string(from: date, milliseconds: false) == date.formatted(.iso8601), "at \(seconds)")
    }
}

@Test func timestampsAsPostgreSQLWritesThemAreRead() throws {
    #expect(TimestampFormat.date(from: "2026-11-25 04:49:59+00")?.timeIntervalSince1970 == 1_795_582_199)
    let micro = try #require(TimestampFormat.date(from: "2026-11-25 04:49:59.123456+00"))
    #expect(abs(micro.timeIntervalSince1970 - 1_795_582_199.123456) < 1e-6)
    #expect(TimestampFormat.date(from: "2026-11-25T04:49:59.5Z")?.timeIntervalSince1970 == 1_795_582_199.5)
    #expect(TimestampFormat.date(from: "1969-12-31 23:59:58.5+00")?.timeIntervalSince1970 == -1.5)
    // A form the quick reader does not know goes to Foundation's.
    #expect(TimestampFormat.date(from: "2026-11-25T05:49:59+01:00")?.timeIntervalSince1970 == 1_795_582_199)
    #expect(TimestampFormat.date(from: "2026-11-25 04:49:59.+00") == nil)
    #expect(TimestampFormat.date(from: "yesterday") == nil)
}

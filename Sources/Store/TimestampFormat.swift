import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// ISO 8601 timestamps as PostgreSQL reads and (with `TimeZone UTC`) writes
/// them. Every statement binds a few and every row read back carries some,
/// so the usual forms are written and read by hand (`gmtime_r`, `timegm`);
/// anything else goes through Foundation's ISO 8601 styles.
public enum TimestampFormat {
    /// `2026-11-25T04:49:59.123Z`: UTC, milliseconds (truncated); without
    /// them (`2026-11-25T04:49:59Z`) when `milliseconds` is false.
    public static func string(from date: Date, milliseconds withMilliseconds: Bool = true) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded(.down)
        guard milliseconds.magnitude < 2.5e14 else { return foundationString(from: date, milliseconds: withMilliseconds) }
        let total = Int64(milliseconds)
        var seconds = time_t(total.floorDivided(by: 1000))
        let fraction = Int(total - Int64(seconds) * 1000)
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return foundationString(from: date, milliseconds: withMilliseconds) }
        let year = Int(parts.tm_year) + 1900
        guard (0...9999).contains(year) else { return foundationString(from: date, milliseconds: withMilliseconds) }
        var text = ""
        text.reserveCapacity(24)
        append(year, width: 4, to: &text)
        text += "-"
        append(Int(parts.tm_mon) + 1, width: 2, to: &text)
        text += "-"
        append(Int(parts.tm_mday), width: 2, to: &text)
        text += "T"
        append(Int(parts.tm_hour), width: 2, to: &text)
        text += ":"
        append(Int(parts.tm_min), width: 2, to: &text)
        text += ":"
        append(Int(parts.tm_sec), width: 2, to: &text)
        if withMilliseconds {
            text += "."
            append(fraction, width: 3, to: &text)
        }
        text += "Z"
        return text
    }

    /// Parses `2026-11-25 04:49:59.123+00` and `2026-11-25T04:49:59Z` forms.
    public static func date(from text: String) -> Date? {
        if let date = quickDate(from: Array(text.utf8)) { return date }
        var normalized = text.replacingOccurrences(of: " ", with: "T")
        if normalized.hasSuffix("+00") { normalized = String(normalized.dropLast(3)) + "Z" }
        if let date = try? Date(normalized, strategy: .iso8601.year().month().day().dateSeparator(.dash)
            .time(includingFractionalSeconds: true).timeSeparator(.colon).timeZone(separator: .omitted)) {
            return date
        }
        return try? Date(normalized, strategy: .iso8601)
    }

    private static func foundationString(from date: Date, milliseconds: Bool) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash)
            .time(includingFractionalSeconds: milliseconds).timeSeparator(.colon).timeZone(separator: .omitted))
    }

    private static func append(_ value: Int, width: Int, to text: inout String) {
        let digits = String(value)
        if digits.count < width { text += String(repeating: "0", count: width - digits.count) }
        text += digits
    }

    /// `YYYY-MM-DD[ T]HH:MM:SS[.f…](+00|Z)` exactly, in UTC; nil for any
    /// other form (Foundation reads those).
    private static func quickDate(from bytes: [UInt8]) -> Date? {
        guard bytes.count >= 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
              let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 60 else { return nil }
        var index = 19
        var fraction = 0.0
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let first = index
            while index < bytes.count, let digit = digit(bytes[index]) {
                fraction += Double(digit) * scale
                scale /= 10
                index += 1
            }
            guard index > first else { return nil }
        }
        let rest = bytes[index...]
        guard rest.elementsEqual("Z".utf8) || rest.elementsEqual("+00".utf8) || rest.elementsEqual("+00:00".utf8) else {
            return nil
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        // timegm would read 31 February as 3 March: Foundation decides those.
        guard day <= daysInMonth(month, year: year) else { return nil }
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            guard let digit = digit(bytes[index]) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }
}

private extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

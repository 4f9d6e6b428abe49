import Foundation

/// One bound statement parameter. Every value dsrd sends to PostgreSQL goes
/// through one of these: statements never contain values, only `$n`.
public enum SQLValue: Sendable, Equatable {
    case null
    /// Sent in text format; the server casts it to the parameter's type.
    case text(String)
    /// Sent in binary format, for `bytea` columns.
    case bytes([UInt8])

    public static func int(_ value: Int) -> SQLValue { .text(String(value)) }
    public static func int(_ value: Int?) -> SQLValue { value.map { .text(String($0)) } ?? .null }
    public static func bool(_ value: Bool) -> SQLValue { .text(value ? "true" : "false") }
    public static func string(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }

    /// A timestamp with time zone, as ISO 8601 UTC with milliseconds.
    public static func timestamp(_ value: Date?) -> SQLValue {
        guard let value else { return .null }
        return .text(TimestampFormat.string(from: value))
    }

    /// A text array literal (`{"a","b"}`), for `text[]` parameters.
    public static func textArray(_ values: [String]) -> SQLValue {
        let items = values.map { value -> String in
            var escaped = "\""
            for character in value {
                if character == "\"" || character == "\\" { escaped.append("\\") }
                escaped.append(character)
            }
            return escaped + "\""
        }
        return .text("{" + items.joined(separator: ",") + "}")
    }
}

/// ISO 8601 timestamps as PostgreSQL reads and (with `TimeZone UTC`) writes them.
public enum TimestampFormat {
    public static func string(from date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash)
            .time(includingFractionalSeconds: true).timeSeparator(.colon).timeZone(separator: .omitted))
    }

    /// Parses `2026-11-25 04:49:59.123+00` and `2026-11-25T04:49:59Z` forms.
    public static func date(from text: String) -> Date? {
        var normalized = text.replacingOccurrences(of: " ", with: "T")
        if normalized.hasSuffix("+00") { normalized = String(normalized.dropLast(3)) + "Z" }
        if let date = try? Date(normalized, strategy: .iso8601.year().month().day().dateSeparator(.dash)
            .time(includingFractionalSeconds: true).timeSeparator(.colon).timeZone(separator: .omitted)) {
            return date
        }
        return try? Date(normalized, strategy: .iso8601)
    }
}

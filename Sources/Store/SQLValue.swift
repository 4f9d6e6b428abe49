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

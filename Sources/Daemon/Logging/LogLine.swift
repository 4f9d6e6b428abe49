import Foundation
import Store

/// Formats one log event as one logfmt line: `level=… msg="…" key=value …`.
/// Newlines and other control characters inside values are escaped, so a
/// value can never start a second record in the journal.
public enum LogLine {
    public static func format(
        level: LogLevel, message: String, metadata: [(String, String)],
        journal: Bool, timestamp: Date?
    ) -> String {
        var line = ""
        line.reserveCapacity(96 + metadata.count * 24)
        if journal {
            line += "<"
            line += String(level.syslogPriority)
            line += ">"
        }
        if let timestamp {
            line += "ts="
            line += TimestampFormat.string(from: timestamp, milliseconds: false)
            line += " "
        }
        line += "level="
        line += level.rawValue
        line += " msg="
        line += quoted(message)
        for (key, value) in metadata {
            line += " "
            line += sanitizedKey(key)
            line += "="
            line += quoted(value)
        }
        return line
    }

    /// Quotes a value when it has spaces, quotes, `=` or control characters.
    static func quoted(_ value: String) -> String {
        // Most values (counts, states, references) need neither.
        if !value.isEmpty, value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"")
                                                   && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "=") }) {
            return value
        }
        var needsQuotes = value.isEmpty
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"; needsQuotes = true
            case "\r": escaped += "\\r"; needsQuotes = true
            case "\t": escaped += "\\t"; needsQuotes = true
            case "\"": escaped += "\\\""; needsQuotes = true
            case "\\": escaped += "\\\\"; needsQuotes = true
            case " ", "=": escaped.unicodeScalars.append(scalar); needsQuotes = true
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    escaped += "\\u{\(String(scalar.value, radix: 16))}"
                    needsQuotes = true
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return needsQuotes ? "\"\(escaped)\"" : escaped
    }

    /// Keys are dsrd's own words; anything else is replaced, never trusted.
    static func sanitizedKey(_ key: String) -> String {
        if !key.isEmpty, key.utf8.allSatisfy({ ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z"))
                                               || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                                               || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }) {
            return key
        }
        let allowed = key.lowercased().unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "." }
        return allowed.isEmpty ? "key" : String(String.UnicodeScalarView(allowed))
    }
}

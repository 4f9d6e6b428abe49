import Foundation

/// RFC 5322 dates ("Mon, 4 Mar 2024 09:15:00 +0100"), tolerant of the usual
/// deviations: missing weekday or seconds, two-digit years, named zones,
/// trailing comments, full month names, an ISO-like "2024-03-04 09:15:00".
enum MailDate {
    static func parse(_ text: String) -> Date? {
        var tokens = text
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
            .map(String.init)
        guard !tokens.isEmpty else { return nil }
        if let first = tokens.first, Int(first) == nil, month(first) == nil { tokens.removeFirst() }
        var day: Int?, monthNumber: Int?, year: Int?
        var hour = 0, minute = 0, second = 0
        var offsetSeconds = 0
        var sawTime = false
        for token in tokens {
            if token.hasPrefix("(") { break }
            if let value = Int(token), !token.hasPrefix("+"), !token.hasPrefix("-") {
                if day == nil && token.count <= 2 { day = value; continue }
                if year == nil { year = value < 50 ? 2000 + value : (value < 1000 ? 1900 + value : value); continue }
                continue
            }
            if monthNumber == nil, let number = month(token) { monthNumber = number; continue }
            if !sawTime, token.utf8.contains(UInt8(ascii: ":")) {
                let parts = token.split(separator: ":").map { Int($0) }
                guard parts.count >= 2, let h = parts[0], let m = parts[1] else { return nil }
                hour = h
                minute = m
                if parts.count > 2, let s = parts[2] { second = s }
                sawTime = true
                continue
            }
            if let offset = zoneOffset(token) { offsetSeconds = offset; continue }
            if token.count == 10, token.utf8.contains(UInt8(ascii: "-")) {
                let parts = token.split(separator: "-").compactMap { Int($0) }
                if parts.count == 3 { year = parts[0]; monthNumber = parts[1]; day = parts[2] }
            }
        }
        guard let day, let monthNumber, let year,
              (1...31).contains(day), (1...12).contains(monthNumber),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
              (1900...9999).contains(year) else { return nil }
        let days = CivilDate.daysSinceEpoch(year: year, month: monthNumber, day: day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func month(_ token: String) -> Int? {
        let lower = token.lowercasedByScalar()
        guard lower.count >= 3 else { return nil }
        let prefix = String(lower.prefix(3))
        return months.firstIndex(of: prefix).map { $0 + 1 }
    }

    private static func zoneOffset(_ token: String) -> Int? {
        if let sign = token.first, sign == "+" || sign == "-" {
            let digits = token.dropFirst().filter { $0 != ":" }
            guard digits.count == 4, let value = Int(digits) else { return nil }
            let seconds = (value / 100) * 3600 + (value % 100) * 60
            return sign == "-" ? -seconds : seconds
        }
        return namedZones[token.uppercased()].map { $0 * 3600 }
    }

    /// Named zones and their offsets in hours.
    private static let namedZones: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5,
        "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "CET": 1, "CEST": 2, "MET": 1, "MEST": 2, "BST": 1,
    ]

    /// The RFC 5322 form of a date in UTC: "Mon, 04 Mar 2024 08:15:00 +0000".
    /// Dates outside years 1970–9999 (or not finite) are written as the nearest end.
    static func format(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        let bounded = interval.isFinite ? min(max(interval, 0), 253_402_300_799) : 0
        let seconds = Int(bounded.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = CivilDate.date(daysSinceEpoch: days)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let weekday = weekdays[((days % 7) + 7) % 7]
        let monthName = months[month - 1].prefix(1).uppercased() + months[month - 1].dropFirst()
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekday), \(two(day)) \(monthName) \(year) \(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60)):\(two(secondOfDay % 60)) +0000"
    }
}

import Foundation

/// RFC 5322 dates ("Mon, 4 Mar 2024 09:15:00 +0100"), tolerant of the usual
/// deviations: missing weekday or seconds, two-digit years, named zones,
/// trailing comments, full month names, an ISO-like "2024-03-04 09:15:00".
///
/// Read as bytes: every message has a date, and reading it through `String`
/// tokens cost more than the rest of its header block. Month and zone names
/// are ASCII, so a token with other letters names neither.
enum MailDate {
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var tokens = split(bytes[...], where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x2C })
        guard let first = tokens.first else { return nil }
        if integer(bytes[first]) == nil, month(bytes[first]) == nil { tokens.removeFirst() }
        var day: Int?, monthNumber: Int?, year: Int?
        var hour = 0, minute = 0, second = 0
        var offsetSeconds = 0
        var sawTime = false
        for range in tokens {
            let token = bytes[range]
            if token.first == UInt8(ascii: "(") { break }
            if token.first != UInt8(ascii: "+"), token.first != UInt8(ascii: "-"), let value = integer(token) {
                if day == nil && token.count <= 2 { day = value; continue }
                if year == nil { year = value < 50 ? 2000 + value : (value < 1000 ? 1900 + value : value); continue }
                continue
            }
            if monthNumber == nil, let number = month(token) { monthNumber = number; continue }
            if !sawTime, token.contains(UInt8(ascii: ":")) {
                let parts = split(token, where: { $0 == UInt8(ascii: ":") }).map { integer(token[$0]) }
                guard parts.count >= 2, let h = parts[0], let m = parts[1] else { return nil }
                hour = h
                minute = m
                if parts.count > 2, let s = parts[2] { second = s }
                sawTime = true
                continue
            }
            if let offset = zoneOffset(token) { offsetSeconds = offset; continue }
            if token.count == 10, token.contains(UInt8(ascii: "-")) {
                let parts = split(token, where: { $0 == UInt8(ascii: "-") }).compactMap { integer(token[$0]) }
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

    /// The ranges of `bytes` between separators, empty ones left out.
    private static func split(_ bytes: ArraySlice<UInt8>, where isSeparator: (UInt8) -> Bool) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(8)
        var start = bytes.startIndex
        for index in bytes.indices where isSeparator(bytes[index]) {
            if index > start { ranges.append(start..<index) }
            start = index + 1
        }
        if bytes.endIndex > start { ranges.append(start..<bytes.endIndex) }
        return ranges
    }

    /// A decimal integer with an optional sign, as `Int(_: String)` reads it.
    private static func integer(_ token: ArraySlice<UInt8>) -> Int? {
        var digits = token[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let digit = Int(byte - 0x30)
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflowTimes, !overflowSum else { return nil }
            value = sum
        }
        return value
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let monthBytes = months.map { Array($0.utf8) }

    private static func month(_ token: ArraySlice<UInt8>) -> Int? {
        guard token.count >= 3 else { return nil }
        let start = token.startIndex
        let prefix = [lowered(token[start]), lowered(token[start + 1]), lowered(token[start + 2])]
        return monthBytes.firstIndex(of: prefix).map { $0 + 1 }
    }

    private static func zoneOffset(_ token: ArraySlice<UInt8>) -> Int? {
        if let sign = token.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            let digits = token.dropFirst().filter { $0 != UInt8(ascii: ":") }
            guard digits.count == 4, let value = integer(digits[...]) else { return nil }
            let seconds = (value / 100) * 3600 + (value % 100) * 60
            return sign == UInt8(ascii: "-") ? -seconds : seconds
        }
        let upper = token.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
        return namedZones.first { $0.name == upper }.map { $0.hours * 3600 }
    }

    private static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// Named zones and their offsets in hours.
    private static let namedZones: [(name: [UInt8], hours: Int)] = [
        ("UT", 0), ("UTC", 0), ("GMT", 0), ("Z", 0), ("EST", -5), ("EDT", -4), ("CST", -6), ("CDT", -5),
        ("MST", -7), ("MDT", -6), ("PST", -8), ("PDT", -7), ("CET", 1), ("CEST", 2), ("MET", 1), ("MEST", 2), ("BST", 1),
    ].map { (Array($0.0.utf8), $0.1) }

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

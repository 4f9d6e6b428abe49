import Foundation

/// A calendar day (proleptic Gregorian), without time or time zone.
///
/// Deadlines are counted in whole days in Norwegian time, so they are kept as
/// days and not as `Date`s, which would carry an instant and a zone.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The time zone deadlines are counted in. Falls back to UTC only if the
    /// system has no time zone database.
    public static let osloTimeZone: TimeZone =
        TimeZone(identifier: "Europe/Oslo") ?? TimeZone(identifier: "UTC") ?? TimeZone.current

    /// The years a `Day` can hold: four-digit ISO years.
    public static let supportedYears = 1...9999

    /// A day, or nil when the date does not exist (30 February, month 13, year 0).
    public init?(year: Int, month: Int, day: Int) {
        guard Day.supportedYears.contains(year), (1...12).contains(month),
              (1...Day.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses ISO text such as `2026-05-17`; nil for anything else.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day on the wall calendar in `timeZone` at the instant `date`.
    /// Instants beyond the supported years are clamped to the first or last day.
    public init(_ date: Date, timeZone: TimeZone = Day.osloTimeZone) {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        let days = (local / 86_400).rounded(.down)
        let lowest = Double(Day.first.daysSinceEpoch)
        let highest = Double(Day.last.daysSinceEpoch)
        let clamped = days.isNaN ? 0 : min(max(days, lowest), highest)
        self.init(daysSinceEpoch: Int(clamped))
    }

    /// Creates a day from a count already known to lie within the supported years.
    init(validYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static let first = Day(validYear: 1, month: 1, day: 1)
    static let last = Day(validYear: 9999, month: 12, day: 31)

    /// `2026-05-17`.
    public var description: String {
        let yyyy = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        let mm = month < 10 ? "0\(month)" : "\(month)"
        let dd = day < 10 ? "0\(day)" : "\(day)"
        return "\(yyyy)-\(mm)-\(dd)"
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days in a month (28–31); 0 for a month outside 1...12.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }
}

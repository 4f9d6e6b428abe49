import Foundation

/// IMAP's date-time (`25-Nov-2026 04:49:59 +0000`, RFC 3501 `date-time`).
public enum IMAPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    public static func parse(_ text: String) -> Date? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: " ")
        guard parts.count == 3 else { return nil }
        let date = parts[0].split(separator: "-")
        let time = parts[1].split(separator: ":")
        let zone = parts[2]
        guard date.count == 3, time.count == 3, zone.count == 5,
              let day = Int(date[0]), let monthIndex = months.firstIndex(of: date[1].lowercased()),
              let year = Int(date[2]), let hour = Int(time[0]), let minute = Int(time[1]), let second = Int(time[2]),
              let zoneHours = Int(zone.dropFirst().prefix(2)), let zoneMinutes = Int(zone.suffix(2)),
              zone.first == "+" || zone.first == "-" else { return nil }
        var components = DateComponents()
        components.year = year
        components.month = monthIndex + 1
        components.day = day
        components.hour = hour
        components.minute = minute
        components.second = second
        let offset = (zoneHours * 3600 + zoneMinutes * 60) * (zone.first == "-" ? -1 : 1)
        guard let timeZone = TimeZone(secondsFromGMT: offset) else { return nil }
        components.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: components)
    }
}

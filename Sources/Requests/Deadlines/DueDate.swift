import Foundation

/// Answer deadlines under GDPR Art. 12(3), counted in Norwegian working days.
///
/// The period is one calendar month from the day of receipt (Oslo time). If the
/// same date does not exist in the due month, the month's last day is used; a
/// due day on a Saturday, Sunday or Norwegian public holiday moves to the next
/// working day. The period may be extended by up to two further months.
public enum DueDate: Sendable {
    /// The due day for a request received at `receivedAt`.
    public static func due(receivedAt: Date, timeZone: TimeZone = Day.osloTimeZone) -> Day {
        due(receivedOn: Day(receivedAt, timeZone: timeZone))
    }

    /// The due day for a request received on `received`.
    public static func due(receivedOn received: Day) -> Day {
        NorwegianHolidays.nextWorkingDay(onOrAfter: received.adding(months: 1))
    }

    /// The extended due day, `months` (1 or 2) calendar months after `due`, with
    /// the same month-end and working-day rules.
    ///
    /// Counting from an already moved due day can give a day or two more than
    /// counting from receipt; prefer `extended(receivedAt:months:timeZone:)`
    /// when the time of receipt is known.
    /// - Throws: `DueDateError.extensionOutOfRange` unless `months` is 1 or 2 (never clamped).
    public static func extended(from due: Day, months: Int) throws -> Day {
        try checkExtension(months)
        return NorwegianHolidays.nextWorkingDay(onOrAfter: due.adding(months: months))
    }

    /// The extended due day counted from receipt: 1 + `months` calendar months.
    /// - Throws: `DueDateError.extensionOutOfRange` unless `months` is 1 or 2 (never clamped).
    public static func extended(
        receivedAt: Date, months: Int, timeZone: TimeZone = Day.osloTimeZone
    ) throws -> Day {
        try checkExtension(months)
        let received = Day(receivedAt, timeZone: timeZone)
        return NorwegianHolidays.nextWorkingDay(onOrAfter: received.adding(months: 1 + months))
    }

    /// Art. 12(3) allows "two further months" at most.
    public static let allowedExtensionMonths = 1...2

    private static func checkExtension(_ months: Int) throws {
        guard allowedExtensionMonths.contains(months) else {
            throw DueDateError.extensionOutOfRange(months: months)
        }
    }
}

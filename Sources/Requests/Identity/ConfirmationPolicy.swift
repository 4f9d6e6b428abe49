import Foundation

/// When a confirmation that has not been answered is reminded of and when
/// it expires (configurable; by default a reminder after 3 days and expiry
/// after 7).
public struct ConfirmationPolicy: Sendable, Equatable {
    public enum Step: String, Sendable, Equatable {
        case wait
        case remind
        case expire
    }

    public static let day: TimeInterval = 86_400

    public let expiry: TimeInterval
    /// Nil when no reminder is sent (it would not come before expiry).
    public let reminderAfter: TimeInterval?

    /// An expiry below one hour is raised to one hour; a reminder at or
    /// after expiry, or not positive, is dropped.
    public init(expiry: TimeInterval = 7 * day, reminderAfter: TimeInterval? = 3 * day) {
        let expiry = expiry.isFinite ? max(expiry, 3_600) : 7 * Self.day
        self.expiry = expiry
        if let reminderAfter, reminderAfter.isFinite, reminderAfter > 0, reminderAfter < expiry {
            self.reminderAfter = reminderAfter
        } else {
            self.reminderAfter = nil
        }
    }

    public init(expiryDays: Int, reminderDays: Int?) {
        self.init(expiry: TimeInterval(expiryDays) * Self.day, reminderAfter: reminderDays.map { TimeInterval($0) * Self.day })
    }

    public static let standard = ConfirmationPolicy()

    /// What to do now about a confirmation sent at `sent`. A clock that
    /// stands before `sent` waits.
    public func step(sent: Date, now: Date, reminderSent: Bool) -> Step {
        let age = now.timeIntervalSince(sent)
        if age >= expiry { return .expire }
        if let reminderAfter, !reminderSent, age >= reminderAfter { return .remind }
        return .wait
    }

    /// When the token stops being accepted.
    public func expiresAt(sent: Date) -> Date {
        sent.addingTimeInterval(expiry)
    }

    /// The day (Oslo) the replies name as the code's last: the replies say
    /// "til og med" / "up to and including" it, so it is the last day on
    /// which the code is accepted all day long — the day before the one it
    /// expires on, never before the day it was sent.
    public static func lastWholeDay(sent: Date, expiresAt: Date) -> Day {
        let expiryDay = Day(expiresAt, timeZone: Day.osloTimeZone)
        return max(Day(sent, timeZone: Day.osloTimeZone), expiryDay.adding(days: -1))
    }
}

/// How long dsrd keeps its own records (`retention` in the configuration):
/// what accountability needs, for as long as it needs it. Days are Oslo
/// calendar days; each limit is reached on a day, and the daily retention
/// job acts on the first run on or after it, never a day earlier.
public struct RetentionPolicy: Sendable, Equatable {
    /// A received mail's bytes are kept while its request is open and this
    /// many days after it closes; mail that opened no request, this many
    /// days after receipt. Size and SHA-256 stay.
    public var rawMailDays: Int
    /// A sent mail's bytes are kept this many days after the mail server
    /// accepted it (an access copy not even that: it goes at acceptance).
    public var sentMailDays: Int
    /// A closed request's record and audit events are deleted this many
    /// years after it closed (the general limitation period is 3 years).
    public var caseYears: Int

    public static let standard = RetentionPolicy(rawMailDays: 30, sentMailDays: 7, caseYears: 3)

    /// What the configuration may ask for.
    public static let rawMailDayRange = 1...3650
    public static let sentMailDayRange = 1...3650
    public static let caseYearRange = 1...30

    public init(rawMailDays: Int, sentMailDays: Int, caseYears: Int) {
        self.rawMailDays = rawMailDays
        self.sentMailDays = sentMailDays
        self.caseYears = caseYears
    }

    /// On `today`, the bytes of mail whose request closed (or, without a
    /// request, that arrived) on this day or before are cleared.
    public func rawMailClearedThrough(today: Day) -> Day { today.adding(days: -rawMailDays) }

    /// On `today`, the bytes of mail accepted on this day or before are cleared.
    public func sentMailClearedThrough(today: Day) -> Day { today.adding(days: -sentMailDays) }

    /// On `today`, cases closed on this day or before are deleted: on the
    /// same calendar day `caseYears` later (closed on 29 February: on 1 March).
    public func casesDeletedThrough(today: Day) -> Day { today.adding(months: -12 * caseYears) }
}

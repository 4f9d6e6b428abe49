import Foundation

/// When a record kept for the accounting law may be erased.
///
/// Bokføringsloven § 13 counts the hold from the end of the financial year
/// (here the calendar year, in Norwegian time): a record dated in year Y with
/// a hold of N years may be erased on 1 January of Y + 1 + N.
public enum HoldDate {
    /// The first day the record of the instant `recordDate` may be erased.
    /// The year is read on the Oslo calendar: 31 December 23:30 UTC is
    /// already the next year there. Negative holds count as none.
    public static func erasableOn(recordDate: Date, yearsAfterFinancialYear: Int) -> Day {
        erasableOn(recordDay: Day(recordDate, timeZone: Day.osloTimeZone), yearsAfterFinancialYear: yearsAfterFinancialYear)
    }

    /// The same for a record whose date is a calendar day (a `date` column).
    public static func erasableOn(recordDay: Day, yearsAfterFinancialYear: Int) -> Day {
        let year = recordDay.year + 1 + max(0, min(yearsAfterFinancialYear, 9999))
        return Day(validYear: min(year, Day.supportedYears.upperBound), month: 1, day: 1)
    }
}

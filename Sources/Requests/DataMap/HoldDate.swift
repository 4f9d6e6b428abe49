import Foundation

/// When held accounting records may go: the financial year is the calendar
/// year of the record's date in Norwegian time, and the hold lasts N whole
/// years after that year ends (bokføringsloven § 13).
public enum HoldDate {
    /// 1 January of (year of `recordDate` + 1 + `yearsAfterFinancialYear`), Oslo time.
    public static func erasableOn(recordDate: Date, yearsAfterFinancialYear: Int) -> Day {
        let financialYear = Day(recordDate, timeZone: Day.osloTimeZone).year
        let year = min(max(financialYear + 1 + max(yearsAfterFinancialYear, 0), Day.supportedYears.lowerBound),
                       Day.supportedYears.upperBound)
        return Day(validYear: year, month: 1, day: 1)
    }
}

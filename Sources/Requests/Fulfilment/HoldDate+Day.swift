/// Hold dates for records dated by a calendar day (a `date` column) rather
/// than an instant: the day's own year is the financial year.
extension HoldDate {
    public static func erasableOn(recordDay: Day, yearsAfterFinancialYear: Int) -> Day {
        let year = recordDay.year + 1 + max(0, min(yearsAfterFinancialYear, Day.supportedYears.upperBound))
        return Day(validYear: min(year, Day.supportedYears.upperBound), month: 1, day: 1)
    }
}

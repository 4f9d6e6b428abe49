/// When held accounting records may go (bokføringsloven § 13): the hold
/// lasts N whole years after the financial year ends. The financial year is
/// the calendar year of the record's day; a record dated by an instant takes
/// its day on Oslo's calendar (see `Day(_:timeZone:)`).
public enum HoldDate {
    /// 1 January of (`financialYear` + 1 + `years`). A negative `years` counts
    /// as none; the result stays within the years a `Day` can hold, whatever
    /// the inputs (the data map's validator keeps `years` in 0…100).
    public static func erasableOn(financialYear: Int, years: Int) -> Day {
        let supported = Day.supportedYears
        let financialYear = min(max(financialYear, supported.lowerBound), supported.upperBound)
        let years = min(max(years, 0), supported.upperBound)
        return Day(validYear: min(financialYear + 1 + years, supported.upperBound), month: 1, day: 1)
    }
}

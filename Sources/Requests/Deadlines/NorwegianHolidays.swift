/// Norwegian public holidays (helligdager and 1 and 17 May), computed for any year.
///
/// Easter comes from the anonymous Gregorian algorithm (Meeus/Jones/Butcher);
/// the movable holidays are counted from it.
public enum NorwegianHolidays: Sendable {
    /// The holidays of `year` in calendar order; empty outside `Day.supportedYears`.
    public static func holidays(in year: Int) -> [Day] {
        guard Day.supportedYears.contains(year), let easter = easterSunday(in: year) else { return [] }
        let fixed: [Day?] = [
            Day(year: year, month: 1, day: 1),    // nyttårsdag
            Day(year: year, month: 5, day: 1),    // arbeidernes dag
            Day(year: year, month: 5, day: 17),   // grunnlovsdag
            Day(year: year, month: 12, day: 25),  // første juledag
            Day(year: year, month: 12, day: 26),  // andre juledag
        ]
        let movable = [
            easter.adding(days: -3),  // skjærtorsdag
            easter.adding(days: -2),  // langfredag
            easter,                   // første påskedag
            easter.adding(days: 1),   // andre påskedag
            easter.adding(days: 39),  // Kristi himmelfartsdag
            easter.adding(days: 49),  // første pinsedag
            easter.adding(days: 50),  // andre pinsedag
        ]
        // A set: in some years two holidays fall on one day (17 May and Ascension Day).
        return Array(Set(fixed.compactMap { $0 } + movable)).sorted()
    }

    public static func isHoliday(_ day: Day) -> Bool {
        holidays(in: day.year).contains(day)
    }

    /// Monday to Friday and no public holiday.
    public static func isWorkingDay(_ day: Day) -> Bool {
        !day.isWeekend && !isHoliday(day)
    }

    /// `day` itself if it is a working day, else the next working day after it.
    public static func nextWorkingDay(onOrAfter day: Day) -> Day {
        var candidate = day
        // At most a few days: the longest run of days off is Maundy Thursday to Easter Monday.
        while !isWorkingDay(candidate) && candidate < Day.last {
            candidate = candidate.adding(days: 1)
        }
        return candidate
    }

    /// Easter Sunday of `year` (Gregorian); nil outside `Day.supportedYears`.
    public static func easterSunday(in year: Int) -> Day? {
        guard Day.supportedYears.contains(year) else { return nil }
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: year, month: month, day: day)
    }
}

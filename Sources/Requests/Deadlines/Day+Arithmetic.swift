import MailCore

/// Counting with days: day numbers, weekdays, adding days and months.
extension Day {
    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        CivilDate.daysSinceEpoch(year: year, month: month, day: day)
    }

    /// The day with the given number; callers keep it within the supported years.
    init(daysSinceEpoch: Int) {
        let civil = CivilDate.date(daysSinceEpoch: daysSinceEpoch)
        self.init(validYear: civil.year, month: civil.month, day: civil.day)
    }

    /// ISO weekday: 1 Monday … 7 Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let offset = (daysSinceEpoch + 3) % 7
        return (offset < 0 ? offset + 7 : offset) + 1
    }

    public var isWeekend: Bool { isoWeekday >= 6 }

    /// The day `count` days later (earlier when negative), clamped to the supported years.
    public func adding(days count: Int) -> Day {
        let target = daysSinceEpoch.addingReportingOverflow(count)
        guard !target.overflow else { return count > 0 ? Day.last : Day.first }
        let clamped = min(max(target.partialValue, Day.first.daysSinceEpoch), Day.last.daysSinceEpoch)
        return Day(daysSinceEpoch: clamped)
    }

    /// The same day `count` months later; where that month is shorter, its last day
    /// (31 January + 1 month = 28 or 29 February). Clamped to the supported years.
    public func adding(months count: Int) -> Day {
        let monthIndex = (year * 12 + (month - 1)).addingReportingOverflow(count)
        guard !monthIndex.overflow else { return count > 0 ? Day.last : Day.first }
        let newYear = monthIndex.partialValue / 12
        let newMonth = monthIndex.partialValue % 12 + 1
        if newYear > Day.last.year { return Day.last }
        if newYear < Day.first.year { return Day.first }
        let newDay = min(day, Day.daysInMonth(year: newYear, month: newMonth))
        return Day(validYear: newYear, month: newMonth, day: newDay)
    }
}

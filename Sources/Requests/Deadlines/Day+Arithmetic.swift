/// Counting with days: day numbers, weekdays, adding days and months.
extension Day {
    /// Days since 1970-01-01 (negative before it). Civil-calendar algorithm by H. Hinnant.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day with the given number; callers keep it within the supported years.
    init(daysSinceEpoch: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(validYear: year, month: month, day: day)
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

import Testing
@testable import MailCore

struct CivilDateTests {
    @Test(arguments: [
        (1970, 1, 1, 0), (1969, 12, 31, -1), (2000, 2, 29, 11_016), (2000, 3, 1, 11_017),
        (2024, 3, 4, 19_786), (1, 1, 1, -719_162), (9999, 12, 31, 2_932_896),
    ])
    func knownDayNumbers(_ year: Int, _ month: Int, _ day: Int, _ number: Int) {
        #expect(CivilDate.daysSinceEpoch(year: year, month: month, day: day) == number)
        let back = CivilDate.date(daysSinceEpoch: number)
        #expect(back.year == year && back.month == month && back.day == day)
    }

    /// Every day over eleven centuries (1422–2517, Gregorian leap rules
    /// included) follows the one before it, and its number converts back.
    @Test func consecutiveDaysFollowTheCalendar() {
        var expected = CivilDate.date(daysSinceEpoch: -200_000)
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var wrong = 0
        for number in -200_000...200_000 {
            let civil = CivilDate.date(daysSinceEpoch: number)
            if civil != expected || CivilDate.daysSinceEpoch(year: civil.year, month: civil.month, day: civil.day) != number {
                wrong += 1
            }
            let leap = civil.year % 4 == 0 && civil.year % 100 != 0 || civil.year % 400 == 0
            let monthLength = lengths[civil.month - 1] + (civil.month == 2 && leap ? 1 : 0)
            if civil.day < monthLength {
                expected = (civil.year, civil.month, civil.day + 1)
            } else {
                expected = civil.month == 12 ? (civil.year + 1, 1, 1) : (civil.year, civil.month + 1, 1)
            }
        }
        #expect(wrong == 0)
        #expect(expected == CivilDate.date(daysSinceEpoch: 200_001))
    }
}

import Requests
import Store

extension Day {
    /// The calendar day of a `date` or `timestamp(tz)` value in PostgreSQL's
    /// text output: a date is its own day, an instant the day on Oslo's
    /// calendar (where deadlines and financial years are counted).
    init?(postgresText text: String) {
        if let day = Day(iso: text) {
            self = day
        } else if let date = TimestampFormat.date(from: text) {
            self.init(date, timeZone: Day.osloTimeZone)
        } else {
            return nil
        }
    }
}

import Requests
import Store

/// `dsr.daily_jobs`: the last day each daily job ran, the once-a-day guard
/// of the daily jobs across restarts and several daemons.
public struct DailyJobs {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Claims `job` for `day` inside the caller's transaction: true when
    /// no run has claimed that day (or a later one) yet. The row stays
    /// locked until the transaction ends, so a second daemon waits and
    /// then sees the day taken; a rolled-back transaction gives the day back.
    public func claim(_ job: String, day: Day) throws -> Bool {
        let result = try connection.execute("""
            INSERT INTO dsr.daily_jobs (job, last_day, last_at) VALUES ($1, $2::date, now())
            ON CONFLICT (job) DO UPDATE SET last_day = EXCLUDED.last_day, last_at = EXCLUDED.last_at
            WHERE dsr.daily_jobs.last_day < EXCLUDED.last_day
            RETURNING job
            """, [.text(job), .text(day.description)])
        return result.first != nil
    }
}

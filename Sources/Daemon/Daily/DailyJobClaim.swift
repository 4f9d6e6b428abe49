import Requests
import Store

/// The once-a-day guard of the daily jobs, across restarts and several
/// daemons: `dsr.daily_jobs` keeps the last day each job ran.
enum DailyJobClaim {
    /// Claims `job` for `day` inside the caller's transaction: true when
    /// no run has claimed that day (or a later one) yet. The row stays
    /// locked until the transaction ends, so a second daemon waits and
    /// then sees the day taken; a rolled-back transaction gives the day back.
    static func claim(_ job: String, day: Day, connection: PostgresConnection) throws -> Bool {
        let result = try connection.execute("""
            INSERT INTO dsr.daily_jobs (job, last_day, last_at) VALUES ($1, $2::date, now())
            ON CONFLICT (job) DO UPDATE SET last_day = EXCLUDED.last_day, last_at = EXCLUDED.last_at
            WHERE dsr.daily_jobs.last_day < EXCLUDED.last_day
            RETURNING job
            """, [.text(job), .text(day.description)])
        return result.first != nil
    }
}

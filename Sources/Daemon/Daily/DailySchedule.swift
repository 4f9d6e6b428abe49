import Foundation
import Requests

/// Which daily jobs may run at a given instant. Days and hours are counted
/// in Oslo time; whether a job already ran that day is the database's
/// business (`DailyJobs` in Records), not this type's.
public struct DailySchedule: Sendable, Equatable {
    public enum Job: String, Sendable, CaseIterable {
        /// Deletes held rows whose hold has ended: any time of day.
        case purge
        /// Applies `retention` to dsrd's own records: any time of day, always.
        case retention
        /// The operators' digest: at or after `digestHour`.
        case digest
    }

    /// False without a data map: there is nothing to purge by.
    public var purgeEnabled: Bool
    /// False without a digest address.
    public var digestEnabled: Bool
    /// 0–23, Oslo time.
    public var digestHour: Int

    public init(purgeEnabled: Bool, digestEnabled: Bool, digestHour: Int) {
        self.purgeEnabled = purgeEnabled
        self.digestEnabled = digestEnabled
        self.digestHour = digestHour
    }

    /// The jobs that may run at `now`, in the order they run.
    public func jobs(at now: Date) -> [Job] {
        var jobs: [Job] = []
        if purgeEnabled { jobs.append(.purge) }
        jobs.append(.retention)
        if digestEnabled && Self.osloHour(now) >= digestHour { jobs.append(.digest) }
        return jobs
    }

    /// The hour (0–23) on Oslo's wall clock at `date`.
    public static func osloHour(_ date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Day.osloTimeZone
        return calendar.component(.hour, from: date)
    }
}

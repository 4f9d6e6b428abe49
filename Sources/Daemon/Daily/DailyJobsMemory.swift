import Foundation
import Requests

/// The days on which this process saw each daily job done (by itself or
/// by another daemon), so the stage does not ask the database every poll.
final class DailyJobsMemory: @unchecked Sendable {
    private let lock = NSLock()
    private var doneOn: [DailySchedule.Job: Day] = [:]

    func isDone(_ job: DailySchedule.Job, on day: Day) -> Bool {
        lock.withLock { doneOn[job] == day }
    }

    func markDone(_ job: DailySchedule.Job, on day: Day) {
        lock.withLock { doneOn[job] = day }
    }
}

import CustomerData
import Foundation
import Records
import Requests
import Store

/// The jobs that run once a day (Oslo): the purge of held rows whose hold
/// has ended, retention on dsrd's own records, and the operators' digest. Each round it asks `DailySchedule`
/// which may run now; each job claims its day in `dsr.daily_jobs` in the
/// same transaction as its work, so it runs once per day across restarts
/// and several daemons, and a failed run leaves the day to the next round.
public struct DailyJobsStage: PipelineStage {
    public struct Settings: Sendable {
        /// Nil: no purge (without a data map there is nothing to purge by).
        public var dataMap: DataMap?
        /// Nil: no digest.
        public var digestAddress: String?
        public var digestHour: Int
        /// The From and envelope sender of the digest.
        public var sender: String
        public var organisationName: String
        /// How long dsrd's own records are kept.
        public var retention: RetentionPolicy
        /// The jobs' rows in `dsr.daily_jobs`. Other names keep days of
        /// their own (tests on a shared database).
        public var purgeJobName = "purge"
        public var retentionJobName = "retention"
        public var digestJobName = "digest"

        public init(dataMap: DataMap?, digestAddress: String?, digestHour: Int, sender: String,
                    organisationName: String, retention: RetentionPolicy = .standard) {
            self.dataMap = dataMap
            self.digestAddress = digestAddress
            self.digestHour = digestHour
            self.sender = sender
            self.organisationName = organisationName
            self.retention = retention
        }

        var schedule: DailySchedule {
            DailySchedule(purgeEnabled: dataMap != nil, digestEnabled: digestAddress != nil, digestHour: digestHour)
        }
    }

    static let actor = "dsrd:daily"

    public let name = "daily"
    public let database: PostgresClient
    public let clock: any WallClock
    public let logger: Logger
    public let settings: Settings
    private let memory = DailyJobsMemory()

    public init(database: PostgresClient, clock: any WallClock = SystemWallClock(), logger: Logger, settings: Settings) {
        self.database = database
        self.clock = clock
        self.logger = logger
        self.settings = settings
    }

    /// Runs the jobs due now that this process has not yet seen done
    /// today. A failing job does not keep the other from running; the
    /// first failure is thrown after both had their turn.
    public func runOnce() async throws -> StageReport {
        let now = clock.now()
        let today = Day(now, timeZone: Day.osloTimeZone)
        var ran: [String] = []
        var firstFailure: (any Error)?
        for job in settings.schedule.jobs(at: now) where !memory.isDone(job, on: today) {
            do {
                let didRun = switch job {
                case .purge: try await purge(today: today)
                case .retention: try await retention(today: today, now: now)
                case .digest: try await digest(today: today, now: now)
                }
                // Done today, by this run or by another daemon's.
                memory.markDone(job, on: today)
                if didRun { ran.append(job.rawValue) }
            } catch {
                firstFailure = firstFailure ?? error
            }
        }
        if let firstFailure { throw firstFailure }
        return StageReport(handled: ran.count, summary: ran.isEmpty ? "nothing due" : ran.joined(separator: ", ") + " done")
    }

    /// True when this run claimed the day and purged.
    private func purge(today: Day) async throws -> Bool {
        guard let map = settings.dataMap else { return false }
        let job = settings.purgeJobName
        let report: HeldRowPurge.Report? = try await database.transaction { connection in
            guard try DailyJobs(connection).claim(job, day: today) else { return nil }
            let report = try HeldRowPurge.purge(map: map, today: today, in: connection)
            if report.holdsClosed > 0 {
                try AuditTrail(connection).append(requestID: nil, actor: Self.actor, action: .heldRowsPurged,
                                                  detailsJSON: Self.countsJSON(report))
            }
            return report
        }
        guard let report else { return false }
        let deleted = report.deleted.values.reduce(0, +)
        logger.log(report.holdsClosed > 0 ? .info : .debug, "held rows purged",
                   ["holds_closed": report.holdsClosed, "rows_deleted": deleted])
        return true
    }

    /// True when this run claimed the day and applied the retention: each
    /// limit is a day, reached on the first run on or after it.
    private func retention(today: Day, now: Date) async throws -> Bool {
        let settings = self.settings
        let policy = settings.retention
        let report: Retention.Report? = try await database.transaction { connection in
            guard try DailyJobs(connection).claim(settings.retentionJobName, day: today) else { return nil }
            let retention = Retention(connection)
            var report = Retention.Report()
            let rawThrough = policy.rawMailClearedThrough(today: today)
            report.receivedMailCleared = try retention.clearReceivedMail(through: rawThrough, at: now)
            (report.requestValuesCleared, report.auditEventsRedacted) = try retention.clearRequestValues(
                through: rawThrough, at: now)
            report.sentMailCleared = try retention.clearSentMail(through: policy.sentMailClearedThrough(today: today),
                                                                 at: now)
            report.deleted = try retention.deleteClosedCases(today: today, caseYears: policy.caseYears)
            if report.changedAnything {
                try AuditTrail(connection).append(requestID: nil, actor: Self.actor, action: .retentionApplied,
                                                  detailsJSON: Self.countsJSON(report), at: now)
            }
            return report
        }
        guard let report else { return false }
        logger.log(report.changedAnything ? .info : .debug, "retention applied", [
            "received_mail_cleared": report.receivedMailCleared, "request_values_cleared": report.requestValuesCleared,
            "audit_events_redacted": report.auditEventsRedacted, "sent_mail_cleared": report.sentMailCleared,
            "cases_deleted": report.deleted["cases"] ?? 0,
        ])
        return true
    }

    /// True when this run claimed the day and queued the digest.
    private func digest(today: Day, now: Date) async throws -> Bool {
        guard let address = settings.digestAddress else { return false }
        let settings = self.settings
        let digest: OperatorDigest? = try await database.transaction { connection in
            guard try DailyJobs(connection).claim(settings.digestJobName, day: today) else { return nil }
            let digest = try OperatorDigest.read(day: today, in: connection)
            let mail = DigestMail.compose(digest, to: address, sender: settings.sender,
                                          organisation: settings.organisationName, date: now)
            try Outbox(connection).enqueue(mail, for: nil, actor: Self.actor)
            return digest
        }
        guard let digest else { return false }
        logger.info("digest queued", ["open": digest.openCount, "due_soon": digest.dueSoon.count,
                                      "overdue": digest.overdue.count])
        return true
    }

    /// What the retention job did: counts only, never an address.
    static func countsJSON(_ report: Retention.Report) -> String {
        AuditJSON.encode([
            "received_mail_cleared": report.receivedMailCleared, "request_values_cleared": report.requestValuesCleared,
            "audit_events_redacted": report.auditEventsRedacted, "sent_mail_cleared": report.sentMailCleared,
            "deleted": report.deleted,
        ])
    }

    /// `{"holds_closed": n, "rows_deleted": {TABLE: n, …}}`: counts and table names only.
    static func countsJSON(_ report: HeldRowPurge.Report) -> String {
        AuditJSON.encode(["holds_closed": report.holdsClosed, "rows_deleted": report.deleted])
    }
}

import Foundation
import LogSafety
import Records
import Transport

/// The delivery stage: sends the replies waiting in the outbox over one
/// reused SMTP connection.
///
/// Each message is claimed (a lease on `next_attempt_at`), sent, and only
/// then marked sent, each step in its own short transaction: a crash
/// between send and mark sends the reply twice rather than losing it (the
/// stable Message-ID lets the recipient's software see the duplicate).
public struct DeliveryStage: PipelineStage {
    public struct Settings: Sendable, Equatable {
        /// Rows claimed per batch.
        public var batchSize: Int
        /// How long a claim keeps other daemons off a row.
        public var leaseSeconds: TimeInterval
        /// Batches per round at most, so one round cannot run forever.
        public var maxBatchesPerRound: Int
        /// No new batch is claimed once a round has run this long: the
        /// runner (and its watchdog pings) get their turn between rounds.
        public var roundTimeBudget: TimeInterval
        public var retry: RetryPolicy

        public init(batchSize: Int = 20, leaseSeconds: TimeInterval = 600, maxBatchesPerRound: Int = 10,
                    roundTimeBudget: TimeInterval = 30, retry: RetryPolicy = .standard) {
            self.batchSize = max(batchSize, 1)
            self.leaseSeconds = max(leaseSeconds, 1)
            self.maxBatchesPerRound = max(maxBatchesPerRound, 1)
            self.roundTimeBudget = max(roundTimeBudget, 0)
            self.retry = retry
        }
    }

    /// SMTP could not be reached; the round stopped after deferring a reply.
    /// The reason holds SMTP reply and curl codes only (`SendVerdict`).
    public struct SMTPUnavailable: LogSafeError, Sendable {
        public var reason: String
        public var description: String { "smtp unavailable: \(reason)" }
    }

    public let name = "delivery"
    public let outbox: any OutboxDelivery
    public let sender: any MailSender
    public let clock: any WallClock
    public let logger: Logger
    public let settings: Settings

    public init(outbox: any OutboxDelivery, sender: any MailSender, clock: any WallClock = SystemWallClock(),
                logger: Logger, settings: Settings = Settings()) {
        self.outbox = outbox
        self.sender = sender
        self.clock = clock
        self.logger = logger
        self.settings = settings
    }

    public func runOnce() async throws -> StageReport {
        try await runOnce(progress: {})
    }

    public func runOnce(progress: StageProgress) async throws -> StageReport {
        var tally = Tally()
        let started = clock.now()
        for _ in 0..<settings.maxBatchesPerRound {
            let now = clock.now()
            if now.timeIntervalSince(started) > settings.roundTimeBudget { break }
            let batch = try await outbox.claim(now: now, leaseUntil: now.addingTimeInterval(settings.leaseSeconds),
                                              limit: settings.batchSize)
            for (position, message) in batch.enumerated() {
                do {
                    try await deliver(message, tally: &tally)
                    progress()
                } catch let outage as SMTPUnavailable {
                    let rest = batch[(position + 1)...].map(\.id)
                    try await outbox.release(rest, dueAt: now)
                    logger.debug("delivery round stopped", ["sent": tally.sent, "released": rest.count])
                    throw outage
                }
            }
            if batch.count < settings.batchSize {
                tally.drained = true
                break
            }
        }
        return tally.report
    }

    private func deliver(_ message: OutboxMessage, tally: inout Tally) async throws {
        let verdict: SendVerdict
        var lastError = ""
        do {
            try await sender.send(message.mail.raw, from: message.mail.envelopeFrom, to: message.mail.recipients)
            verdict = .sent
        } catch {
            verdict = SendVerdict(error: error)
            lastError = (error as? TransportError)?.description ?? "mail transport error"
        }
        let now = clock.now()
        let attempt = message.attempts + 1
        switch verdict {
        case .sent:
            try await outbox.markSent(message, at: now)
            tally.sent += 1
            logger.info("reply sent", ["outbox_id": message.id, "reference": message.reference ?? "-",
                                       "template": message.mail.template, "attempt": attempt])
        case .permanent(let reason):
            try await fail(message, lastError: lastError, reason: reason, at: now)
            tally.failed += 1
        case .temporary(let reason), .outage(let reason):
            switch settings.retry.decision(afterFailedAttempt: attempt) {
            case .retry(let delay):
                try await outbox.markDeferred(message, lastError: lastError, retryAt: now.addingTimeInterval(delay))
                tally.deferred += 1
                // An outage is logged once by the runner; a refused reply here.
                logger.log(verdict.isOutage ? .debug : .info, "reply deferred",
                           ["outbox_id": message.id, "reference": message.reference ?? "-", "attempt": attempt,
                            "retry_in_seconds": Int(delay), "reason": reason])
            case .giveUp:
                try await fail(message, lastError: lastError,
                               reason: "\(reason), gave up after \(attempt) attempts", at: now)
                tally.failed += 1
            }
            if verdict.isOutage { throw SMTPUnavailable(reason: reason) }
        }
    }

    private func fail(_ message: OutboxMessage, lastError: String, reason: String, at now: Date) async throws {
        let fromState = try await outbox.markFailed(message, lastError: lastError, reason: reason, at: now)
        logger.warning("reply failed", ["outbox_id": message.id, "reference": message.reference ?? "-",
                                        "template": message.mail.template,
                                        "request_state": fromState ?? "-", "reason": reason])
    }

    private struct Tally {
        var sent = 0
        var deferred = 0
        var failed = 0
        /// The round ended on a batch that was not full: nothing due is left.
        var drained = false

        var report: StageReport {
            StageReport(handled: sent, deferred: deferred, failed: failed,
                        summary: "\(sent) sent, \(deferred) deferred, \(failed) failed", moreWaiting: !drained)
        }
    }
}

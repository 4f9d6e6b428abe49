import Foundation
import LogSafety
import Records
import Transport

/// The delivery stage: sends the replies waiting in the outbox over one
/// reused SMTP connection.
///
/// A batch of messages is claimed (a lease on `next_attempt_at`), each is
/// sent, and the batch's sends are marked sent together once the batch is
/// through (or stops), each step in short transactions of its own: a crash
/// between send and mark sends those replies twice rather than losing them
/// (their stable Message-IDs let the recipient's software see the
/// duplicates). One mark per batch instead of one per mail: a commit and
/// three statements less per mail.
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
            var sent: [SentMail] = []
            for (position, message) in batch.enumerated() {
                do {
                    try await deliver(message, sent: &sent, tally: &tally)
                    progress()
                } catch let outage as SMTPUnavailable {
                    try await mark(sent, tally: &tally)
                    let rest = batch[(position + 1)...].map(\.id)
                    try await outbox.release(rest, dueAt: now)
                    logger.debug("delivery round stopped", ["sent": tally.sent, "released": rest.count])
                    throw outage
                } catch {
                    // What the server took is still marked (best effort: the
                    // database may be what failed; unmarked, they go again).
                    try? await mark(sent, tally: &tally)
                    throw error
                }
            }
            try await mark(sent, tally: &tally)
            if batch.count < settings.batchSize {
                tally.drained = true
                break
            }
        }
        return tally.report
    }

    /// Marks the batch's sends, then logs each.
    private func mark(_ sent: [SentMail], tally: inout Tally) async throws {
        guard !sent.isEmpty else { return }
        try await outbox.markSent(sent)
        tally.sent += sent.count
        for mail in sent {
            logger.info("reply sent", ["outbox_id": mail.message.id, "reference": mail.message.reference ?? "-",
                                       "template": mail.message.mail.template, "attempt": mail.message.attempts + 1])
        }
    }

    private func deliver(_ message: OutboxMessage, sent: inout [SentMail], tally: inout Tally) async throws {
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
            sent.append(SentMail(message: message, at: now))
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

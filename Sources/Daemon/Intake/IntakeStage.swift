import Foundation
import Store
import Transport

/// Intake: every message in the notices mailbox is recorded exactly once.
///
/// Each round reads `STATUS (UIDVALIDITY UIDNEXT)`, lists what is still in
/// the mailbox (handled mail is moved out), and for each message: if the
/// ledger already has its (mailbox, UIDVALIDITY, UID) — a crash came between
/// COMMIT and the move — it only finishes the IMAP step; otherwise it
/// fetches, records and triages it in one transaction, and only after
/// COMMIT sets the keyword and moves it. A new UIDVALIDITY is logged; the
/// re-numbered messages are then recognised by Message-ID or bytes.
public struct IntakeStage: PipelineStage {
    public let name = "intake"
    let imap: IMAPClient
    let database: PostgresClient
    let recorder: IntakeRecorder
    let logger: Logger
    let clock: any WallClock
    let personKey: [UInt8]
    /// Test hook: stop the process right after a COMMIT, before the IMAP move,
    /// to prove that a crash there loses and duplicates nothing.
    let exitAfterCommit: Bool

    public init(imap: IMAPClient, database: PostgresClient, recorder: IntakeRecorder, logger: Logger,
                clock: any WallClock, personKey: [UInt8], exitAfterCommit: Bool = false) {
        self.imap = imap
        self.database = database
        self.recorder = recorder
        self.logger = logger
        self.clock = clock
        self.personKey = personKey
        self.exitAfterCommit = exitAfterCommit
    }

    var settings: IntakeSettings { recorder.settings }

    public func runOnce() async throws -> StageReport {
        let mailbox = settings.mailbox
        // A new session each round: an IMAP session that has a mailbox
        // selected may not see mail that arrived since (Dovecot answers
        // STATUS and SEARCH from the session's view), and curl's idea of the
        // selected mailbox is reset too. Within the round the one
        // connection serves every fetch.
        await imap.disconnect()
        let status = try await imap.status(of: mailbox)
        let ledger = settings.ledgerMailbox
        let previous = try await database.transaction { connection in
            try InboundLedger(connection).exchangeUIDValidity(mailbox: ledger, current: status.uidValidity)
        }
        if let previous, previous != status.uidValidity {
            logger.warning("uidvalidity changed", ["mailbox": mailbox.rawValue, "previous": previous,
                                                   "current": status.uidValidity])
        }
        guard (status.messages ?? 1) > 0 else { return StageReport(summary: "mailbox empty") }
        try await imap.createIfMissing(settings.processedMailbox)
        try await imap.createIfMissing(settings.reviewMailbox)

        var counts: [String: Int] = [:]
        var handled = 0
        var recorded = RecordedMessages()
        let uids = try await imap.uids(in: mailbox, from: 1)
        for uid in uids.prefix(settings.batchSize) {
            let outcome = try await handle(uid: uid, uidValidity: status.uidValidity, recorded: &recorded)
            counts[outcome, default: 0] += 1
            handled += 1
        }
        try await markAndMove(recorded)
        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        return StageReport(handled: handled, summary: summary.isEmpty ? "nothing new" : summary,
                           moreWaiting: uids.count > settings.batchSize)
    }

    /// Messages recorded this round, to be marked and moved together once
    /// the round's transactions are committed: one STORE and one MOVE per
    /// destination, so a large mailbox is rewritten once, not per message.
    /// A crash before the move leaves them recorded and in the mailbox; the
    /// next round finds them in the ledger and only moves them.
    struct RecordedMessages {
        var byDestination: [MailboxName: [(uid: UInt64, inboundID: Int)]] = [:]

        mutating func add(uid: UInt64, inboundID: Int, destination: MailboxName) {
            byDestination[destination, default: []].append((uid, inboundID))
        }
    }

    /// One message; returns the word for the log summary.
    private func handle(uid: UInt64, uidValidity: UInt64, recorded: inout RecordedMessages) async throws -> String {
        let mailbox = settings.mailbox
        let existing = try await database.query(
            "SELECT id, outcome FROM dsr.inbound WHERE mailbox = $1 AND uid_validity = $2 AND uid = $3",
            [.text(settings.ledgerMailbox), .text(String(uidValidity)), .text(String(uid))], retryOnConnectionLoss: true
        ).first
        if let existing {
            // Recorded before, not yet moved: finish the IMAP step only.
            let inboundID = try existing.int("id")
            let outcome = try existing.string("outcome")
            let destination = ["unreadable", "oversized"].contains(outcome) ? settings.reviewMailbox : settings.processedMailbox
            try await markAndMove(uid: uid, inboundID: inboundID, to: destination)
            logger.info("recorded message moved", ["inbound_id": inboundID, "outcome": outcome])
            return "resumed"
        }

        let metadata = try await imap.metadata(uid: uid, in: mailbox)
        let receivedAt = metadata.internalDate ?? clock.now()
        let recorder = self.recorder
        let outcome: IntakeOutcome?
        if let size = metadata.size, size > settings.maximumMessageBytes {
            outcome = try await database.transaction { connection in
                try recorder.recordOversized(uidValidity: uidValidity, uid: uid, size: size, receivedAt: receivedAt,
                                             in: connection)
            }
        } else {
            let raw: [UInt8]
            do {
                raw = try await imap.fetch(uid: uid, in: mailbox, maximumBytes: settings.maximumMessageBytes)
            } catch let error as TransportError where error.kind == .rejected {
                // The server would not hand this one message over (now):
                // it stays in the mailbox for the next round, and the rest
                // of this round goes on.
                logger.warning("message not fetched, left for the next round", ["uid": uid, "error": error.description])
                return "not_fetched"
            }
            let fetched = IntakeRecorder.Fetched(uidValidity: uidValidity, uid: uid, raw: raw, receivedAt: receivedAt)
            let now = clock.now()
            outcome = try await database.transaction { connection in
                try recorder.record(fetched, in: connection, now: now)
            }
        }
        if exitAfterCommit {
            logger.notice("stopping after commit (test hook)", ["uid": uid])
            exit(75)
        }
        guard let outcome else {
            // Another daemon recorded it between our look and our insert.
            return "skipped"
        }
        logger.info("message recorded", [
            "inbound_id": outcome.inboundID, "outcome": outcome.outcome,
            "reference": outcome.requestReference ?? "-", "state": outcome.requestState ?? "-",
            "replies_queued": outcome.repliesQueued,
        ])
        recorded.add(uid: uid, inboundID: outcome.inboundID,
                     destination: outcome.destination == .review ? settings.reviewMailbox : settings.processedMailbox)
        return outcome.outcome
    }

    /// Keyword first, then the move: a crash between the two leaves a marked
    /// message in the mailbox, which the next round moves.
    private func markAndMove(uid: UInt64, inboundID: Int, to destination: MailboxName) async throws {
        var one = RecordedMessages()
        one.add(uid: uid, inboundID: inboundID, destination: destination)
        try await markAndMove(one)
    }

    private func markAndMove(_ recorded: RecordedMessages) async throws {
        for (destination, messages) in recorded.byDestination.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let uids = messages.map(\.uid)
            try await imap.addKeyword(settings.recordedKeyword, uids: uids, in: settings.mailbox)
            try await imap.move(uids: uids, from: settings.mailbox, to: destination)
            try await database.query(
                "UPDATE dsr.inbound SET moved_at = now() WHERE id = ANY($1::bigint[]) AND moved_at IS NULL",
                [.textArray(messages.map { String($0.inboundID) })], retryOnConnectionLoss: true)
        }
    }
}

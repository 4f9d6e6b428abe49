import Foundation
import Records
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
///
/// A round stops starting new messages after `batchSize` of them, or once
/// it has run `roundTimeBudget` or fetched `roundByteBudget` (`RoundBudget`),
/// and says more is waiting. Each message's attempt is counted before it is
/// read (`IntakeAttempts`): one that took the process down three times is
/// set aside unread for a person.
public struct IntakeStage: PipelineStage {
    public let name = "intake"
    let imap: IMAPClient
    let database: PostgresClient
    let recorder: IntakeRecorder
    let logger: Logger
    let clock: any WallClock
    /// Crashes on purpose (tests only; `FaultInjection`): stop right after a
    /// COMMIT, before the IMAP move, or die before the COMMIT of a marked message.
    let faults: FaultInjection

    public init(imap: IMAPClient, database: PostgresClient, recorder: IntakeRecorder, logger: Logger,
                clock: any WallClock, faults: FaultInjection = .none) {
        self.imap = imap
        self.database = database
        self.recorder = recorder
        self.logger = logger
        self.clock = clock
        self.faults = faults
    }

    var settings: IntakeSettings { recorder.settings }

    var attempts: IntakeAttempts { IntakeAttempts(database: database, mailbox: settings.ledgerMailbox) }

    public func runOnce() async throws -> StageReport {
        try await runOnce(progress: {})
    }

    public func runOnce(progress: StageProgress) async throws -> StageReport {
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
        var budget = RoundBudget(started: clock.now(), seconds: settings.roundTimeBudget,
                                 bytes: settings.roundByteBudget)
        var outOfBudget = false
        let uids = try await imap.uids(in: mailbox, from: 1)
        let batch = Array(uids.prefix(settings.batchSize))
        // Messages recorded before (a crash came before their move) or whose
        // reading began before (a crash came while reading) go one by one;
        // the fresh ones, several to a transaction (`recordChunk`).
        let uidValidity = status.uidValidity
        let (known, begun) = try await database.withConnection(retryOnConnectionLoss: true) { connection in
            (try InboundLedger(connection).findAll(mailbox: ledger, uidValidity: uidValidity, uids: batch),
             try IntakeAttemptCounts(connection).counts(mailbox: ledger, uidValidity: uidValidity, uids: batch))
        }
        let fresh = { (uid: UInt64) in known[uid] == nil && begun[uid] == nil }
        var index = 0
        // The next chunk of the same run of fresh messages, fetched while
        // the one before it records (`IntakeStage+Chunks`).
        var prefetch: (start: Int, task: Task<FetchedChunk, any Error>)?
        while index < batch.count {
            if fresh(batch[index]) {
                let end = batch[index...].firstIndex { !fresh($0) } ?? batch.count
                let fetched: FetchedChunk
                if let ahead = prefetch, ahead.start == index {
                    prefetch = nil
                    fetched = try await ahead.task.value
                } else {
                    fetched = try await fetchChunk(batch[index..<end], uidValidity: uidValidity, budget: budget)
                }
                budget = fetched.budget
                let next = index + fetched.taken
                if !fetched.outOfBudget && next < end {
                    let uids = batch[next..<end]
                    let budgetAfter = budget
                    prefetch = (next, Task { try await fetchChunk(uids, uidValidity: uidValidity, budget: budgetAfter) })
                }
                let chunk: ChunkResult
                do {
                    chunk = try await recordChunk(fetched, uidValidity: uidValidity, recorded: &recorded,
                                                  budget: &budget)
                } catch {
                    _ = try? await prefetch?.task.value
                    throw error
                }
                if chunk.readOneByOne, let ahead = prefetch {
                    // Read one by one, the chunk used the budget and the
                    // connection meanwhile: the next is fetched again.
                    _ = try? await ahead.task.value
                    prefetch = nil
                }
                for outcome in chunk.outcomes {
                    counts[outcome, default: 0] += 1
                    progress()
                }
                handled += chunk.outcomes.count
                index = next
                if fetched.outOfBudget {
                    outOfBudget = true
                    break
                }
                continue
            }
            guard budget.mayStart(now: clock.now()) else {
                outOfBudget = true
                break
            }
            let outcome = try await handle(uid: batch[index], uidValidity: uidValidity, recorded: &recorded,
                                           budget: &budget)
            counts[outcome, default: 0] += 1
            handled += 1
            index += 1
            progress()
        }
        if let ahead = prefetch { _ = try? await ahead.task.value }
        try await markAndMove(recorded)
        if outOfBudget {
            logger.info("intake round budget used, more waiting", [
                "handled": handled, "seconds": Int(clock.now().timeIntervalSince(budget.started)),
                "bytes": budget.bytesUsed,
            ])
        }
        let summary = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        return StageReport(handled: handled, summary: summary.isEmpty ? "nothing new" : summary,
                           moreWaiting: outOfBudget || uids.count > settings.batchSize)
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
    func handle(uid: UInt64, uidValidity: UInt64, recorded: inout RecordedMessages,
                        budget: inout RoundBudget) async throws -> String {
        let ledgerMailbox = settings.ledgerMailbox
        let existing = try await database.withConnection(retryOnConnectionLoss: true) {
            try InboundLedger($0).find(mailbox: ledgerMailbox, uidValidity: uidValidity, uid: uid)
        }
        if let existing {
            // Recorded before, not yet moved: finish the IMAP step only.
            let inboundID = existing.id
            let outcome = existing.outcome
            let destination = ["unreadable", "oversized", "quarantined", "over_storage_cap"].contains(outcome)
                ? settings.reviewMailbox : settings.processedMailbox
            try await markAndMove(uid: uid, inboundID: inboundID, to: destination)
            let reference = try? await database.withConnection(retryOnConnectionLoss: true) {
                try RequestRecords($0).reference(linkedTo: inboundID)
            }
            logger.info("recorded message moved", ["inbound_id": inboundID, "outcome": outcome,
                                                   "reference": (reference ?? nil) ?? "-"])
            return "resumed"
        }

        let earlierAttempts = try await attempts.begin(uidValidity: uidValidity, uid: uid, now: clock.now())
        let outcome: IntakeOutcome?
        do {
            if earlierAttempts >= IntakeAttempts.limit {
                outcome = try await quarantine(uid: uid, uidValidity: uidValidity)
            } else if let recordedNow = try await read(uid: uid, uidValidity: uidValidity, budget: &budget) {
                outcome = recordedNow
            } else {
                await attempts.takeBack(uidValidity: uidValidity, uid: uid)
                return "not_fetched"
            }
        } catch {
            await attempts.takeBack(uidValidity: uidValidity, uid: uid)
            throw error
        }
        if faults.exitAfterCommit {
            logger.notice("stopping after commit (test hook)", ["uid": uid])
            exit(75)
        }
        return note(outcome, uid: uid, recorded: &recorded)
    }

    /// Logs a recorded message and keeps it for the move; returns the word
    /// for the log summary.
    func note(_ outcome: IntakeOutcome?, uid: UInt64, recorded: inout RecordedMessages) -> String {
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

    /// Fetches and records one message in one transaction, which also
    /// clears its attempt count. `.some(nil)`: recorded meanwhile by another
    /// daemon; nil: the server would not hand it over (it stays in the
    /// mailbox for the next round, and the rest of this round goes on).
    private func read(uid: UInt64, uidValidity: UInt64, budget: inout RoundBudget) async throws -> IntakeOutcome?? {
        let metadata = try await imap.metadata(uid: uid, in: settings.mailbox)
        let receivedAt = metadata.internalDate ?? clock.now()
        let recorder = self.recorder
        let ledgerMailbox = settings.ledgerMailbox
        if let size = metadata.size, size > settings.maximumMessageBytes {
            return try await database.transaction { connection in
                let outcome = try recorder.recordOversized(uidValidity: uidValidity, uid: uid, size: size,
                                                           receivedAt: receivedAt, in: connection)
                try IntakeAttemptCounts(connection).clear(mailbox: ledgerMailbox, uidValidity: uidValidity, uid: uid)
                return outcome
            }
        }
        let raw: [UInt8]
        do {
            raw = try await imap.fetch(uid: uid, in: settings.mailbox, maximumBytes: settings.maximumMessageBytes)
        } catch let error as TransportError where error.kind == .rejected {
            logger.warning("message not fetched, left for the next round", ["uid": uid, "error": error.description])
            return nil
        }
        budget.use(bytes: raw.count)
        let fetched = IntakeRecorder.Fetched(uidValidity: uidValidity, uid: uid, raw: raw, receivedAt: receivedAt)
        let now = clock.now()
        let hooks = faults
        let logger = self.logger
        return try await database.transaction { connection in
            let outcome = try recorder.record(fetched, in: connection, now: now)
            try IntakeAttemptCounts(connection).clear(mailbox: ledgerMailbox, uidValidity: uidValidity, uid: uid)
            hooks.crashIfMarked(raw, logger: logger)
            return outcome
        }
    }

    /// A message that stopped the daemon `IntakeAttempts.limit` times:
    /// recorded unread and sent to review, with nothing fetched but its size.
    private func quarantine(uid: UInt64, uidValidity: UInt64) async throws -> IntakeOutcome? {
        let metadata = try? await imap.metadata(uid: uid, in: settings.mailbox)
        let outcome = try await attempts.quarantine(
            uidValidity: uidValidity, uid: uid, size: metadata?.size ?? 0,
            receivedAt: metadata?.internalDate ?? clock.now(), reviewMailbox: settings.reviewMailbox.rawValue,
            actor: IntakeRecorder.actor)
        logger.warning("message set aside unread after stopping the daemon repeatedly",
                       ["uid": uid, "attempts": IntakeAttempts.limit])
        return outcome
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
            let inboundIDs = messages.map(\.inboundID)
            try await database.withConnection(retryOnConnectionLoss: true) {
                try InboundLedger($0).markMoved(inboundIDs)
            }
        }
    }
}

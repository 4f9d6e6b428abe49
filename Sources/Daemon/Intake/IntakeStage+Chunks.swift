import Foundation
import Records
import Store
import Transport

/// Fresh messages read several to a transaction.
///
/// A message intake has never begun to read (not in the ledger, no attempt
/// counted) is fetched with the next few, their attempts are counted in one
/// statement, and they are recorded in one transaction: one COMMIT (and one
/// flush to disk) for up to `chunkMessages` messages instead of two for
/// each. If the process dies while reading them, every message of the
/// chunk has one attempt counted and none is recorded; the next round reads
/// each of them alone (`IntakeStage.handle`), so the one that takes the
/// process down is found and set aside, and the others are recorded. A
/// chunk whose transaction fails otherwise is taken back and read message
/// by message, as before, so an error names one message and the messages
/// before it are kept.
///
/// While a chunk records, the next one of the same run of fresh messages is
/// fetched (`runOnce`): fetching only copies bytes from the mail server, so
/// nothing is counted or read before its chunk's turn, and a chunk whose
/// recording fails throws the fetched next one away.
extension IntakeStage {
    /// At most this many messages share a transaction…
    public static let chunkMessages = 25
    /// …and at most about this many bytes of mail.
    static let chunkBytes = 2 << 20

    /// A message fetched for a chunk, or one only measured (too large).
    enum ChunkItem: Sendable {
        case fetched(IntakeRecorder.Fetched)
        case oversized(uid: UInt64, size: Int, receivedAt: Date)

        var uid: UInt64 {
            switch self {
            case .fetched(let fetched): fetched.uid
            case .oversized(let uid, _, _): uid
            }
        }
    }

    /// A chunk's messages as fetched, before anything is counted or read.
    struct FetchedChunk: Sendable {
        var items: [ChunkItem] = []
        /// Messages the server refused to hand over, left for the next round.
        var notFetched = 0
        /// How many of the offered UIDs it took.
        var taken = 0
        var outOfBudget = false
        /// The round's budget once these were fetched.
        var budget: RoundBudget
    }

    /// What a chunk did: each message's word for the log summary, and
    /// whether it was read one by one after its transaction failed.
    struct ChunkResult {
        var outcomes: [String] = []
        var readOneByOne = false
    }

    /// Fetches the fresh messages `uids` (in mailbox order), as many as a
    /// chunk and the round's budget (`budget`, as it stands) allow.
    func fetchChunk(_ uids: ArraySlice<UInt64>, uidValidity: UInt64, budget: RoundBudget) async throws -> FetchedChunk {
        var result = FetchedChunk(budget: budget)
        var bytes = 0
        // Sizes and arrival times of the whole chunk in one command.
        let known = try await imap.metadata(uids: Array(uids.prefix(Self.chunkMessages)), in: settings.mailbox)
        for uid in uids.prefix(Self.chunkMessages) {
            guard bytes < Self.chunkBytes else { break }
            guard result.budget.mayStart(now: clock.now()) else {
                result.outOfBudget = true
                break
            }
            result.taken += 1
            let metadata = known[uid] ?? MessageMetadata(internalDate: nil, size: nil)
            let receivedAt = metadata.internalDate ?? clock.now()
            if let size = metadata.size, size > settings.maximumMessageBytes {
                result.items.append(.oversized(uid: uid, size: size, receivedAt: receivedAt))
                continue
            }
            do {
                let raw = try await imap.fetch(uid: uid, in: settings.mailbox, maximumBytes: settings.maximumMessageBytes)
                result.budget.use(bytes: raw.count)
                bytes += raw.count
                result.items.append(.fetched(IntakeRecorder.Fetched(uidValidity: uidValidity, uid: uid, raw: raw,
                                                                    receivedAt: receivedAt)))
            } catch let error as TransportError where error.kind == .rejected {
                logger.warning("message not fetched, left for the next round", ["uid": uid, "error": error.description])
                result.notFetched += 1
            }
        }
        return result
    }

    /// Counts the fetched chunk's attempts and records it in one
    /// transaction; a chunk whose transaction fails is read again one
    /// message at a time (with `budget`).
    func recordChunk(_ fetched: FetchedChunk, uidValidity: UInt64, recorded: inout RecordedMessages,
                     budget: inout RoundBudget) async throws -> ChunkResult {
        var result = ChunkResult(outcomes: Array(repeating: "not_fetched", count: fetched.notFetched))
        let items = fetched.items
        guard !items.isEmpty else { return result }

        let ledgerMailbox = settings.ledgerMailbox
        let itemUIDs = items.map(\.uid)
        let countedAt = clock.now()
        try await database.withConnection {
            try IntakeAttemptCounts($0).countAll(mailbox: ledgerMailbox, uidValidity: uidValidity, uids: itemUIDs,
                                                 at: countedAt)
        }
        let outcomes: [IntakeOutcome?]
        do {
            outcomes = try await record(items, uidValidity: uidValidity)
        } catch {
            // Taken back, then read one by one: the error is met again on
            // the message that causes it, with the ones before it recorded.
            _ = try? await database.withConnection {
                try IntakeAttemptCounts($0).takeBackAll(mailbox: ledgerMailbox, uidValidity: uidValidity, uids: itemUIDs)
            }
            logger.notice("a chunk of messages failed; reading them one by one", ["messages": items.count])
            result.readOneByOne = true
            for uid in itemUIDs {
                result.outcomes.append(try await handle(uid: uid, uidValidity: uidValidity, recorded: &recorded,
                                                        budget: &budget))
            }
            return result
        }
        if faults.exitAfterCommit {
            logger.notice("stopping after commit (test hook)", ["uid": itemUIDs.first ?? 0])
            exit(75)
        }
        for (item, outcome) in zip(items, outcomes) {
            result.outcomes.append(note(outcome, uid: item.uid, recorded: &recorded))
        }
        return result
    }

    /// Records the chunk's messages in one transaction, which also clears
    /// their attempt counts.
    private func record(_ items: [ChunkItem], uidValidity: UInt64) async throws -> [IntakeOutcome?] {
        var chunkRecorder = self.recorder
        chunkRecorder.window = WindowTally()
        let recorder = chunkRecorder
        let ledgerMailbox = settings.ledgerMailbox
        let now = clock.now()
        let hooks = faults
        let logger = self.logger
        return try await database.transaction { connection in
            var outcomes: [IntakeOutcome?] = []
            for item in items {
                switch item {
                case .oversized(let uid, let size, let receivedAt):
                    outcomes.append(try recorder.recordOversized(uidValidity: uidValidity, uid: uid, size: size,
                                                                 receivedAt: receivedAt, in: connection))
                case .fetched(let fetched):
                    outcomes.append(try recorder.record(fetched, in: connection, now: now))
                    hooks.crashIfMarked(fetched.raw, logger: logger)
                }
            }
            try IntakeAttemptCounts(connection).clearAll(mailbox: ledgerMailbox, uidValidity: uidValidity,
                                                         uids: items.map(\.uid))
            return outcomes
        }
    }
}

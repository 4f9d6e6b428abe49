import Foundation
import Records
import Store

/// Messages that take the process down. Before intake reads a message it
/// counts the attempt in `dsr.intake_attempts` (`IntakeAttemptCounts`), in
/// a transaction of its own that is committed first; the transaction that
/// records the message deletes the count. So a message that kills the
/// process (out of memory in the parser, say, or the watchdog's kill while
/// it was being read) leaves its count behind, and one that fails with an
/// error takes its attempt back. A message found with `limit` unfinished
/// attempts is not read again: it is recorded unread as `quarantined`, with
/// an audit event, and moved to the review folder; no request is opened and
/// nothing is sent. Without this, such a message would be read first in
/// every round after every restart, and nothing behind it would ever be
/// handled.
struct IntakeAttempts {
    /// Unfinished attempts after which a message is set aside.
    static let limit = 3

    let database: PostgresClient
    /// The ledger's name of the mailbox (`IntakeSettings.ledgerMailbox`).
    let mailbox: String

    /// Counts one more attempt at the message; returns how many earlier
    /// attempts never finished.
    func begin(uidValidity: UInt64, uid: UInt64, now: Date) async throws -> Int {
        let mailbox = self.mailbox
        return try await database.withConnection {
            try IntakeAttemptCounts($0).count(mailbox: mailbox, uidValidity: uidValidity, uid: uid, at: now)
        } - 1
    }

    /// Takes back an attempt that ended without taking the process down
    /// (an error, a message the server would not hand over). Best effort:
    /// when the database is what failed, the count stays one too high.
    func takeBack(uidValidity: UInt64, uid: UInt64) async {
        let mailbox = self.mailbox
        _ = try? await database.withConnection {
            try IntakeAttemptCounts($0).takeBack(mailbox: mailbox, uidValidity: uidValidity, uid: uid)
        }
    }

    /// Records the message unread, for a person; nil when it was recorded
    /// meanwhile (by another daemon).
    func quarantine(uidValidity: UInt64, uid: UInt64, size: Int, receivedAt: Date, reviewMailbox: String,
                    actor: String) async throws -> IntakeOutcome? {
        let mailbox = self.mailbox
        return try await database.transaction { connection in
            let ledger = InboundLedger(connection)
            let new = InboundLedger.NewMessage(
                mailbox: mailbox, uidValidity: uidValidity, uid: uid, messageID: nil, receivedAt: receivedAt, raw: [],
                sizeBytes: size, rawSHA256: nil, fromAddress: nil)
            guard let inboundID = try ledger.insert(new) else { return nil }
            try ledger.setOutcome(inboundID, outcome: "quarantined", autoKind: nil,
                                  problem: "stopped the daemon \(Self.limit) times while being read")
            try AuditTrail(connection).append(
                requestID: nil, inboundID: inboundID, actor: actor, action: .quarantined,
                reason: "stopped the daemon \(Self.limit) times while being read; moved unread to \(reviewMailbox)")
            try IntakeAttemptCounts(connection).clear(mailbox: mailbox, uidValidity: uidValidity, uid: uid)
            return IntakeOutcome(inboundID: inboundID, outcome: "quarantined", requestReference: nil, requestState: nil,
                                 repliesQueued: 0, destination: .review)
        }
    }
}

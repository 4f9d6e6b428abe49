import Foundation
import Store

/// `dsr.intake_attempts`: how often intake began to read each message (by
/// its IMAP key) without finishing. Intake counts an attempt in a statement
/// of its own before it reads the message, takes it back when the attempt
/// ends in an error, and deletes the count in the transaction that records
/// the message (`IntakeAttempts` in the daemon decides what a count means).
public struct IntakeAttemptCounts {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Counts one more attempt at the message at `now`; returns the
    /// attempts counted so far, this one included.
    public func count(mailbox: String, uidValidity: UInt64, uid: UInt64, at now: Date) throws -> Int {
        let row = try connection.execute("""
            INSERT INTO dsr.intake_attempts (mailbox, uid_validity, uid, attempts, last_at)
            VALUES ($1, $2, $3, 1, $4)
            ON CONFLICT (mailbox, uid_validity, uid)
            DO UPDATE SET attempts = dsr.intake_attempts.attempts + 1, last_at = EXCLUDED.last_at
            RETURNING attempts
            """, [.text(mailbox), .text(String(uidValidity)), .text(String(uid)), .timestamp(now)]).first
        return try row?.int("attempts") ?? 1
    }

    /// Takes one attempt back (never below 0).
    public func takeBack(mailbox: String, uidValidity: UInt64, uid: UInt64) throws {
        try connection.execute("""
            UPDATE dsr.intake_attempts SET attempts = attempts - 1
            WHERE mailbox = $1 AND uid_validity = $2 AND uid = $3 AND attempts > 0
            """, [.text(mailbox), .text(String(uidValidity)), .text(String(uid))])
    }

    /// Deletes the message's count.
    public func clear(mailbox: String, uidValidity: UInt64, uid: UInt64) throws {
        try connection.execute("DELETE FROM dsr.intake_attempts WHERE mailbox = $1 AND uid_validity = $2 AND uid = $3",
                               [.text(mailbox), .text(String(uidValidity)), .text(String(uid))])
    }
}

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

    /// The attempts counted so far for each of `uids` that has any.
    public func counts(mailbox: String, uidValidity: UInt64, uids: [UInt64]) throws -> [UInt64: Int] {
        guard !uids.isEmpty else { return [:] }
        let rows = try connection.execute("""
            SELECT uid::text AS uid, attempts FROM dsr.intake_attempts
            WHERE mailbox = $1 AND uid_validity = $2 AND uid = ANY($3::bigint[]) AND attempts > 0
            """, [.text(mailbox), .text(String(uidValidity)), .textArray(uids.map(String.init))]).rows
        var counts: [UInt64: Int] = [:]
        for row in rows {
            if let uid = UInt64(try row.string("uid")) { counts[uid] = try row.int("attempts") }
        }
        return counts
    }

    /// Counts one more attempt at each of `uids` at `now`, in one statement:
    /// the messages that are about to be read together.
    public func countAll(mailbox: String, uidValidity: UInt64, uids: [UInt64], at now: Date) throws {
        guard !uids.isEmpty else { return }
        try connection.execute("""
            INSERT INTO dsr.intake_attempts (mailbox, uid_validity, uid, attempts, last_at)
            SELECT $1, $2, u, 1, $4 FROM unnest($3::bigint[]) AS u
            ON CONFLICT (mailbox, uid_validity, uid)
            DO UPDATE SET attempts = dsr.intake_attempts.attempts + 1, last_at = EXCLUDED.last_at
            """, [.text(mailbox), .text(String(uidValidity)), .textArray(uids.map(String.init)), .timestamp(now)])
    }

    /// Takes one attempt back from each of `uids` (never below 0).
    public func takeBackAll(mailbox: String, uidValidity: UInt64, uids: [UInt64]) throws {
        guard !uids.isEmpty else { return }
        try connection.execute("""
            UPDATE dsr.intake_attempts SET attempts = attempts - 1
            WHERE mailbox = $1 AND uid_validity = $2 AND uid = ANY($3::bigint[]) AND attempts > 0
            """, [.text(mailbox), .text(String(uidValidity)), .textArray(uids.map(String.init))])
    }

    /// Takes one attempt back (never below 0).
    public func takeBack(mailbox: String, uidValidity: UInt64, uid: UInt64) throws {
        try connection.execute("""
            UPDATE dsr.intake_attempts SET attempts = attempts - 1
            WHERE mailbox = $1 AND uid_validity = $2 AND uid = $3 AND attempts > 0
            """, [.text(mailbox), .text(String(uidValidity)), .text(String(uid))])
    }

    /// Deletes the counts of `uids`, in one statement.
    public func clearAll(mailbox: String, uidValidity: UInt64, uids: [UInt64]) throws {
        guard !uids.isEmpty else { return }
        try connection.execute("""
            DELETE FROM dsr.intake_attempts WHERE mailbox = $1 AND uid_validity = $2 AND uid = ANY($3::bigint[])
            """, [.text(mailbox), .text(String(uidValidity)), .textArray(uids.map(String.init))])
    }

    /// Deletes the message's count.
    public func clear(mailbox: String, uidValidity: UInt64, uid: UInt64) throws {
        try connection.execute("DELETE FROM dsr.intake_attempts WHERE mailbox = $1 AND uid_validity = $2 AND uid = $3",
                               [.text(mailbox), .text(String(uidValidity)), .text(String(uid))])
    }
}

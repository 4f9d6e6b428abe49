import Foundation
import Store

/// `dsr.inbound`: every message read from the mailbox, keyed by
/// (mailbox, UIDVALIDITY, UID). Inserting is idempotent: the key decides.
public struct InboundLedger {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    public struct Entry: Sendable, Equatable {
        public var id: Int
        public var outcome: String
        public var moved: Bool
    }

    public struct NewMessage: Sendable {
        public var mailbox: String
        public var uidValidity: UInt64
        public var uid: UInt64
        public var messageID: String?
        public var receivedAt: Date
        public var raw: [UInt8]
        public var sizeBytes: Int
        public var rawSHA256: String?
        public var fromAddress: String?

        public init(mailbox: String, uidValidity: UInt64, uid: UInt64, messageID: String?, receivedAt: Date,
                    raw: [UInt8], sizeBytes: Int, rawSHA256: String?, fromAddress: String?) {
            self.mailbox = mailbox
            self.uidValidity = uidValidity
            self.uid = uid
            self.messageID = messageID
            self.receivedAt = receivedAt
            self.raw = raw
            self.sizeBytes = sizeBytes
            self.rawSHA256 = rawSHA256
            self.fromAddress = fromAddress
        }
    }

    public func find(mailbox: String, uidValidity: UInt64, uid: UInt64) throws -> Entry? {
        let result = try connection.execute("""
            SELECT id, outcome, moved_at IS NOT NULL AS moved FROM dsr.inbound
            WHERE mailbox = $1 AND uid_validity = $2 AND uid = $3
            """, [.text(mailbox), .text(String(uidValidity)), .text(String(uid))])
        guard let row = result.first else { return nil }
        return Entry(id: try row.int("id"), outcome: try row.string("outcome"), moved: try row.bool("moved"))
    }

    /// The entries of those of `uids` already recorded, in one statement.
    ///
    /// The lowest and highest UID bound the index range read: the plan a
    /// connection keeps for the statement may be made on a table still
    /// empty, and then matches `= ANY` row by row over the whole mailbox's
    /// messages (9 ms a call after 10,000 messages) instead of in the index.
    public func findAll(mailbox: String, uidValidity: UInt64, uids: [UInt64]) throws -> [UInt64: Entry] {
        guard let lowest = uids.min(), let highest = uids.max() else { return [:] }
        let rows = try connection.execute("""
            SELECT uid::text AS uid, id, outcome, moved_at IS NOT NULL AS moved FROM dsr.inbound
            WHERE mailbox = $1 AND uid_validity = $2 AND uid BETWEEN $4 AND $5 AND uid = ANY($3::bigint[])
            """, [.text(mailbox), .text(String(uidValidity)), .textArray(uids.map(String.init)),
                  .text(String(lowest)), .text(String(highest))]).rows
        var entries: [UInt64: Entry] = [:]
        for row in rows {
            guard let uid = UInt64(try row.string("uid")) else { continue }
            entries[uid] = Entry(id: try row.int("id"), outcome: try row.string("outcome"), moved: try row.bool("moved"))
        }
        return entries
    }

    /// Records the message; nil when its key was already recorded (by an
    /// earlier run or another daemon).
    public func insert(_ message: NewMessage) throws -> Int? {
        try connection.execute(Self.insertSQL, Self.insertParameters(message)).first?.int("id")
    }

    /// The insert of a new message ($1–$9, `insertParameters`), returning
    /// its id, or nothing when its IMAP key is already recorded.
    private static let insertSQL = """
        INSERT INTO dsr.inbound (mailbox, uid_validity, uid, message_id, received_at, size_bytes, raw,
                                 raw_sha256, from_address)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        ON CONFLICT (mailbox, uid_validity, uid) DO NOTHING
        RETURNING id
        """

    private static func insertParameters(_ message: NewMessage) -> [SQLValue] {
        [.text(message.mailbox), .text(String(message.uidValidity)), .text(String(message.uid)),
         .string(message.messageID), .timestamp(message.receivedAt), .int(message.sizeBytes),
         .bytes(message.raw), .string(message.rawSHA256), .string(message.fromAddress)]
    }

    /// A message just recorded, with an earlier one of the same Message-ID,
    /// or else the same bytes (and the request that one belongs to).
    public struct Recorded: Sendable {
        public var id: Int
        public var earlierCopy: (inboundID: Int, requestID: Int?)?
    }

    /// Records a message, and in the same statement looks for an earlier
    /// copy of it; nil when its IMAP key was already recorded.
    ///
    /// The copies are found first, apart (a materialised CTE), and only then
    /// ordered: with `ORDER BY id LIMIT 1` beside the match, a planner
    /// without statistics for the new table walks the primary key in order
    /// hoping for an early match, and reads every earlier message when
    /// there is none, which is nearly always. The two matches are two
    /// lookups (`UNION ALL`), not one `OR`: a plan made while the table is
    /// nearly empty (a new install, or a backlog's first messages, before
    /// autovacuum counts it; a connection keeps it until it prepares the
    /// statement again) scans the whole table for an `OR`, and uses the two
    /// indexes for the two lookups. The request of a copy is looked up only
    /// when there is a copy, and its links are found first (`OFFSET 0`
    /// keeps them apart) and then ordered: asked for every message, and
    /// planned beside the order, it walked every link of the table in id
    /// order (9,000 buffers a message near the end of a 10,000-message
    /// backlog; the statement took 2.2 ms a message on average in such a
    /// run, 0.19 ms in one where the plan was right). The statement sees
    /// the table as it was before the insert, so the new message is not
    /// its own copy.
    public func insertFindingEarlierCopy(_ message: NewMessage) throws -> Recorded? {
        let result = try connection.execute("""
            WITH inserted AS (
            \(Self.insertSQL)
            ), copies AS MATERIALIZED (
                SELECT id FROM dsr.inbound WHERE message_id = $4
                UNION ALL
                SELECT id FROM dsr.inbound WHERE raw_sha256 = $8
            ), earliest AS (
                SELECT id FROM copies ORDER BY id LIMIT 1
            )
            SELECT i.id, e.id AS copy_id,
                   CASE WHEN e.id IS NOT NULL THEN
                       (SELECT m.request_id
                        FROM (SELECT id, request_id FROM dsr.request_messages WHERE inbound_id = e.id OFFSET 0) m
                        ORDER BY m.id LIMIT 1)
                   END AS copy_request_id
            FROM inserted i LEFT JOIN earliest e ON e.id < i.id
            """, Self.insertParameters(message))
        guard let row = result.first else { return nil }
        let copy = row.optionalInt("copy_id").map { ($0, row.optionalInt("copy_request_id")) }
        return Recorded(id: try row.int("id"), earlierCopy: copy)
    }

    public func setOutcome(_ id: Int, outcome: String, autoKind: String?, problem: String?) throws {
        try connection.execute("UPDATE dsr.inbound SET outcome = $2, auto_kind = $3, problem = $4 WHERE id = $1",
                               [.int(id), .text(outcome), .string(autoKind), .string(problem)])
    }

    /// Notes that the messages were moved out of the mailbox (the ones
    /// noted before keep their time).
    public func markMoved(_ ids: [Int]) throws {
        try connection.execute("UPDATE dsr.inbound SET moved_at = now() WHERE id = ANY($1::bigint[]) AND moved_at IS NULL",
                               [.textArray(ids.map(String.init))])
    }

    /// What the mailbox already holds from one sender, for the storage
    /// cap and the loop guard, read in one statement.
    public struct SenderHistory: Sendable, Equatable {
        /// Bytes stored of its messages received since `bytesSince` (cleared
        /// bytes and messages recorded without theirs do not count).
        public var storedBytes: Int
        /// Its messages received since `messagesSince`, not counting
        /// duplicates, automatic mail, bounces and the mailbox's own.
        public var recentMessages: Int
    }

    /// The sender's history in this mailbox, before its next message is
    /// recorded.
    public func senderHistory(from address: String, mailbox: String, bytesSince: Date,
                              messagesSince: Date) throws -> SenderHistory {
        let result = try connection.execute("""
            SELECT coalesce(sum(octet_length(raw)) FILTER (WHERE received_at >= $3::timestamptz), 0)::bigint AS bytes,
                   count(*) FILTER (WHERE received_at >= $4::timestamptz
                                    AND outcome NOT IN ('duplicate', 'auto', 'own_mail', 'bounce')) AS messages
            FROM dsr.inbound
            WHERE lower(from_address) = lower($1) AND mailbox = $2
              AND received_at >= least($3::timestamptz, $4::timestamptz)
            """, [.text(address), .text(mailbox), .timestamp(bytesSince), .timestamp(messagesSince)])
        let row = result.first
        return SenderHistory(storedBytes: try row?.int("bytes") ?? 0, recentMessages: try row?.int("messages") ?? 0)
    }

    /// The UIDVALIDITY last seen for the mailbox, and records the current one.
    public func exchangeUIDValidity(mailbox: String, current: UInt64) throws -> UInt64? {
        let previous = try connection.execute("SELECT uid_validity FROM dsr.mailbox_state WHERE mailbox = $1",
                                              [.text(mailbox)]).first.flatMap { $0["uid_validity"] }.flatMap { UInt64($0) }
        if previous != current {
            try connection.execute("""
                INSERT INTO dsr.mailbox_state (mailbox, uid_validity) VALUES ($1, $2)
                ON CONFLICT (mailbox) DO UPDATE SET uid_validity = EXCLUDED.uid_validity, updated_at = now()
                """, [.text(mailbox), .text(String(current))])
        }
        return previous
    }
}

import Foundation
import Store

/// `dsr.confirmations`: one row per confirmation message sent to a
/// registered address (and per reminder, which carries a fresh code), with
/// the code's SHA-256 only, never the code; answered once, for all of a
/// request's open rows at a time.
public struct Confirmations {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// A confirmation message as sent.
    public struct Sent: Sendable, Equatable {
        public var requestID: Int
        /// The address asked.
        public var address: String
        /// SHA-256 (lowercase hex) of the code the message carries.
        public var tokenHash: String
        public var messageID: String
        public var sentAt: Date
        public var expiresAt: Date
        public var isReminder: Bool

        public init(requestID: Int, address: String, tokenHash: String, messageID: String, sentAt: Date,
                    expiresAt: Date, isReminder: Bool) {
            self.requestID = requestID
            self.address = address
            self.tokenHash = tokenHash
            self.messageID = messageID
            self.sentAt = sentAt
            self.expiresAt = expiresAt
            self.isReminder = isReminder
        }
    }

    /// An unanswered confirmation of a request.
    public struct Open: Sendable, Equatable {
        public var address: String
        public var tokenHash: String
        public var expiresAt: Date
    }

    /// A request's unanswered confirmations taken together, for the
    /// reminder and the expiry.
    public struct Waiting: Sendable, Equatable {
        /// When the first (not a reminder) was sent.
        public var sentAt: Date
        /// Whether a reminder went out.
        public var reminded: Bool
        /// The earliest expiry.
        public var expiresAt: Date
        /// The address asked.
        public var address: String
    }

    /// How a confirmation was answered (`dsr.confirmations.answer`).
    public enum Answer: String, Sendable {
        case confirm, decline, expired
    }

    /// Records a confirmation message.
    public func record(_ sent: Sent) throws {
        try connection.execute("""
            INSERT INTO dsr.confirmations (request_id, address, token_hash, message_id, sent_at, expires_at, is_reminder)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, [.int(sent.requestID), .text(sent.address), .text(sent.tokenHash), .text(sent.messageID),
                  .timestamp(sent.sentAt), .timestamp(sent.expiresAt), .bool(sent.isReminder)])
    }

    /// How many requests sent by others than the address asked it to
    /// confirm since `since` (reminders not counted). `forms`: the address's
    /// `AddressMatcher.storedForms`, compared with ASCII letters folded only.
    public func claims(of forms: [String], since: Date) throws -> Int {
        try connection.execute("""
            SELECT count(*) AS n FROM dsr.confirmations c JOIN dsr.requests r ON r.id = c.request_id
            WHERE lower(c.address COLLATE "C") = ANY($1::text[]) AND NOT c.is_reminder AND c.sent_at > $2
              AND NOT lower(coalesce(r.requester_address, '') COLLATE "C") = ANY($1::text[])
            """, [.textArray(forms), .timestamp(since)]).first?.int("n") ?? 0
    }

    /// The request's unanswered confirmations, oldest first.
    public func open(of requestID: Int) throws -> [Open] {
        try connection.execute("""
            SELECT address, token_hash, expires_at FROM dsr.confirmations
            WHERE request_id = $1 AND answered_at IS NULL ORDER BY id
            """, [.int(requestID)]).rows.map {
            Open(address: try $0.string("address"), tokenHash: try $0.string("token_hash"),
                 expiresAt: try $0.date("expires_at"))
        }
    }

    /// The request's unanswered confirmations together; nil when there are none.
    public func waiting(of requestID: Int) throws -> Waiting? {
        guard let row = try connection.execute("""
            SELECT min(sent_at) FILTER (WHERE NOT is_reminder) AS sent_at, bool_or(is_reminder) AS reminded,
                   min(expires_at) AS expires_at, min(address) AS address, count(*) AS n
            FROM dsr.confirmations WHERE request_id = $1 AND answered_at IS NULL
            """, [.int(requestID)]).first, let sent = row.optionalDate("sent_at"), let address = row["address"] else {
            return nil
        }
        return Waiting(sentAt: sent, reminded: row["reminded"] == "t", expiresAt: try row.date("expires_at"),
                       address: address)
    }

    /// Answers every unanswered confirmation of the request at `now`.
    public func close(requestID: Int, answer: Answer, at now: Date) throws {
        try connection.execute("""
            UPDATE dsr.confirmations SET answered_at = $2, answer = $3 WHERE request_id = $1 AND answered_at IS NULL
            """, [.int(requestID), .timestamp(now), .text(answer.rawValue)])
    }

    /// Up to `limit` requests awaiting confirmation (ids, ascending) whose
    /// confirmation has expired by `now`, or was sent by `remindBefore`
    /// without a reminder yet.
    public func due(now: Date, remindBefore: Date, limit: Int) throws -> [Int] {
        try connection.execute("""
            SELECT DISTINCT c.request_id AS id FROM dsr.confirmations c JOIN dsr.requests r ON r.id = c.request_id
            WHERE r.state = 'awaiting_confirmation' AND c.answered_at IS NULL
              AND (c.expires_at <= $1
                   OR (NOT c.is_reminder AND c.sent_at <= $2
                       AND NOT EXISTS (SELECT 1 FROM dsr.confirmations x WHERE x.request_id = c.request_id
                                       AND x.is_reminder)))
            ORDER BY 1 LIMIT $3
            """, [.timestamp(now), .timestamp(remindBefore), .int(limit)]).rows.map { try $0.int("id") }
    }
}

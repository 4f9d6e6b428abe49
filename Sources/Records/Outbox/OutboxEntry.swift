import Foundation
import Store

/// One message of `dsr.outbox` as the operator reads it (`dsrd outbox
/// list|show`): its state, where it goes, and what became of it. It names
/// recipients, so it is for the operator's terminal, never for logs.
public struct OutboxEntry: Sendable, Equatable {
    public var id: Int
    public var state: OutboxState
    /// The request the mail is about, when it is about one.
    public var requestID: Int?
    public var reference: String?
    /// `reply` (to the data subject) or `notice` (a partner, the
    /// operators); nil for mail about no request (the digest).
    public var role: String?
    public var template: String
    public var recipients: [String]
    /// Without angle brackets.
    public var messageID: String
    public var attempts: Int
    public var nextAttemptAt: Date
    /// The last delivery error (SMTP or curl codes, never an address).
    public var lastError: String?
    public var createdAt: Date
    public var sentAt: Date?
    public var bouncedAt: Date?
    public var sizeBytes: Int

    /// The columns `init(row:)` reads, for a SELECT on `dsr.outbox o`. The
    /// role is the first link's: links first (`OFFSET 0`), then the order: see `RequestHistory.sender`.
    static let columns = """
        o.id, o.state, o.request_id, r.reference, o.template, array_to_json(o.recipients)::text AS recipients_json,
        o.message_id, o.attempts, o.next_attempt_at, o.last_error, o.created_at, o.sent_at, o.bounced_at,
        octet_length(o.raw) AS size_bytes,
        (SELECT m.role FROM (SELECT id, role FROM dsr.request_messages WHERE outbox_id = o.id OFFSET 0) m
         ORDER BY m.id LIMIT 1) AS role
        """

    /// The FROM clause that goes with `columns`.
    static let source = "dsr.outbox o LEFT JOIN dsr.requests r ON r.id = o.request_id"

    init(row: QueryResult.Row) throws {
        guard let state = OutboxState(rawValue: try row.string("state")) else {
            throw PostgresError(kind: .unexpectedResult, column: "state", context: "reading an outbox row")
        }
        id = try row.int("id")
        self.state = state
        requestID = row.optionalInt("request_id")
        reference = row["reference"]
        role = row["role"] ?? (requestID == nil ? nil : "reply")
        template = try row.string("template")
        recipients = try JSONText.strings(row.string("recipients_json"))
        messageID = try row.string("message_id")
        attempts = try row.int("attempts")
        nextAttemptAt = try row.date("next_attempt_at")
        lastError = row["last_error"]
        createdAt = try row.date("created_at")
        sentAt = row.optionalDate("sent_at")
        bouncedAt = row.optionalDate("bounced_at")
        sizeBytes = try row.int("size_bytes")
    }
}

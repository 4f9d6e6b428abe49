import Foundation
import Requests
import Store

/// The SQL of delivery: claiming due replies from `dsr.outbox` and recording
/// what became of each one. Every change is its own short transaction; none
/// is held open across an SMTP call.
public struct DeliveryQueue: Sendable {
    /// The actor named in audit events written here.
    public static let actor = "dsrd:delivery"

    public let client: PostgresClient

    public init(client: PostgresClient) {
        self.client = client
    }

    /// Claims up to `limit` pending rows due at `now`, oldest first, by
    /// moving their `next_attempt_at` to `leaseUntil`: another daemon skips
    /// locked rows now and leased ones afterwards. A crash leaves the lease
    /// to run out, and the row is tried again.
    public func claim(now: Date, leaseUntil: Date, limit: Int) async throws -> [OutboxMessage] {
        let result = try await client.query("""
            WITH due AS (
                SELECT id FROM dsr.outbox
                WHERE state = 'pending' AND next_attempt_at <= $1::timestamptz
                ORDER BY id LIMIT $2::int
                FOR UPDATE SKIP LOCKED
            )
            UPDATE dsr.outbox AS o SET next_attempt_at = $3::timestamptz
            FROM due WHERE o.id = due.id
            RETURNING o.id, o.request_id, o.message_id, o.template, o.envelope_from,
                      array_to_json(o.recipients)::text AS recipients_json, o.raw, o.attempts
            """, [.timestamp(now), .int(limit), .timestamp(leaseUntil)])
        return try result.rows.map(OutboxMessage.init(row:)).sorted { $0.id < $1.id }
    }

    /// Gives claimed rows back untouched, due at `dueAt` (rows not tried
    /// because the round stopped early).
    public func release(_ ids: [Int], dueAt: Date) async throws {
        guard !ids.isEmpty else { return }
        try await client.query("""
            UPDATE dsr.outbox SET next_attempt_at = $2::timestamptz
            WHERE id = ANY($1::bigint[]) AND state = 'pending'
            """, [.textArray(ids.map(String.init)), .timestamp(dueAt)], retryOnConnectionLoss: true)
    }

    /// Records a successful send, and a `reply_sent` audit event for its request.
    public func markSent(_ message: OutboxMessage, at now: Date) async throws {
        try await client.transaction { connection in
            let updated = try connection.execute("""
                UPDATE dsr.outbox SET state = 'sent', sent_at = $2::timestamptz, attempts = attempts + 1,
                                      last_error = NULL
                WHERE id = $1::bigint AND state = 'pending'
                """, [.int(message.id), .timestamp(now)])
            guard updated.affectedRows == 1, let requestID = message.requestID else { return }
            try Self.audit(connection, requestID: requestID, at: now, action: .replySent, fromState: nil,
                           toState: nil, reason: nil, message: message)
        }
    }

    /// Records a temporary failure: one more attempt, tried again at `retryAt`.
    public func markDeferred(_ message: OutboxMessage, lastError: String, retryAt: Date) async throws {
        try await client.query("""
            UPDATE dsr.outbox SET attempts = attempts + 1, next_attempt_at = $2::timestamptz, last_error = $3
            WHERE id = $1::bigint AND state = 'pending'
            """, [.int(message.id), .timestamp(retryAt), .text(lastError)], retryOnConnectionLoss: true)
    }

    /// Records a reply that will never be sent; its request (if any) goes to
    /// `needs_review` with a `reply_failed` audit event. Returns the state
    /// the request was in, when there is one.
    @discardableResult
    public func markFailed(_ message: OutboxMessage, lastError: String, reason: String, at now: Date) async throws -> String? {
        try await client.transaction { connection -> String? in
            let updated = try connection.execute("""
                UPDATE dsr.outbox SET state = 'failed', attempts = attempts + 1, last_error = $2
                WHERE id = $1::bigint AND state = 'pending'
                """, [.int(message.id), .text(lastError)])
            guard updated.affectedRows == 1, let requestID = message.requestID else { return nil }
            let details = AuditJSON.encode(["outbox_id": message.id, "template": message.template,
                                            "message_id": message.messageID, "attempts": message.attempts + 1])
            guard let transition = try RequestStates(connection).apply(
                .replyFailed(reason: reason), to: requestID, actor: Self.actor, detailsJSON: details, at: now) else {
                return nil
            }
            return transition.from.rawValue
        }
    }

    private static func audit(_ connection: PostgresConnection, requestID: Int, at now: Date, action: AuditAction,
                              fromState: String?, toState: String?, reason: String?, message: OutboxMessage) throws {
        try connection.execute("""
            INSERT INTO dsr.audit_events (request_id, at, actor, action, from_state, to_state, reason, details)
            VALUES ($1::bigint, $2::timestamptz, $3, $4, $5, $6, $7,
                    jsonb_build_object('outbox_id', $8::bigint, 'template', $9::text, 'message_id', $10::text,
                                       'attempts', $11::int))
            """, [.int(requestID), .timestamp(now), .text(actor), .text(action.rawValue), .string(fromState),
                  .string(toState), .string(reason), .int(message.id), .text(message.template),
                  .text(message.messageID), .int(message.attempts + 1)])
    }
}

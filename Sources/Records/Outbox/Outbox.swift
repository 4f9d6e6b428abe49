import Foundation
import Hashing
import MailCore
import Requests
import Store

/// `dsr.outbox`: the mail dsrd sends, from the transaction that decided to
/// send it to what became of each delivery attempt.
///
/// Mail goes in in the same transaction as the state change that causes
/// it. Each message has its own random Message-ID (unique in the table),
/// stored with its bytes, so a resend keeps it. Delivery claims due rows
/// and records each outcome in short transactions of its own, none held
/// open across an SMTP call.
public struct Outbox {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    // MARK: - Queueing

    /// Puts `mail` into the outbox and returns the new row's id. Mail about
    /// a request is linked to it in the role `role` (`reply` to the data
    /// subject, `notice` to a partner or the operators) and audited as
    /// queued by `actor`: row, link and event together or not at all (the
    /// caller's transaction). Mail about no request (the digest) is the
    /// row alone. Its size and SHA-256 are kept beside the bytes, and stay
    /// when retention clears them.
    @discardableResult
    public func enqueue(_ mail: ComposedMail, for requestID: Int?, role: MessageRole = .reply, actor: String) throws -> Int {
        // One statement (one round trip): the row, its link and audit event
        // and, for a reply that stands in for the receipt, the receipt's
        // withdrawal. One mail instead of two: the request's receipt, if it
        // is still waiting and no delivery ever claimed it (`next_attempt_at`
        // is where it started, no attempt made), is `cancelled`, with the
        // audit event `receipt_withdrawn` naming the reply that stands in for
        // it. A receipt a delivery has claimed may be on its way: it goes.
        let inserted = try connection.execute("""
            WITH queued AS (
                INSERT INTO dsr.outbox (request_id, message_id, template, envelope_from, recipients, raw, size_bytes,
                                        raw_sha256, carries_copy)
                VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9)
                RETURNING id
            ), linked AS (
                INSERT INTO dsr.request_messages (request_id, outbox_id, role)
                SELECT $1::bigint, id, $10 FROM queued WHERE $1::bigint IS NOT NULL
            ), audited AS (
                INSERT INTO dsr.audit_events (request_id, actor, action, reason)
                SELECT $1::bigint, $11, $12, $3 FROM queued WHERE $1::bigint IS NOT NULL
            ), withdrawn AS (
                UPDATE dsr.outbox SET state = 'cancelled'
                WHERE $13::boolean AND request_id = $1::bigint AND template = 'receipt' AND state = 'pending'
                  AND attempts = 0 AND next_attempt_at = created_at
                RETURNING id
            ), withdrawal_audited AS (
                INSERT INTO dsr.audit_events (request_id, actor, action, reason, details)
                SELECT $1::bigint, $11, $14, $3, jsonb_build_object('outbox_id', w.id, 'answered_by', q.id)
                FROM withdrawn w CROSS JOIN queued q
            )
            SELECT id FROM queued
            """, [.int(requestID), .text(mail.messageID), .text(mail.template), .text(mail.envelopeFrom),
                  .textArray(mail.recipients), .bytes(mail.raw), .int(mail.raw.count),
                  .text(SHA256.hash(mail.raw).hexString), .bool(mail.carriesCopy), .text(role.rawValue), .text(actor),
                  .text((role == .notice ? AuditAction.noticeQueued : AuditAction.replyQueued).rawValue),
                  .bool(requestID != nil && role == .reply && ReplyTemplate(rawValue: mail.template)?.standsInForTheReceipt == true),
                  .text(AuditAction.receiptWithdrawn.rawValue)])
        return try inserted.first?.int("id") ?? 0
    }

    // MARK: - Bounces

    /// Our mail with this Message-ID (for bounces), with its request.
    public func find(messageID: String) throws -> (outboxID: Int, requestID: Int?)? {
        let result = try connection.execute("SELECT id, request_id FROM dsr.outbox WHERE message_id = $1", [.text(messageID)])
        guard let row = result.first else { return nil }
        return (try row.int("id"), row.optionalInt("request_id"))
    }

    /// How many messages from `template` were queued in the last `seconds`
    /// (by the database's clock, which stamps `created_at`).
    public func countQueued(template: String, within seconds: Int) throws -> Int {
        try connection.execute(
            "SELECT count(*) AS n FROM dsr.outbox WHERE template = $1 AND created_at > now() - make_interval(secs => $2)",
            [.text(template), .int(seconds)]).first?.int("n") ?? 0
    }

    public func markBounced(_ id: Int) throws {
        try connection.execute("UPDATE dsr.outbox SET bounced_at = now() WHERE id = $1 AND bounced_at IS NULL", [.int(id)])
    }

    // MARK: - Delivery

    /// Claims up to `limit` pending rows due at `now`, the longest due
    /// first, by moving their `next_attempt_at` to `leaseUntil`: another
    /// daemon skips locked rows now and leased ones afterwards. A crash
    /// leaves the lease to run out, and the row is tried again. (A receipt
    /// that may yet be answered is owed, not queued: `ReceiptsOwed`.)
    ///
    /// The order is the pending index's own (`outbox_pending`), so a claim
    /// reads only the rows it takes: in id order, each claim read every due
    /// row of a backlog and sorted them (the plan a connection keeps for
    /// the statement is made while the table is small).
    public func claim(now: Date, leaseUntil: Date, limit: Int) throws -> [OutboxMessage] {
        let result = try connection.execute("""
            WITH due AS (
                SELECT id FROM dsr.outbox
                WHERE state = 'pending' AND next_attempt_at <= $1::timestamptz AND raw_cleared_at IS NULL
                ORDER BY next_attempt_at LIMIT $2::int
                FOR UPDATE SKIP LOCKED
            )
            UPDATE dsr.outbox AS o SET next_attempt_at = $3::timestamptz
            FROM due WHERE o.id = due.id
            RETURNING o.id, o.request_id, o.message_id, o.template, o.envelope_from,
                      array_to_json(o.recipients)::text AS recipients_json, o.raw, o.attempts,
                      (SELECT r.reference FROM dsr.requests r WHERE r.id = o.request_id) AS reference
            """, [.timestamp(now), .int(limit), .timestamp(leaseUntil)])
        return try result.rows.map(OutboxMessage.init(row:)).sorted { $0.id < $1.id }
    }

    /// Gives claimed rows back untouched, due at `dueAt` (rows not tried
    /// because the round stopped early).
    public func release(_ ids: [Int], dueAt: Date) throws {
        guard !ids.isEmpty else { return }
        try connection.execute("""
            UPDATE dsr.outbox SET next_attempt_at = $2::timestamptz
            WHERE id = ANY($1::bigint[]) AND state = 'pending'
            """, [.textArray(ids.map(String.init)), .timestamp(dueAt)])
    }

    /// Records successful sends, each with a `reply_sent` audit event by
    /// `actor` for its request, in one statement. A mail that carries a
    /// copy of a person's data loses its bytes here, in the same
    /// transaction: it is never kept once the server accepted it (a resend
    /// is built again from the database). Rows no longer pending are left
    /// as they are.
    public func markSent(_ sent: [(message: OutboxMessage, at: Date)], actor: String) throws {
        guard !sent.isEmpty else { return }
        try connection.execute("""
            WITH marks AS (
                SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[]) AS m(id, at, details)
            ), sent AS (
                UPDATE dsr.outbox o SET state = 'sent', sent_at = m.at, attempts = o.attempts + 1,
                                        last_error = NULL,
                                        size_bytes = coalesce(o.size_bytes, octet_length(o.raw)),
                                        raw_sha256 = coalesce(o.raw_sha256, encode(sha256(o.raw), 'hex')),
                                        raw = CASE WHEN o.carries_copy THEN ''::bytea ELSE o.raw END,
                                        raw_cleared_at = CASE WHEN o.carries_copy THEN m.at END
                FROM marks m
                WHERE o.id = m.id AND o.state = 'pending'
                RETURNING o.id, o.request_id, m.at, m.details
            )
            INSERT INTO dsr.audit_events (request_id, actor, action, details, at)
            SELECT request_id, $4, $5, details::jsonb, at FROM sent WHERE request_id IS NOT NULL ORDER BY id
            """, [.textArray(sent.map { String($0.message.id) }),
                  .textArray(sent.map { TimestampFormat.string(from: $0.at) }),
                  .textArray(sent.map { Self.auditDetails($0.message) }),
                  .text(actor), .text(AuditAction.replySent.rawValue)])
    }

    /// Records a temporary failure: one more attempt, tried again at `retryAt`.
    public func markDeferred(_ message: OutboxMessage, lastError: String, retryAt: Date) throws {
        try connection.execute("""
            UPDATE dsr.outbox SET attempts = attempts + 1, next_attempt_at = $2::timestamptz, last_error = $3
            WHERE id = $1::bigint AND state = 'pending'
            """, [.int(message.id), .timestamp(retryAt), .text(lastError)])
    }

    /// Records mail that will never be sent; its request (if any) goes to
    /// review. Returns the state the request was in, when there is one.
    @discardableResult
    public func markFailed(_ message: OutboxMessage, lastError: String, reason: String, at now: Date,
                           actor: String) throws -> String? {
        let updated = try connection.execute("""
            UPDATE dsr.outbox SET state = 'failed', attempts = attempts + 1, last_error = $2, failed_at = $3::timestamptz
            WHERE id = $1::bigint AND state = 'pending'
            """, [.int(message.id), .text(lastError), .timestamp(now)])
        guard updated.affectedRows == 1, let requestID = message.requestID else { return nil }
        return try replyFailed(requestID, message: message, reason: reason, at: now, actor: actor)
    }

    /// The one state change delivery makes: the request of a reply that
    /// failed for good goes to `needs_review` (`RequestEvent.replyFailed`),
    /// through the one writer of request states. Nil when the request does
    /// not exist.
    private func replyFailed(_ requestID: Int, message: OutboxMessage, reason: String, at now: Date,
                             actor: String) throws -> String? {
        try RequestStates(connection).apply(.replyFailed(reason: reason), to: requestID, actor: actor,
                                            detailsJSON: Self.auditDetails(message), at: now)?.from.rawValue
    }

    // MARK: - Operators

    /// A message an operator is about to act on, locked until the
    /// transaction ends.
    public struct Held: Sendable, Equatable {
        public var message: OutboxMessage
        public var state: OutboxState
        /// What the mail is to its request (`reply`, `notice`); `notice`
        /// for mail about no request.
        public var role: MessageRole
        public var lastError: String?
        /// Retention cleared its bytes (size and SHA-256 stay): it can
        /// never be sent again.
        public var bytesCleared = false
    }

    /// The message with this id, locked (`FOR UPDATE`); nil when there is
    /// none. Its role is its first link's: links first (`OFFSET 0`), then the order: see `RequestHistory.sender`.
    public func hold(id: Int) throws -> Held? {
        guard let row = try connection.execute("""
            SELECT o.id, o.request_id, o.message_id, o.template, o.envelope_from,
                   array_to_json(o.recipients)::text AS recipients_json, o.raw, o.attempts, o.state, o.last_error,
                   o.raw_cleared_at IS NOT NULL AS bytes_cleared,
                   (SELECT m.role FROM (SELECT id, role FROM dsr.request_messages WHERE outbox_id = o.id OFFSET 0) m
                    ORDER BY m.id LIMIT 1) AS role
            FROM dsr.outbox o WHERE o.id = $1::bigint FOR UPDATE OF o
            """, [.int(id)]).first else { return nil }
        guard let state = OutboxState(rawValue: try row.string("state")) else {
            throw PostgresError(kind: .unexpectedResult, column: "state", context: "reading an outbox row")
        }
        let message = try OutboxMessage(row: row)
        let role = row["role"].flatMap(MessageRole.init(rawValue:)) ?? (message.requestID == nil ? .notice : .reply)
        return Held(message: message, state: state, role: role, lastError: row["last_error"],
                    bytesCleared: try row.bool("bytes_cleared"))
    }

    /// A held pending or failed message is due again at `dueAt`, with a
    /// fresh count of attempts (the old count, state and error go into the
    /// audit event `outbox_retried` by `actor`, with `detailsJSON`'s facts).
    /// False, and nothing written, when it is neither pending nor failed.
    public func retry(_ held: Held, dueAt: Date, actor: String, detailsJSON: String, at now: Date) throws -> Bool {
        let updated = try connection.execute("""
            UPDATE dsr.outbox SET state = 'pending', next_attempt_at = $2::timestamptz, attempts = 0, last_error = NULL
            WHERE id = $1::bigint AND state IN ('pending', 'failed') AND raw_cleared_at IS NULL
            """, [.int(held.message.id), .timestamp(dueAt)])
        guard updated.affectedRows == 1 else { return false }
        try AuditTrail(connection).append(requestID: held.message.requestID, actor: actor, action: .outboxRetried,
                                          reason: held.message.mail.template, detailsJSON: detailsJSON, at: now)
        return true
    }

    /// Queues `copy` (the held message for another recipient) as a new
    /// message, linked to the same request in the same role; a held
    /// message still pending is cancelled, so only the copy goes out. The
    /// audit event `outbox_retried` by `actor` names both ids. Returns the
    /// copy's id; nil, and nothing written, when the held message is
    /// neither pending nor failed.
    public func redirect(_ held: Held, copy: ComposedMail, actor: String, detailsJSON: String, at now: Date) throws -> Int? {
        guard held.state == .pending || held.state == .failed, !held.bytesCleared else { return nil }
        if held.state == .pending {
            try connection.execute("UPDATE dsr.outbox SET state = 'cancelled' WHERE id = $1::bigint AND state = 'pending'",
                                   [.int(held.message.id)])
        }
        let copyID = try enqueue(copy, for: held.message.requestID, role: held.role, actor: actor)
        try AuditTrail(connection).append(requestID: held.message.requestID, actor: actor, action: .outboxRetried,
                                          reason: held.message.mail.template,
                                          detailsJSON: Self.merging(detailsJSON, ["new_outbox_id": copyID]), at: now)
        return copyID
    }

    /// A held pending message is `cancelled`: never claimed or sent again
    /// (one being sent at this very moment may still go out). The audit
    /// event `outbox_cancelled` by `actor`. False, and nothing written,
    /// when it is not pending.
    public func cancel(_ held: Held, actor: String, detailsJSON: String, at now: Date) throws -> Bool {
        let updated = try connection.execute("""
            UPDATE dsr.outbox SET state = 'cancelled' WHERE id = $1::bigint AND state = 'pending'
            """, [.int(held.message.id)])
        guard updated.affectedRows == 1 else { return false }
        try AuditTrail(connection).append(requestID: held.message.requestID, actor: actor, action: .outboxCancelled,
                                          reason: held.message.mail.template, detailsJSON: detailsJSON, at: now)
        return true
    }

    private static func merging(_ json: String, _ extra: [String: Any]) -> String {
        var object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
        object.merge(extra) { $1 }
        return JSONWriter.object(object) ?? json
    }

    /// Which message and which attempt a delivery event is about: ids and
    /// the template's name, never an address.
    private static func auditDetails(_ message: OutboxMessage) -> String {
        let details: [String: Any] = ["outbox_id": message.id, "template": message.mail.template,
                                      "message_id": message.mail.messageID, "attempts": message.attempts + 1]
        return JSONWriter.object(details) ?? "{}"
    }
}

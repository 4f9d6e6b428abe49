import Foundation
import Requests
import Store

/// What the daily retention job does to dsrd's own records, each step in
/// the caller's transaction. Days are Oslo days, compared with each row's
/// time on Oslo's calendar; the cut-off days come from `RetentionPolicy`.
/// Mail loses its bytes and keeps its size and SHA-256; closed cases go as
/// a whole through `dsr.delete_closed_cases`, the owner's function.
public struct Retention {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// What one run cleared and deleted: counts only.
    public struct Report: Sendable, Equatable {
        public var receivedMailCleared = 0
        public var requestValuesCleared = 0
        public var auditEventsRedacted = 0
        public var sentMailCleared = 0
        /// `dsr.delete_closed_cases`'s counts (`cases`, `audit_events`,
        /// `received_mail`, `sent_mail`).
        public var deleted: [String: Int] = [:]

        public init() {}

        public var changedAnything: Bool {
            receivedMailCleared + requestValuesCleared + auditEventsRedacted + sentMailCleared > 0
                || deleted.values.contains { $0 > 0 }
        }
    }

    /// Clears the bytes of received mail whose every request closed on
    /// `through` or before, and of mail that opened no request received on
    /// `through` or before. Returns how many messages lost their bytes.
    public func clearReceivedMail(through: Day, at now: Date) throws -> Int {
        try connection.execute("""
            UPDATE dsr.inbound i SET raw = ''::bytea, raw_cleared_at = $2::timestamptz,
                   raw_sha256 = coalesce(i.raw_sha256, CASE WHEN octet_length(i.raw) > 0 THEN encode(sha256(i.raw), 'hex') END)
            WHERE i.raw_cleared_at IS NULL
              AND CASE WHEN EXISTS (SELECT 1 FROM dsr.request_messages m WHERE m.inbound_id = i.id)
                       THEN NOT EXISTS (
                           SELECT 1 FROM dsr.request_messages m JOIN dsr.requests r ON r.id = m.request_id
                           WHERE m.inbound_id = i.id
                             AND (r.closed_at IS NULL OR (r.closed_at AT TIME ZONE 'Europe/Oslo')::date > $1::date))
                       ELSE (i.received_at AT TIME ZONE 'Europe/Oslo')::date <= $1::date END
            """, [.text(through.description), .timestamp(now)]).affectedRows
    }

    /// With the mail of requests closed on `through` or before: the values
    /// a request asked for (field names stay) and, through the owner's
    /// `dsr.redact_audit_values`, the personal values in its audit events
    /// (a correction's old and new values, attachment names).
    public func clearRequestValues(through: Day, at now: Date) throws -> (requests: Int, auditEvents: Int) {
        let cleared = try connection.execute("""
            UPDATE dsr.requests SET mail_cleared_at = $2::timestamptz,
                   fields = coalesce((SELECT jsonb_object_agg(k, 'null'::jsonb) FROM jsonb_object_keys(fields) AS k),
                                     '{}'::jsonb)
            WHERE mail_cleared_at IS NULL AND closed_at IS NOT NULL AND state <> ALL($3::text[])
              AND (closed_at AT TIME ZONE 'Europe/Oslo')::date <= $1::date
            RETURNING id
            """, [.text(through.description), .timestamp(now), .textArray(RequestState.open.map(\.rawValue))])
        let ids = try cleared.rows.map { try $0.int("id") }
        guard !ids.isEmpty else { return (0, 0) }
        return (ids.count, try AuditRedaction(connection).redact(requestIDs: ids))
    }

    /// Clears the bytes of sent mail accepted on `through` or before, of
    /// failed mail given up on by then, and of every accepted mail that
    /// carries a copy of a person's data (which `Outbox.markSent` already
    /// clears: this catches copies sent before it did).
    public func clearSentMail(through: Day, at now: Date) throws -> Int {
        try connection.execute("""
            UPDATE dsr.outbox SET raw = ''::bytea, raw_cleared_at = $2::timestamptz,
                   size_bytes = coalesce(size_bytes, octet_length(raw)), raw_sha256 = coalesce(raw_sha256, encode(sha256(raw), 'hex'))
            WHERE raw_cleared_at IS NULL AND state <> 'pending'
              AND ((carries_copy AND state = 'sent')
                   OR (coalesce(sent_at, failed_at, created_at) AT TIME ZONE 'Europe/Oslo')::date <= $1::date)
            """, [.text(through.description), .timestamp(now)]).affectedRows
    }

    /// Deletes, through the owner's `dsr.delete_closed_cases`, cases closed
    /// `caseYears` years before `today` or earlier, with their audit events,
    /// links, confirmations and mail. The function takes no fewer years than
    /// the owner's floor and no later day than the database's.
    public func deleteClosedCases(today: Day, caseYears: Int) throws -> [String: Int] {
        let text = try connection.execute("SELECT dsr.delete_closed_cases($1::date, $2::int)::text AS counts",
                                          [.text(today.description), .int(caseYears)]).first?.string("counts") ?? "{}"
        let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
        return object.compactMapValues { ($0 as? NSNumber)?.intValue }
    }
}

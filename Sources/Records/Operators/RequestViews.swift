import MailCore
import Requests
import Store

/// The reads behind `dsrd requests list|show`: the requests, newest first,
/// and one request's row, messages (both ways) and audit trail, as the
/// operator reads them. Read-only, bound parameters only.
public struct RequestViews {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Up to `limit` requests, newest first, in `state` only when one is given.
    public func summaries(in state: RequestState?, limit: Int) throws -> [RequestSummary] {
        try connection.execute("""
            SELECT \(RequestSummary.columns) FROM dsr.requests r
            WHERE $1::text IS NULL OR r.state = $1::text
            ORDER BY r.received_at DESC, r.id DESC
            LIMIT $2::int
            """, [.string(state?.rawValue), .int(limit)]).rows.map(RequestSummary.init(row:))
    }

    /// How many requests there are (in `state` only, when one is given).
    public func count(in state: RequestState?) throws -> Int {
        try connection.execute("""
            SELECT count(*) AS n FROM dsr.requests r WHERE $1::text IS NULL OR r.state = $1::text
            """, [.string(state?.rawValue)]).first?.int("n") ?? 0
    }

    /// The request with this reference; nil when there is none.
    public func overview(reference: String) throws -> RequestOverview? {
        try connection.execute("SELECT \(RequestOverview.columns) FROM dsr.requests r WHERE r.reference = $1",
                               [.text(reference)]).first.map(RequestOverview.init(row:))
    }

    /// The request with this id (the `request_id=` of log lines); nil when there is none.
    public func overview(id: Int) throws -> RequestOverview? {
        try connection.execute("SELECT \(RequestOverview.columns) FROM dsr.requests r WHERE r.id = $1::bigint",
                               [.int(id)]).first.map(RequestOverview.init(row:))
    }

    /// Every request, newest first, whose data subject or requester is one
    /// address: stored in one of `forms` (`AddressMatcher.storedForms`,
    /// compared with ASCII letters folded only), or replaced by one of the
    /// keyed `hashes` of it (an erased request's address, wherever in the
    /// column the hash stands). Each with which of the two matched.
    public func find(forms: [String], hashes: [String]) throws -> [(summary: RequestSummary, match: AddressMatch)] {
        let rows = try connection.execute("""
            SELECT \(RequestSummary.columns), m.subject, m.requester FROM dsr.requests r
            CROSS JOIN LATERAL (SELECT
                lower(r.subject_address COLLATE "C") = ANY($1::text[])
                    OR EXISTS (SELECT 1 FROM unnest($2::text[]) h WHERE strpos(r.subject_address, h) > 0) AS subject,
                coalesce(lower(r.requester_address COLLATE "C") = ANY($1::text[])
                    OR EXISTS (SELECT 1 FROM unnest($2::text[]) h WHERE strpos(r.requester_address, h) > 0), false)
                    AS requester) m
            WHERE m.subject OR m.requester
            ORDER BY r.received_at DESC, r.id DESC
            """, [.textArray(forms), .textArray(hashes)])
        return try rows.rows.map { row in
            let match: AddressMatch = switch (try row.bool("subject"), try row.bool("requester")) {
            case (true, true): .both
            case (true, false): .subject
            default: .requester
            }
            return (try RequestSummary(row: row), match)
        }
    }

    /// Every message of the request, in and out, oldest first, each with
    /// its decoded Subject.
    public func messages(of requestID: Int) throws -> [RequestMessage] {
        let result = try connection.execute("""
            SELECT * FROM (
                SELECT 'in' AS direction, i.received_at AS at, rm.role, i.outcome AS what,
                       NULL::text AS delivery_state, i.message_id, i.raw, i.id AS row_id
                FROM dsr.request_messages rm JOIN dsr.inbound i ON i.id = rm.inbound_id
                WHERE rm.request_id = $1::bigint
                UNION ALL
                SELECT 'out', coalesce(o.sent_at, o.created_at), coalesce(
                           (SELECT rm.role FROM dsr.request_messages rm
                            WHERE rm.outbox_id = o.id AND rm.request_id = $1::bigint LIMIT 1), 'reply'),
                       o.template, o.state, o.message_id, o.raw, o.id
                FROM dsr.outbox o
                WHERE o.request_id = $1::bigint
                   OR o.id IN (SELECT outbox_id FROM dsr.request_messages WHERE request_id = $1::bigint)
            ) AS m
            ORDER BY at, direction, row_id
            """, [.int(requestID)])
        return try result.rows.map { row in
            let raw = try row.bytes("raw")
            return RequestMessage(
                direction: row["direction"] == "out" ? .outbound : .inbound, at: try row.date("at"),
                role: try row.string("role"), what: try row.string("what"), deliveryState: row["delivery_state"],
                messageID: row["message_id"], subject: MessageReader.read(raw).subject)
        }
    }

    /// The request's audit trail, in order.
    public func audit(of requestID: Int) throws -> [AuditEntry] {
        try connection.execute("""
            SELECT at, actor, action, from_state, to_state, reason, details::text AS details_json
            FROM dsr.audit_events WHERE request_id = $1::bigint ORDER BY id
            """, [.int(requestID)]).rows.map(AuditEntry.init(row:))
    }
}

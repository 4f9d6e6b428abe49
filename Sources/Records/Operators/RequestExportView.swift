import Foundation
import Requests
import Store

/// The read behind `dsrd requests export`: every request received in a
/// period, with the audit event that closed it. Read-only.
public struct RequestExportView {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Every request received from the start of `from` to the end of `to`
    /// (days in Europe/Oslo; nil: no bound), oldest first.
    public func requests(from: Day?, to: Day?) throws -> [ExportedRequest] {
        let closed = RequestState.allCases.filter { !$0.isOpen }.map(\.rawValue)
        let result = try connection.execute("""
            SELECT r.reference, r.received_at, r.due_on::text AS due_on, r.extended_due_on::text AS extended_due_on,
                   r.state, array_to_json(r.kinds)::text AS kinds_json, r.approved_by,
                   coalesce(c.at, CASE WHEN r.state = 'completed' THEN r.completed_at END) AS closed_at, c.actor AS closed_by
            FROM dsr.requests r
            LEFT JOIN LATERAL (
                SELECT a.at, a.actor FROM dsr.audit_events a
                WHERE a.request_id = r.id AND a.to_state = r.state
                ORDER BY a.id DESC LIMIT 1
            ) c ON r.state = ANY($3::text[])
            WHERE ($1::date IS NULL OR r.received_at >= ($1::date::timestamp AT TIME ZONE 'Europe/Oslo'))
              AND ($2::date IS NULL OR r.received_at < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/Oslo'))
            ORDER BY r.received_at, r.id
            """, [.string(from?.description), .string(to?.description), .textArray(closed)])
        return try result.rows.map { row in
            guard let state = RequestState(rawValue: try row.string("state")),
                  let dueOn = Day(iso: try row.string("due_on")) else {
                throw PostgresError(kind: .unexpectedResult, context: "reading a request for the export")
            }
            return ExportedRequest(
                reference: try row.string("reference"), receivedAt: try row.date("received_at"), dueOn: dueOn,
                extendedDueOn: row["extended_due_on"].flatMap { Day(iso: $0) }, state: state,
                kinds: try JSONText.strings(row.string("kinds_json")), closedAt: state.isOpen ? nil : row.optionalDate("closed_at"),
                closedBy: row["closed_by"], approvedBy: row["approved_by"])
        }
    }
}

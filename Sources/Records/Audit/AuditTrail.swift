import Foundation
import Requests
import Store

/// `dsr.audit_events`: append-only (the database refuses UPDATE and DELETE).
/// Every state change and every decision is written here, with who made it.
public struct AuditTrail {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// `at`: when it happened (the caller's clock); nil takes the database's.
    public func append(
        requestID: Int?, inboundID: Int? = nil, actor: String, action: AuditAction,
        from: String? = nil, to: String? = nil, reason: String? = nil, detailsJSON: String = "{}", at: Date? = nil
    ) throws {
        try connection.execute("""
            INSERT INTO dsr.audit_events (request_id, inbound_id, actor, action, from_state, to_state, reason, details, at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, coalesce($9, now()))
            """, [.int(requestID), .int(inboundID), .text(actor), .text(action.rawValue), .string(from), .string(to),
                  .string(reason), .text(detailsJSON), .timestamp(at)])
    }
}

import Foundation
import MailCore
import Requests
import Store

/// The reads behind `dsrd requests`: read-only, bound parameters only.
public struct RequestQueries: Sendable {
    /// The states a request can be in (`dsr.requests.state`).
    public static let states = RequestState.allCases.map(\.rawValue)

    public let client: PostgresClient

    public init(client: PostgresClient) {
        self.client = client
    }

    /// Requests, newest first, optionally in one state only.
    public func list(state: String? = nil, limit: Int = 1000) async throws -> [RequestSummary] {
        if let state, !Self.states.contains(state) { throw OperatorError.unknownState(state) }
        let result = try await client.query("""
            SELECT \(RequestSummary.columns) FROM dsr.requests r
            WHERE $1::text IS NULL OR r.state = $1::text
            ORDER BY r.received_at DESC, r.id DESC
            LIMIT $2::int
            """, [.string(state), .int(limit)], retryOnConnectionLoss: true)
        return try result.rows.map(RequestSummary.init(row:))
    }

    /// One request with its messages (oldest first) and audit trail (in
    /// order). `senderTrust` judges the opening message of a request that
    /// has no sender verdict recorded (one from before intake kept it).
    public func detail(reference: String, senderTrust: SenderTrust = .none) async throws -> RequestDetail {
        let found = try await client.query("""
            SELECT r.id, \(RequestSummary.columns), r.reply_language, r.subject_address, r.state_reason,
                   r.due_on::text AS original_due_on, r.confidence, r.on_behalf, r.auto_kind,
                   array_to_json(r.evidence)::text AS evidence_json, r.fields::text AS fields_json,
                   r.requester_address, r.sender_verdict
            FROM dsr.requests r WHERE r.reference = $1
            """, [.text(reference)], retryOnConnectionLoss: true)
        guard let row = found.first else { throw OperatorError.unknownReference(reference) }
        let id = try row.int("id")
        let opening = try await openingMessage(requestID: id)
        let from = opening?.from.first
        var verdict = SenderVerdictText.unknown
        if let recorded = row["sender_verdict"], !recorded.isEmpty {
            verdict = SenderVerdictText(text: recorded, source: .intake)
        } else if let opening {
            verdict = SenderVerdictText(text: Self.text(of: senderTrust.verdict(of: opening)), source: .storedMessage)
        }
        return RequestDetail(
            summary: try RequestSummary(row: row), replyLanguage: try row.string("reply_language"),
            subjectAddress: try row.string("subject_address"),
            requesterAddress: row["requester_address"].flatMap { $0.isEmpty ? nil : $0 } ?? from?.address,
            requesterName: from?.displayName, senderVerdict: verdict, stateReason: row["state_reason"],
            originalDueOn: try row.string("original_due_on"),
            confidence: row["confidence"].flatMap(Double.init) ?? 0, onBehalf: try row.bool("on_behalf"),
            autoKind: row["auto_kind"], evidence: try JSONText.strings(row.string("evidence_json")),
            fieldsJSON: try row.string("fields_json"),
            messages: try await messages(requestID: id), audit: try await audit(requestID: id))
    }

    /// The message that opened the request, read from its stored bytes.
    private func openingMessage(requestID: Int) async throws -> ParsedMessage? {
        let result = try await client.query("""
            SELECT i.raw FROM dsr.request_messages rm JOIN dsr.inbound i ON i.id = rm.inbound_id
            WHERE rm.request_id = $1::bigint AND rm.role = 'request' ORDER BY rm.id LIMIT 1
            """, [.int(requestID)], retryOnConnectionLoss: true)
        guard let row = result.first else { return nil }
        let raw = try row.bytes("raw")
        return raw.isEmpty ? nil : MessageReader.read(raw)
    }

    /// `pass (dmarc=pass)`, `unverified (no Authentication-Results)`, …
    static func text(of verdict: SenderVerdict) -> String {
        let word = switch verdict {
        case .pass: "pass"
        case .fail: "fail"
        case .unverified: "unverified"
        }
        return "\(word) (\(verdict.reason))"
    }

    private func messages(requestID: Int) async throws -> [RequestMessage] {
        let result = try await client.query("""
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
            """, [.int(requestID)], retryOnConnectionLoss: true)
        return try result.rows.map { row in
            let raw = try row.bytes("raw")
            return RequestMessage(
                direction: row["direction"] == "out" ? .outbound : .inbound, at: try row.date("at"),
                role: try row.string("role"), what: try row.string("what"), deliveryState: row["delivery_state"],
                messageID: row["message_id"], subject: MessageReader.read(raw).subject)
        }
    }

    private func audit(requestID: Int) async throws -> [AuditEntry] {
        let result = try await client.query("""
            SELECT at, actor, action, from_state, to_state, reason, details::text AS details_json
            FROM dsr.audit_events WHERE request_id = $1::bigint ORDER BY id
            """, [.int(requestID)], retryOnConnectionLoss: true)
        return try result.rows.map { row in
            AuditEntry(at: try row.date("at"), actor: try row.string("actor"), action: try row.string("action"),
                       fromState: row["from_state"], toState: row["to_state"], reason: row["reason"],
                       detailsJSON: try row.string("details_json"))
        }
    }
}

import Foundation
import Requests
import Store

/// Moves a request to its next state and writes the audit event, in the
/// caller's transaction. A move to `needs_review` also tells the operators
/// (when an address for them is configured).
struct RequestTransition {
    let connection: PostgresConnection
    let alert: ReviewAlert?
    let now: Date

    func move(_ request: PendingRequest, to state: RequestState, action: String, reason: String?,
              details: [String: Any] = [:]) throws {
        let previous = try RequestRecords(connection).setState(request.id, to: state.rawValue, reason: reason)
        if state == .completed {
            try connection.execute("UPDATE dsr.requests SET completed_at = now() WHERE id = $1", [.int(request.id)])
        }
        try AuditTrail(connection).append(requestID: request.id, actor: RequestMail.actor, action: action,
                                          from: previous, to: state.rawValue, reason: reason,
                                          detailsJSON: AuditJSON.encode(details))
        if state == .needsReview, previous != state.rawValue, let alert {
            try alert.queue(ReviewAlert.Case(requestID: request.id, reference: request.reference, kinds: request.kinds,
                                             receivedOn: request.receivedOn, dueOn: request.dueOn,
                                             reason: reason ?? action, senderVerdict: request.senderVerdict),
                            actor: RequestMail.actor, connection: connection, now: now)
        }
    }

    func record(_ request: PendingRequest, action: String, reason: String? = nil, details: [String: Any] = [:]) throws {
        try AuditTrail(connection).append(requestID: request.id, actor: RequestMail.actor, action: action,
                                          reason: reason, detailsJSON: AuditJSON.encode(details))
    }
}

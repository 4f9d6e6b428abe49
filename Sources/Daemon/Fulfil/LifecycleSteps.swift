import Foundation
import Records
import Requests
import Store

/// How the fulfil stage moves a request: one event through the lifecycle
/// (`RequestStates`, the only writer of a request's state), in the caller's
/// transaction. A move into review also tells the operators (when an
/// address for them is configured).
struct LifecycleSteps {
    let connection: PostgresConnection
    let alert: ReviewAlert?
    let now: Date
    /// The transaction ends fulfilment's attempt at the request
    /// (`FulfilStage.endAttempt`): a state change then does that part of
    /// it in its own statement (`RequestStates.apply(endingFulfilAttempt:)`).
    /// Not so for the answers to and timers of confirmations.
    let endsFulfilAttempt: Bool

    /// Applies `event` to the locked request. The stage only sends events
    /// its own state allows: a refusal means a bug, and rolls back.
    @discardableResult
    func apply(_ event: RequestEvent, to request: PendingRequest, details: [String: Any] = [:]) throws -> RequestTransition {
        guard let transition = try RequestStates(connection).apply(
            event, to: request.id, actor: RequestMail.actor, detailsJSON: AuditJSON.encode(details), at: now,
            expecting: request.state, endingFulfilAttempt: endsFulfilAttempt) else {
            throw LifecycleRefusal(event: event, state: request.state)
        }
        if transition.to == .needsReview, transition.movesState, let alert {
            try alert.queue(request.record, reason: transition.reason ?? transition.action.rawValue,
                            actor: RequestMail.actor, connection: connection, now: now)
        }
        return transition
    }

    /// An audit event that changes no state.
    func record(_ request: PendingRequest, action: AuditAction, reason: String? = nil, details: [String: Any] = [:]) throws {
        try AuditTrail(connection).append(requestID: request.id, actor: RequestMail.actor, action: action,
                                          reason: reason, detailsJSON: AuditJSON.encode(details), at: now)
    }
}

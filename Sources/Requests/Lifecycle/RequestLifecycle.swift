/// The request's life: which event may move a request in which state, and
/// where to. Pure: a state and an event in, the transition out — or nil
/// when the event does not apply in that state (nothing is written then).
/// `RequestStates` in Records is the only code that applies a transition, so
/// this table is the whole of what can happen to a request's state.
///
/// ```
/// received ──confirmationAsked──▶ awaiting_confirmation ──confirmed──▶ received
///    │  └──completed──▶ completed            │ └─declined / confirmationExpired─▶ rejected
///    └─sentToReview / setAside─▶ needs_review ◀─sentToReview, replyBounced──┘
/// needs_review / awaiting_confirmation ──approved──▶ received
/// any open ──rejected──▶ rejected;   any open ──extended──▶ (same state)
/// any open ──completedByOperator──▶ completed
/// received, completed, rejected, ignored ──followUpArrived──▶ needs_review
/// any ──replyFailed──▶ needs_review
/// ```
public enum RequestLifecycle {
    public static func transition(from state: RequestState, on event: RequestEvent) -> RequestTransition? {
        func to(_ target: RequestState, _ action: AuditAction, _ reason: String?,
                _ columns: [RequestColumn] = []) -> RequestTransition {
            RequestTransition(from: state, to: target, action: action, reason: reason, columns: columns)
        }
        switch (event, state) {
        case (.sentToReview(let reason), .received), (.sentToReview(let reason), .awaitingConfirmation):
            return to(.needsReview, .review, reason)
        case (.setAside(let reason), .received):
            return to(.needsReview, .quarantined, reason)
        case (.confirmationAsked, .received):
            return to(.awaitingConfirmation, .confirmationRequested, "waiting for confirmation by reply")
        case (.confirmed, .awaitingConfirmation):
            return to(.received, .confirmed, "confirmed by reply with the code", [.confirmedAt])
        case (.declined, .awaitingConfirmation):
            return to(.rejected, .declined, "declined by reply with the code")
        case (.confirmationExpired(let days), .awaitingConfirmation):
            return to(.rejected, .confirmationExpired, "not confirmed within \(days) days")
        case (.completed(let reason), .received):
            return to(.completed, .completed, reason, [.completedAt])
        case (.followUpArrived, .received), (.followUpArrived, .completed), (.followUpArrived, .rejected),
             (.followUpArrived, .ignored):
            return to(.needsReview, .followUpReceived, "follow-up from the data subject")
        case (.replyBounced, _) where state.isOpen:
            return to(.needsReview, .replyBounced, "a reply to the data subject bounced")
        case (.replyFailed(let reason), _):
            return to(.needsReview, .replyFailed, reason)
        case (.approved(let kinds, let decider), .needsReview), (.approved(let kinds, let decider), .awaitingConfirmation):
            return to(.received, .approved, nil, [.approval(by: decider, kinds: kinds)])
        case (.rejected(let reason), _) where state.isOpen:
            return to(.rejected, .rejected, reason)
        case (.completedByOperator(let note), _) where state.isOpen:
            return to(.completed, .completed, "completed by an operator: " + note, [.completedAt])
        case (.extended(let until, let reason), _) where state.isOpen:
            return RequestTransition(from: state, to: state, action: .extended, reason: reason,
                                     columns: [.extendedDueOn(until)])
        default:
            return nil
        }
    }
}

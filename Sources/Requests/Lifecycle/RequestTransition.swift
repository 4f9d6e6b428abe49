/// One move of a request, as `RequestLifecycle` decides it: where it goes,
/// what the audit trail says, and which columns change with it. Applied in
/// one place (`RequestStates` in Records), in the caller's transaction.
public struct RequestTransition: Sendable, Equatable {
    public var from: RequestState
    public var to: RequestState
    public var action: AuditAction
    /// The request's `state_reason` from now on, and the audit event's reason.
    public var reason: String?
    public var columns: [RequestColumn]

    public init(from: RequestState, to: RequestState, action: AuditAction, reason: String?,
                columns: [RequestColumn] = []) {
        self.from = from
        self.to = to
        self.action = action
        self.reason = reason
        self.columns = columns
    }

    /// The state changes (a deadline extension keeps it).
    public var movesState: Bool { from != to }

    /// Whether the state and its reason are written: an extension changes
    /// the deadline only, and keeps the reason the request is where it is.
    public var writesState: Bool { action != .extended }
}

/// A column of `dsr.requests` a transition sets besides the state.
public enum RequestColumn: Sendable, Equatable {
    /// `completed_at`: now.
    case completedAt
    /// `confirmed_at`: now.
    case confirmedAt
    /// `approved_by` and `approved_kinds`, and fresh fulfilment attempts.
    case approval(by: String, kinds: [RequestKind])
    /// `extended_due_on`.
    case extendedDueOn(Day)
}

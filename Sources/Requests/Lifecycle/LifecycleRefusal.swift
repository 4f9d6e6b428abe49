import LogSafety

/// An event the lifecycle does not allow in the request's state: a bug in
/// the caller (stages only send the events their own state allows), so the
/// transaction rolls back and the request stays as it was. Names the event
/// and the state only.
public struct LifecycleRefusal: LogSafeError, Sendable, Equatable {
    public var event: String
    public var state: RequestState

    public init(event: RequestEvent, state: RequestState) {
        self.event = Self.name(of: event)
        self.state = state
    }

    public var description: String { "no transition for \(event) in state \(state.rawValue)" }

    private static func name(of event: RequestEvent) -> String {
        String(describing: event).prefix { $0.isLetter }.description
    }
}

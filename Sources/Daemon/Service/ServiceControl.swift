import Foundation

/// What the outside world asks of a running daemon.
public enum ServiceEvent: Sendable, Equatable {
    /// SIGTERM or SIGINT: finish the step in hand and return.
    case stop
    /// SIGHUP: re-read the configuration and rebuild the stages.
    case reload
}

/// How the runner waits between polls and learns of events. The waiting
/// must end early when an event arrives, so a stop is answered at once.
public protocol ServiceControl: Sendable {
    /// Waits up to `seconds`, or until an event arrives; returns the event,
    /// or nil when the time ran out.
    func wait(seconds: TimeInterval) async -> ServiceEvent?
    /// An event that arrived meanwhile, without waiting.
    func pendingEvent() async -> ServiceEvent?
    /// Whether a stop is waiting to be taken, without taking it: a round
    /// in progress ends its work sooner (`ConcurrentRound`).
    func stopPending() -> Bool
}

extension ServiceControl {
    public func stopPending() -> Bool { false }
}

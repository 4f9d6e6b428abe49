import Foundation

/// Where the daemon gets the time, so deadlines, backoff, expiry and purges
/// can be tested without waiting.
public protocol WallClock: Sendable {
    func now() -> Date
}

/// The real clock.
public struct SystemWallClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

import Foundation

/// When to try a deferred reply again, and when to give up: the delay
/// doubles from `baseDelay` after each failed attempt, up to `maxDelay`, and
/// after `maxAttempts` attempts the reply is marked failed. The defaults
/// (1 min, 2, 4, … capped at 1 h, 30 attempts) keep trying for about a day,
/// long enough to ride out a receiving server's maintenance window.
public struct RetryPolicy: Sendable, Equatable {
    public var baseDelay: TimeInterval
    public var maxDelay: TimeInterval
    public var maxAttempts: Int

    public init(baseDelay: TimeInterval = 60, maxDelay: TimeInterval = 3600, maxAttempts: Int = 30) {
        self.baseDelay = max(baseDelay, 0)
        self.maxDelay = max(maxDelay, self.baseDelay)
        self.maxAttempts = max(maxAttempts, 1)
    }

    public static let standard = RetryPolicy()

    /// What follows a temporary failure of attempt number `attempt` (1 for
    /// the first try).
    public enum Decision: Sendable, Equatable {
        case retry(after: TimeInterval)
        case giveUp
    }

    public func decision(afterFailedAttempt attempt: Int) -> Decision {
        attempt >= maxAttempts ? .giveUp : .retry(after: delay(afterFailedAttempt: attempt))
    }

    /// The wait after failed attempt number `attempt`: base × 2^(attempt−1), capped.
    public func delay(afterFailedAttempt attempt: Int) -> TimeInterval {
        let exponent = min(max(attempt - 1, 0), 40)
        return min(baseDelay * pow(2, Double(exponent)), maxDelay)
    }
}

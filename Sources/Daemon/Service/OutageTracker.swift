import Foundation

/// Remembers which stages are failing since when, so an outage is logged
/// once when it starts and once when it ends, not at every retry.
public struct OutageTracker: Sendable {
    private var startedAt: [String: Date] = [:]

    public init() {}

    /// Records a failed round of `stage`; true when this starts an outage.
    public mutating func recordFailure(of stage: String, at now: Date) -> Bool {
        guard startedAt[stage] == nil else { return false }
        startedAt[stage] = now
        return true
    }

    /// Records a good round of `stage`; the outage's length when it ends one.
    public mutating func recordSuccess(of stage: String, at now: Date) -> TimeInterval? {
        guard let start = startedAt.removeValue(forKey: stage) else { return nil }
        return max(now.timeIntervalSince(start), 0)
    }

    public func isOut(_ stage: String) -> Bool { startedAt[stage] != nil }
}

/// How long the runner waits after rounds that failed: the poll interval
/// doubled per failed round in a row, up to `maxDelay`.
public struct RunnerBackoff: Sendable, Equatable {
    public var maxDelay: TimeInterval

    public init(maxDelay: TimeInterval = 300) {
        self.maxDelay = maxDelay
    }

    public func delay(pollInterval: TimeInterval, failedRoundsInARow: Int) -> TimeInterval {
        guard failedRoundsInARow > 0 else { return pollInterval }
        let grown = pollInterval * pow(2, Double(min(failedRoundsInARow, 30)))
        return min(grown, max(maxDelay, pollInterval))
    }
}

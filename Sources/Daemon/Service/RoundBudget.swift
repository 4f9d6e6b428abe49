import Foundation

/// How much one round of a stage may use. Once the round has run `seconds`
/// or fetched `bytes`, the stage starts no new unit of work and reports that
/// more is waiting: the runner then runs the other stages (and takes a stop
/// or a reload) before the next round starts at once. A flood of large mail
/// thus cannot starve fulfilment and delivery. The unit in hand is always
/// finished, and the first unit of a round always starts, so every round
/// moves forward.
struct RoundBudget: Sendable {
    let started: Date
    let seconds: TimeInterval
    let bytes: Int
    private(set) var bytesUsed = 0
    private(set) var unitsStarted = 0

    init(started: Date, seconds: TimeInterval, bytes: Int = .max) {
        self.started = started
        self.seconds = seconds
        self.bytes = bytes
    }

    /// Whether another unit may start at `now`; counts it when it may.
    mutating func mayStart(now: Date) -> Bool {
        guard unitsStarted == 0 || (now.timeIntervalSince(started) < seconds && bytesUsed < bytes) else {
            return false
        }
        unitsStarted += 1
        return true
    }

    mutating func use(bytes count: Int) {
        bytesUsed += count
    }
}

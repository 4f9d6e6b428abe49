import Foundation

/// The global limits' window count, kept for the messages of one intake
/// transaction (`IntakeStage.recordChunk`).
///
/// Counting the requests of the window reads every request in it, so during
/// a large backlog the count costs more with every message. Within one
/// transaction the count is read once per kind of sender and then kept up
/// by the requests the transaction opens. A later message's window starts
/// later and holds no more requests than the earlier one's, so the kept
/// count is not lower than a fresh read of the same snapshot: a limit is
/// reached at most a few messages early. What other daemons commit
/// meanwhile is counted from the next transaction on (a chunk is at most
/// `IntakeStage.chunkMessages` messages).
final class WindowTally: @unchecked Sendable {
    private let lock = NSLock()
    /// Per kind of sender (authenticated or not): the window start the
    /// count was read for, and the count.
    private var counted: [Bool: (since: Date, count: Int)] = [:]

    /// The window's count for messages received after `since` from senders
    /// that are (or are not) `authenticated`: read with `query` the first
    /// time, or for a window that starts earlier than the one read.
    func count(since: Date, authenticated: Bool, query: () throws -> Int) rethrows -> Int {
        if let kept = lock.withLock({ counted[authenticated] }), since >= kept.since {
            return kept.count
        }
        let fresh = try query()
        lock.withLock { counted[authenticated] = (since, fresh) }
        return fresh
    }

    /// A request this transaction opened, which counts in the window.
    func opened(authenticated: Bool) {
        lock.withLock {
            if let kept = counted[authenticated] { counted[authenticated] = (kept.since, kept.count + 1) }
        }
    }
}

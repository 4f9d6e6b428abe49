import Foundation
import Records
import Requests
import Store

/// What `dsrd status` reports: the last successful round (`DaemonHeartbeat`),
/// the open requests by state, how many are overdue, and the outbox by
/// state; and whether the round is recent enough.
public struct ServiceHealth: Sendable, Equatable {
    public var heartbeat: DaemonHeartbeat.Beat?
    public var openRequests: [RequestState: Int]
    public var overdue: Int
    public var outbox: [OutboxState: Int]

    public init(heartbeat: DaemonHeartbeat.Beat?, openRequests: [RequestState: Int], overdue: Int,
                outbox: [OutboxState: Int]) {
        self.heartbeat = heartbeat
        self.openRequests = openRequests
        self.overdue = overdue
        self.outbox = outbox
    }

    /// Reads it (`daemon`: one daemon's heartbeat only; nil: the newest of all).
    public static func read(client: PostgresClient, daemon: String?, today: Day) async throws -> ServiceHealth {
        try await client.withConnection(retryOnConnectionLoss: true) { connection in
            let open = OpenRequests(connection)
            return ServiceHealth(
                heartbeat: try DaemonHeartbeat(connection).latest(daemon: daemon),
                openRequests: try open.countsByState(),
                overdue: try open.due(onOrBefore: today.adding(days: -1)).count,
                outbox: try OutboxViews(connection).counts())
        }
    }

    /// Seconds since the last successful round; nil when none was recorded.
    public func age(at now: Date) -> TimeInterval? {
        heartbeat.map { now.timeIntervalSince($0.lastRoundAt) }
    }

    /// Whether a round was recorded no more than `maxAge` seconds before `now`.
    public func isFresh(maxAge: TimeInterval, at now: Date) -> Bool {
        guard let age = age(at: now) else { return false }
        return age <= maxAge
    }
}

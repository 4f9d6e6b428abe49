import Requests
import Store

/// The counts monitoring shows after each round: requests by state, the
/// open ones past their deadline in force, and the outbox by state. Counts
/// only — nothing that names a person.
public struct PipelineFigures: Sendable, Equatable {
    /// Every request by its state (closed ones included); states without any are left out.
    public var requestsByState: [RequestState: Int]
    /// Open requests whose deadline in force (the extended one when set) is before today.
    public var overdue: Int
    /// Outbox messages by state (`pending`, `sent`, `failed`, …).
    public var outboxByState: [String: Int]

    public init(requestsByState: [RequestState: Int], overdue: Int, outboxByState: [String: Int]) {
        self.requestsByState = requestsByState
        self.overdue = overdue
        self.outboxByState = outboxByState
    }

    /// Requests in any open state.
    public var open: Int {
        requestsByState.filter { $0.key.isOpen }.values.reduce(0, +)
    }

    /// Requests waiting for a person.
    public var waitingForReview: Int { requestsByState[.needsReview] ?? 0 }

    /// Reads the figures in one read-only transaction; `today` is the Oslo day.
    public static func read(_ connection: PostgresConnection, today: Day) throws -> PipelineFigures {
        try connection.transaction(readOnly: true) { connection in
            var requests: [RequestState: Int] = [:]
            for row in try connection.execute("SELECT state, count(*) AS n FROM dsr.requests GROUP BY state").rows {
                guard let state = RequestState(rawValue: try row.string("state")) else {
                    throw PostgresError(kind: .unexpectedResult, column: "state", context: "counting requests")
                }
                requests[state] = try row.int("n")
            }
            let overdue = try connection.execute("""
                SELECT count(*) AS n FROM dsr.requests
                WHERE state = ANY($1::text[]) AND coalesce(extended_due_on, due_on) < $2::date
                """, [.textArray(openStates), .text(today.description)]).rows.first?.int("n") ?? 0
            var outbox: [String: Int] = [:]
            for row in try connection.execute("SELECT state, count(*) AS n FROM dsr.outbox GROUP BY state").rows {
                outbox[try row.string("state")] = try row.int("n")
            }
            return PipelineFigures(requestsByState: requests, overdue: overdue, outboxByState: outbox)
        }
    }

    private static let openStates = RequestState.allCases.filter(\.isOpen).map(\.rawValue)
}

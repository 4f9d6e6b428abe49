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

    /// The figures a round changes: open requests by state, the overdue
    /// ones and pending mail. Each is read through an index, from the few
    /// rows still open, however many requests were ever handled.
    public static func readOpen(_ connection: PostgresConnection, today: Day) throws -> PipelineFigures {
        var requests: [RequestState: Int] = [:]
        for row in try connection.execute("""
            SELECT state, count(*) AS n FROM dsr.requests WHERE state = ANY($1::text[]) GROUP BY state
            """, [.textArray(openStates)]).rows {
            requests[try state(row)] = try row.int("n")
        }
        let overdue = try connection.execute("""
            SELECT count(*) AS n FROM dsr.requests
            WHERE state = ANY($1::text[]) AND coalesce(extended_due_on, due_on) < $2::date
            """, [.textArray(openStates), .text(today.description)]).rows.first?.int("n") ?? 0
        let pending = try connection.execute("SELECT count(*) AS n FROM dsr.outbox WHERE state = 'pending'")
            .rows.first?.int("n") ?? 0
        return PipelineFigures(requestsByState: requests, overdue: overdue,
                               outboxByState: pending > 0 ? ["pending": pending] : [:])
    }

    /// Closed requests by state and mail no longer pending by state: totals
    /// over every row ever written, so a whole-table count each (monitoring
    /// reads them now and then, not every round).
    public static func readClosed(_ connection: PostgresConnection) throws -> ClosedTotals {
        var totals = ClosedTotals(requestsByState: [:], outboxByState: [:])
        for row in try connection.execute("""
            SELECT state, count(*) AS n FROM dsr.requests WHERE state <> ALL($1::text[]) GROUP BY state
            """, [.textArray(openStates)]).rows {
            totals.requestsByState[try state(row)] = try row.int("n")
        }
        for row in try connection.execute("""
            SELECT state, count(*) AS n FROM dsr.outbox WHERE state <> 'pending' GROUP BY state
            """).rows {
            totals.outboxByState[try row.string("state")] = try row.int("n")
        }
        return totals
    }

    /// Totals of what is closed, read apart from the open figures.
    public struct ClosedTotals: Sendable, Equatable {
        public var requestsByState: [RequestState: Int]
        public var outboxByState: [String: Int]
    }

    /// These figures with the closed totals added.
    public func merging(_ closed: ClosedTotals) -> PipelineFigures {
        PipelineFigures(requestsByState: requestsByState.merging(closed.requestsByState) { $1 }, overdue: overdue,
                        outboxByState: outboxByState.merging(closed.outboxByState) { $1 })
    }

    private static func state(_ row: QueryResult.Row) throws -> RequestState {
        guard let state = RequestState(rawValue: try row.string("state")) else {
            throw PostgresError(kind: .unexpectedResult, column: "state", context: "counting requests")
        }
        return state
    }

    private static let openStates = RequestState.allCases.filter(\.isOpen).map(\.rawValue)
}

import Requests
import Store

/// The open requests (`RequestState.isOpen`) as the operators' digest
/// counts and lists them: references, states, kinds and deadlines only.
public struct OpenRequests {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// One open request with its deadline in force (the extended one when set).
    public struct Due: Sendable, Equatable {
        public var reference: String
        public var state: RequestState
        /// As stored, in their order.
        public var kinds: [RequestKind]
        public var dueOn: Day
        public var extended: Bool
    }

    /// How many open requests there are in each open state; states without
    /// any are left out.
    public func countsByState() throws -> [RequestState: Int] {
        var counts: [RequestState: Int] = [:]
        for row in try connection.execute("""
            SELECT state, count(*) AS n FROM dsr.requests WHERE state = ANY($1::text[]) GROUP BY state
            """, [.textArray(Self.openStates)]).rows {
            counts[try Self.state(row)] = try row.int("n")
        }
        return counts
    }

    /// The open requests whose deadline in force is on or before `day`,
    /// and every request waiting for a person whatever its deadline, by
    /// deadline and reference.
    public func due(onOrBefore day: Day) throws -> [Due] {
        let due = try connection.execute("""
            SELECT reference, state, array_to_json(kinds)::text AS kinds_json,
                   coalesce(extended_due_on, due_on)::text AS due_on, extended_due_on IS NOT NULL AS extended
            FROM dsr.requests
            WHERE state = ANY($1::text[]) AND (coalesce(extended_due_on, due_on) <= $2::date OR state = $3)
            ORDER BY coalesce(extended_due_on, due_on), reference
            """, [.textArray(Self.openStates), .text(day.description), .text(RequestState.needsReview.rawValue)])
        return try due.rows.map { row in
            guard let dueOn = Day(iso: try row.string("due_on")) else {
                throw PostgresError(kind: .unexpectedResult, context: "reading a request's due date")
            }
            return Due(reference: try row.string("reference"), state: try Self.state(row),
                       kinds: try JSONText.strings(row.string("kinds_json")).compactMap(RequestKind.init(rawValue:)),
                       dueOn: dueOn, extended: try row.bool("extended"))
        }
    }

    private static let openStates = RequestState.allCases.filter(\.isOpen).map(\.rawValue)

    private static func state(_ row: QueryResult.Row) throws -> RequestState {
        guard let state = RequestState(rawValue: try row.string("state")) else {
            throw PostgresError(kind: .unexpectedResult, column: "state", context: "reading a request's state")
        }
        return state
    }
}

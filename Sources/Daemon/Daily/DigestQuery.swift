import Requests
import Store

/// Reads what the digest needs, inside the caller's transaction.
enum DigestQuery {
    static func read(day: Day, connection: PostgresConnection) throws -> OperatorDigest {
        let open = RequestState.allCases.filter(\.isOpen).map(\.rawValue)
        var counts: [String: Int] = [:]
        for row in try connection.execute("""
            SELECT state, count(*) AS n FROM dsr.requests WHERE state = ANY($1::text[]) GROUP BY state
            """, [.textArray(open)]).rows {
            counts[try row.string("state")] = try row.int("n")
        }
        let due = try connection.execute("""
            SELECT reference, state, array_to_json(kinds)::text AS kinds_json,
                   coalesce(extended_due_on, due_on)::text AS due_on, extended_due_on IS NOT NULL AS extended
            FROM dsr.requests
            WHERE state = ANY($1::text[]) AND coalesce(extended_due_on, due_on) <= $2::date
            ORDER BY coalesce(extended_due_on, due_on), reference
            """, [.textArray(open), .text(day.adding(days: OperatorDigest.window).description)])
        let entries = try due.rows.map { row in
            guard let dueOn = Day(iso: try row.string("due_on")) else {
                throw PostgresError(kind: .unexpectedResult, context: "reading a request's due date")
            }
            return OperatorDigest.Entry(reference: try row.string("reference"), state: try row.string("state"),
                                        kinds: try JSONText.strings(row.string("kinds_json")), dueOn: dueOn,
                                        extended: try row.bool("extended"))
        }
        return OperatorDigest(day: day, openByState: counts, entries: entries)
    }
}

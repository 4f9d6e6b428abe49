import Store

/// `dsr.requests.fulfil_attempts`: how often fulfilment began to carry out
/// a `received` request without finishing. Fulfilment counts an attempt in
/// a statement of its own before it opens the request's transaction, takes
/// it back when the attempt ends because the database went away, and sets
/// it back to 0 in the transaction that finishes with the request
/// (`FulfilAttempts` in the daemon decides what a count means).
public struct FulfilAttemptCounts {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Counts one more attempt at the request; returns the attempts counted
    /// so far, this one included, or nil (nothing counted) when the request
    /// is no longer `received` or another daemon has it locked.
    public func count(requestID: Int) throws -> Int? {
        let row = try connection.execute("""
            UPDATE dsr.requests SET fulfil_attempts = fulfil_attempts + 1
            WHERE id = (SELECT id FROM dsr.requests WHERE id = $1 AND state = 'received' FOR UPDATE SKIP LOCKED)
            RETURNING fulfil_attempts
            """, [.int(requestID)]).first
        return try row.map { try $0.int("fulfil_attempts") }
    }

    /// Counts one attempt, in one statement, at each of `requestIDs` that
    /// is `received` with no attempt counted and not locked by another
    /// daemon; returns the ids it counted.
    public func countFresh(requestIDs: [Int]) throws -> Set<Int> {
        let rows = try connection.execute("""
            UPDATE dsr.requests SET fulfil_attempts = 1
            WHERE id IN (SELECT id FROM dsr.requests WHERE id = ANY($1::bigint[]) AND state = 'received'
                         AND fulfil_attempts = 0 ORDER BY id FOR UPDATE SKIP LOCKED)
            RETURNING id
            """, [.textArray(requestIDs.map(String.init))]).rows
        return Set(try rows.map { try $0.int("id") })
    }

    /// Takes one attempt back at each of `requestIDs` (never below 0).
    public func takeBackAll(requestIDs: [Int]) throws {
        try connection.execute(
            "UPDATE dsr.requests SET fulfil_attempts = fulfil_attempts - 1 WHERE id = ANY($1::bigint[]) AND fulfil_attempts > 0",
            [.textArray(requestIDs.map(String.init))])
    }

    /// Back to 0 (nothing written when it is 0 already: the request's last
    /// state change may have reset it, `RequestStates.apply(endingFulfilAttempt:)`).
    public func reset(requestID: Int) throws {
        try connection.execute("UPDATE dsr.requests SET fulfil_attempts = 0 WHERE id = $1 AND fulfil_attempts <> 0",
                               [.int(requestID)])
    }
}

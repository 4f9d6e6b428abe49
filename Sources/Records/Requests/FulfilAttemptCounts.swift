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

    /// Takes one attempt back (never below 0).
    public func takeBack(requestID: Int) throws {
        try connection.execute(
            "UPDATE dsr.requests SET fulfil_attempts = fulfil_attempts - 1 WHERE id = $1 AND fulfil_attempts > 0",
            [.int(requestID)])
    }

    /// Back to 0.
    public func reset(requestID: Int) throws {
        try connection.execute("UPDATE dsr.requests SET fulfil_attempts = 0 WHERE id = $1", [.int(requestID)])
    }
}

import Foundation
import Records
import Requests
import Store

/// Requests that take the process down. Before fulfilment opens a
/// request's transaction it counts the attempt in
/// `dsr.requests.fulfil_attempts`, in a transaction of its own that is
/// committed first; the request's own transaction sets the count back to
/// 0, as does every other way out of `received`. So a request whose
/// fulfilment kills the process (out of memory on a huge export, say) keeps
/// its count, and one found with `limit` unfinished attempts goes to
/// `needs_review` with a fixed reason instead of being tried again. Without
/// this it would be retried every round after every restart, ahead of
/// delivery, and systemd's restarts would never end.
struct FulfilAttempts {
    /// Unfinished attempts after which a request is set aside.
    static let limit = 3
    static let reason = "set aside: carrying it out stopped the daemon \(limit) times"

    let database: PostgresClient
    /// Tells the operators of a request set aside; nil: nobody to tell.
    var alert: ReviewAlert?

    /// Counts one more attempt; returns how many earlier attempts never
    /// finished, or nil when the request is no longer `received` or another
    /// daemon has it locked (then nothing is counted).
    func begin(requestID: Int) async throws -> Int? {
        let row = try await database.query("""
            UPDATE dsr.requests SET fulfil_attempts = fulfil_attempts + 1
            WHERE id = (SELECT id FROM dsr.requests WHERE id = $1 AND state = 'received' FOR UPDATE SKIP LOCKED)
            RETURNING fulfil_attempts
            """, [.int(requestID)]).first
        return try row.map { try $0.int("fulfil_attempts") - 1 }
    }

    /// Takes back an attempt that ended without taking the process down
    /// (the database went away). Best effort, as the database is what failed.
    func takeBack(requestID: Int) async {
        _ = try? await database.query(
            "UPDATE dsr.requests SET fulfil_attempts = fulfil_attempts - 1 WHERE id = $1 AND fulfil_attempts > 0",
            [.int(requestID)])
    }

    /// Back to 0, in the transaction that finished with the request.
    static func reset(requestID: Int, in connection: PostgresConnection) throws {
        try connection.execute("UPDATE dsr.requests SET fulfil_attempts = 0 WHERE id = $1", [.int(requestID)])
    }

    /// Moves the request to `needs_review` without reading its message
    /// (that may be what stopped the daemon); false when it is no longer
    /// `received` or another daemon has it.
    func setAside(requestID: Int, now: Date) async throws -> Bool {
        let alert = self.alert
        return try await database.transaction { connection in
            guard try connection.execute("""
                SELECT id FROM dsr.requests WHERE id = $1 AND state = 'received' FOR UPDATE SKIP LOCKED
                """, [.int(requestID)]).first != nil else { return false }
            try RequestStates(connection).apply(.setAside(reason: Self.reason), to: requestID, actor: RequestMail.actor,
                                                detailsJSON: AuditJSON.encode(["attempts": Self.limit]), at: now)
            try Self.reset(requestID: requestID, in: connection)
            try alert?.queue(requestID: requestID, reason: Self.reason, actor: RequestMail.actor, connection: connection,
                             now: now)
            return true
        }
    }
}

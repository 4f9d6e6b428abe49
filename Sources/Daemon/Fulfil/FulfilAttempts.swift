import Foundation
import Records
import Requests
import Store

/// Requests that take the process down. Before fulfilment opens a request's
/// transaction it counts the attempt in `dsr.requests.fulfil_attempts`
/// (`FulfilAttemptCounts`), in a transaction of its own that is committed
/// first; the request's own transaction sets the count back to 0, as does
/// every other way out of `received`. So a request whose fulfilment kills
/// the process (out of memory on a huge export, say) keeps its count, and
/// one found with `limit` unfinished attempts goes to `needs_review` with a
/// fixed reason instead of being tried again. Without this it would be
/// retried every round after every restart, ahead of delivery, and
/// systemd's restarts would never end.
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
        try await database.withConnection { try FulfilAttemptCounts($0).count(requestID: requestID) }.map { $0 - 1 }
    }

    /// Counts the first attempt at each of `requestIDs` that has none, in
    /// one committed statement; returns those it counted. If the process
    /// dies while carrying out one of them, the ones after it keep one
    /// attempt and are carried out one by one (`begin`) from then on, so
    /// a request that kills the process is still set aside after its
    /// third time, and one beside it is never set aside for it.
    func beginFresh(requestIDs: [Int]) async throws -> Set<Int> {
        guard !requestIDs.isEmpty else { return [] }
        return try await database.withConnection { try FulfilAttemptCounts($0).countFresh(requestIDs: requestIDs) }
    }

    /// Takes back attempts that ended without taking the process down (the
    /// database went away), or that were counted ahead at requests the
    /// round did not reach. Best effort, as the database may be what failed.
    func takeBack(requestIDs: [Int]) async {
        guard !requestIDs.isEmpty else { return }
        _ = try? await database.withConnection { try FulfilAttemptCounts($0).takeBackAll(requestIDs: requestIDs) }
    }

    /// Moves the request to `needs_review` without reading its message
    /// (that may be what stopped the daemon); false when it is no longer
    /// `received` or another daemon has it.
    func setAside(requestID: Int, now: Date) async throws -> Bool {
        let alert = self.alert
        return try await database.transaction { connection in
            guard try RequestRecords(connection).claimRow(id: requestID, in: .received) else { return false }
            try RequestStates(connection).apply(.setAside(reason: Self.reason), to: requestID, actor: RequestMail.actor,
                                                detailsJSON: AuditJSON.encode(["attempts": Self.limit]), at: now)
            try FulfilAttemptCounts(connection).reset(requestID: requestID)
            // Its mail may be what stopped the daemon: no receipt is
            // composed; the operators are told and answer the person.
            try ReceiptsOwed(connection).forget(requestID: requestID)
            try alert?.queue(requestID: requestID, reason: Self.reason, actor: RequestMail.actor, connection: connection,
                             now: now)
            return true
        }
    }
}

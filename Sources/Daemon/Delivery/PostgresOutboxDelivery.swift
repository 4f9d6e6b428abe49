import Foundation
import Records
import Requests
import Store

/// Delivery's outbox in PostgreSQL: each call is one short transaction over
/// `Outbox`, so none is held open across an SMTP call. The sends of a batch
/// are marked together, in one transaction. With the suppression
/// key, marking the last mail of a completed erasure sent also removes the
/// person from dsrd's own records (`ErasedPersonRecords`), in the same
/// transaction.
public struct PostgresOutboxDelivery: OutboxDelivery {
    /// The actor named in audit events written here.
    public static let actor = "dsrd:delivery"

    public let client: PostgresClient
    /// Tells the operators when a failed reply sends its request to review.
    let alert: ReviewAlert?
    /// The suppression list's key: addresses removed after an erasure
    /// become its keyed hash. Nil (no data map, so no erasure): none.
    public let addressHashKey: [UInt8]?

    /// `alerts`: who is told, in a note written with `writer`, when a failed
    /// reply sends its request to review (nil: nobody).
    public init(client: PostgresClient, writer: ReplyWriter? = nil, alerts: OperatorAlerts? = nil,
                addressHashKey: [UInt8]? = nil) {
        self.client = client
        alert = writer.flatMap { writer in alerts.map { ReviewAlert(writer: writer, alerts: $0) } }
        self.addressHashKey = addressHashKey
    }

    public func claim(now: Date, leaseUntil: Date, limit: Int) async throws -> [OutboxMessage] {
        try await client.transaction {
            try Outbox($0).claim(now: now, leaseUntil: leaseUntil, limit: limit)
        }
    }

    public func release(_ ids: [Int], dueAt: Date) async throws {
        guard !ids.isEmpty else { return }
        try await retryingOnConnectionLoss { try $0.release(ids, dueAt: dueAt) }
    }

    public func markSent(_ sent: [SentMail]) async throws {
        guard !sent.isEmpty else { return }
        let key = addressHashKey
        try await client.transaction { connection in
            try Outbox(connection).markSent(sent.map { ($0.message, $0.at) }, actor: Self.actor)
            guard let key else { return }
            let records = ErasedPersonRecords(connection)
            let requestIDs = Array(Set(sent.compactMap(\.message.requestID)))
            for requestID in try records.answeredErasures(among: requestIDs) {
                guard let at = sent.last(where: { $0.message.requestID == requestID })?.at else { continue }
                _ = try records.removeIfAnswered(requestID: requestID, actor: Self.actor, at: at,
                                                 hash: { AddressHash.hex(address: $0, key: key) })
            }
        }
    }

    public func markDeferred(_ message: OutboxMessage, lastError: String, retryAt: Date) async throws {
        try await retryingOnConnectionLoss { try $0.markDeferred(message, lastError: lastError, retryAt: retryAt) }
    }

    @discardableResult
    public func markFailed(_ message: OutboxMessage, lastError: String, reason: String, at now: Date) async throws -> String? {
        let alert = self.alert
        return try await client.transaction { connection in
            let previous = try Outbox(connection).markFailed(message, lastError: lastError, reason: reason, at: now,
                                                             actor: Self.actor)
            if let previous, previous != RequestState.needsReview.rawValue, let requestID = message.requestID {
                try alert?.queue(requestID: requestID, reason: reason, actor: Self.actor, connection: connection, now: now)
            }
            return previous
        }
    }

    /// Runs `write` once more on a new connection when the first try broke
    /// with the connection: only for writes whose repetition is harmless
    /// (they set the same values again, and only on pending rows).
    private func retryingOnConnectionLoss(_ write: @escaping @Sendable (Outbox) throws -> Void) async throws {
        do {
            try await client.transaction { try write(Outbox($0)) }
        } catch let error as PostgresError where error.kind == .connectionLost {
            try await client.transaction { try write(Outbox($0)) }
        }
    }
}

import Foundation
import Records

/// The outbox as the delivery stage uses it: claim the mail that is due,
/// then record what became of each message. `PostgresOutboxDelivery` in the
/// daemon; an in-memory twin in the tests, so the stage's decisions (retry,
/// give up, stop on an outage) are tested without servers.
public protocol OutboxDelivery: Sendable {
    /// Claims up to `limit` pending messages due at `now`, oldest first, and
    /// keeps every other claimant off them until `leaseUntil`.
    func claim(now: Date, leaseUntil: Date, limit: Int) async throws -> [OutboxMessage]

    /// Gives claimed messages back untouched, due at `dueAt` (messages not
    /// tried because the round stopped early).
    func release(_ ids: [Int], dueAt: Date) async throws

    /// The server took these messages: each sent, one more attempt,
    /// audited; all in one transaction.
    func markSent(_ sent: [SentMail]) async throws

    /// A temporary failure: one more attempt, due again at `retryAt`.
    func markDeferred(_ message: OutboxMessage, lastError: String, retryAt: Date) async throws

    /// The message will never be sent: failed, one more attempt, and its
    /// request (if any) goes to review. Returns the state the request was
    /// in, when there is one.
    @discardableResult
    func markFailed(_ message: OutboxMessage, lastError: String, reason: String, at now: Date) async throws -> String?
}

/// A message the server took, and when.
public struct SentMail: Sendable {
    public var message: OutboxMessage
    public var at: Date

    public init(message: OutboxMessage, at: Date) {
        self.message = message
        self.at = at
    }
}

extension OutboxDelivery {
    /// The server took one message.
    public func markSent(_ message: OutboxMessage, at now: Date) async throws {
        try await markSent([SentMail(message: message, at: now)])
    }
}

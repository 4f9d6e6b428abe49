import Daemon
import Foundation
import MailCore
import Records

/// The outbox in memory, for tests of delivery without PostgreSQL: the
/// rows, the states of their requests and the audit events delivery
/// writes, with the same rules as `Outbox` (claim due pending rows oldest
/// first and lease them; every mark touches pending rows only; a failed
/// reply sends its request to `needs_review`). Being an actor, each call
/// is atomic, as each of `PostgresOutboxDelivery`'s transactions is.
public actor InMemoryOutbox: OutboxDelivery {
    public enum State: String, Sendable {
        case pending, sent, failed
    }

    /// One row of the outbox.
    public struct Row: Sendable, Equatable {
        public var message: OutboxMessage
        public var state: State
        public var nextAttemptAt: Date
        public var lastError: String?
        public var sentAt: Date?
        /// Attempts made so far (the row's `attempts` column).
        public var attempts: Int { message.attempts }
    }

    /// An audit event delivery wrote about a request.
    public struct Event: Sendable, Equatable {
        public var requestID: Int
        public var at: Date
        public var action: String
        public var fromState: String?
        public var toState: String?
        public var reason: String?
        public var outboxID: Int

        public init(requestID: Int, at: Date, action: String, fromState: String?, toState: String?, reason: String?,
                    outboxID: Int) {
            self.requestID = requestID
            self.at = at
            self.action = action
            self.fromState = fromState
            self.toState = toState
            self.reason = reason
            self.outboxID = outboxID
        }
    }

    /// Queued mail is due at this clock's time, as a new row is due at the
    /// database's `now()`.
    private let clock: any WallClock
    private var rows: [Int: Row] = [:]
    private var lastID = 0
    private var requestStates: [Int: String] = [:]
    public private(set) var events: [Event] = []

    public init(clock: any WallClock) {
        self.clock = clock
    }

    // MARK: - Setting up

    /// A request delivery may send to review, in `state`.
    public func addRequest(_ id: Int, state: String) {
        requestStates[id] = state
    }

    /// Queues `mail` (about `requestID`, if any), due now; returns its id.
    @discardableResult
    public func enqueue(_ mail: ComposedMail, for requestID: Int? = nil) -> Int {
        lastID += 1
        let message = OutboxMessage(id: lastID, requestID: requestID, mail: mail, attempts: 0)
        rows[lastID] = Row(message: message, state: .pending, nextAttemptAt: clock.now())
        return lastID
    }

    // MARK: - Looking

    public func row(_ id: Int) -> Row? {
        rows[id]
    }

    public func requestState(_ id: Int) -> String? {
        requestStates[id]
    }

    public func events(of requestID: Int) -> [Event] {
        events.filter { $0.requestID == requestID }
    }

    // MARK: - OutboxDelivery

    public func claim(now: Date, leaseUntil: Date, limit: Int) -> [OutboxMessage] {
        // The longest due first, as the database's claim.
        let due = rows.values
            .filter { $0.state == .pending && $0.nextAttemptAt <= now }
            .sorted { ($0.nextAttemptAt, $0.message.id) < ($1.nextAttemptAt, $1.message.id) }
            .map(\.message.id).prefix(max(limit, 0))
        return due.compactMap { id in
            rows[id]?.nextAttemptAt = leaseUntil
            return rows[id]?.message
        }
    }

    public func release(_ ids: [Int], dueAt: Date) {
        for id in ids where rows[id]?.state == .pending {
            rows[id]?.nextAttemptAt = dueAt
        }
    }

    public func markSent(_ sent: [SentMail]) {
        for mail in sent { markSent(mail.message, at: mail.at) }
    }

    public func markSent(_ message: OutboxMessage, at now: Date) {
        guard var row = pending(message.id) else { return }
        row.state = .sent
        row.sentAt = now
        row.message.attempts += 1
        row.lastError = nil
        rows[message.id] = row
        if let requestID = message.requestID {
            record(message, requestID: requestID, at: now, action: "reply_sent")
        }
    }

    public func markDeferred(_ message: OutboxMessage, lastError: String, retryAt: Date) {
        guard var row = pending(message.id) else { return }
        row.message.attempts += 1
        row.nextAttemptAt = retryAt
        row.lastError = lastError
        rows[message.id] = row
    }

    @discardableResult
    public func markFailed(_ message: OutboxMessage, lastError: String, reason: String, at now: Date) -> String? {
        guard var row = pending(message.id) else { return nil }
        row.state = .failed
        row.message.attempts += 1
        row.lastError = lastError
        rows[message.id] = row
        guard let requestID = message.requestID, let previous = requestStates[requestID] else { return nil }
        requestStates[requestID] = "needs_review"
        record(message, requestID: requestID, at: now, action: "reply_failed", from: previous, to: "needs_review",
               reason: reason)
        return previous
    }

    private func pending(_ id: Int) -> Row? {
        rows[id].flatMap { $0.state == .pending ? $0 : nil }
    }

    private func record(_ message: OutboxMessage, requestID: Int, at now: Date, action: String,
                        from: String? = nil, to: String? = nil, reason: String? = nil) {
        events.append(Event(requestID: requestID, at: now, action: action, fromState: from, toState: to,
                            reason: reason, outboxID: message.id))
    }
}

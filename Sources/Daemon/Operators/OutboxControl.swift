import Foundation
import MailCore
import Records
import Requests
import Store
import Transport

/// The operator's hand on the outbox (`dsrd outbox retry|cancel`), in the
/// manner of Postfix's `postqueue -i` and `postsuper -d`: each change in one
/// transaction with the message locked, audited in the operator's name
/// (`OperatorIdentity`), through `Outbox`, the one writer of `dsr.outbox`.
public struct OutboxControl: Sendable {
    public let client: PostgresClient
    public let clock: any WallClock

    public init(client: PostgresClient, clock: any WallClock = SystemWallClock()) {
        self.client = client
        self.clock = clock
    }

    /// What a change did, for the operator's terminal.
    public struct Outcome: Sendable, Equatable {
        public var id: Int
        public var fromState: OutboxState
        public var toState: OutboxState
        /// The new message a retry `--to` another recipient queued.
        public var copyID: Int?
        public var template: String
    }

    /// Makes a pending or failed message due now, with a fresh count of
    /// attempts. With `recipient`, sends it there instead: the stored
    /// message keeps its own recipient and Message-ID (a bounce or reply
    /// must still find it), so a copy with a new `To`, Message-ID and date
    /// is queued as a message of its own, and a still pending original is
    /// cancelled so that only the copy goes out.
    public func retry(id: Int, to recipient: String? = nil, decider: OperatorIdentity) async throws -> Outcome {
        let address = try recipient.map(Self.checkedRecipient)
        let now = clock.now()
        return try await client.transaction { connection in
            let outbox = Outbox(connection)
            guard let held = try outbox.hold(id: id) else { throw OperatorError.unknownOutboxID(id) }
            guard held.state == .pending || held.state == .failed else {
                throw OutboxRefusal.notRetryable(id: id, state: held.state.rawValue)
            }
            guard !held.bytesCleared else { throw OutboxRefusal.bytesCleared(id: id) }
            var details = decider.auditDetails.merging(Self.details(held)) { $1 }
            guard let address else {
                guard try outbox.retry(held, dueAt: now, actor: decider.actor, detailsJSON: AuditJSON.encode(details),
                                       at: now) else {
                    throw OutboxRefusal.notRetryable(id: id, state: held.state.rawValue)
                }
                return Outcome(id: id, fromState: held.state, toState: .pending, template: held.message.mail.template)
            }
            let domain = held.message.mail.envelopeFrom.split(separator: "@").last.map(String.init) ?? "localhost"
            guard let copy = RedirectedMail.make(held.message.mail, to: address,
                                                 messageID: MessageIDGenerator.random(domain: domain), date: now) else {
                throw OutboxRefusal.unreadableMessage(id: id)
            }
            details["recipient_changed"] = true
            guard let copyID = try outbox.redirect(held, copy: copy, actor: decider.actor,
                                                   detailsJSON: AuditJSON.encode(details), at: now) else {
                throw OutboxRefusal.notRetryable(id: id, state: held.state.rawValue)
            }
            return Outcome(id: id, fromState: held.state, toState: held.state == .pending ? .cancelled : held.state,
                           copyID: copyID, template: held.message.mail.template)
        }
    }

    /// Takes a pending message out of the queue for good.
    public func cancel(id: Int, decider: OperatorIdentity) async throws -> Outcome {
        let now = clock.now()
        return try await client.transaction { connection in
            let outbox = Outbox(connection)
            guard let held = try outbox.hold(id: id) else { throw OperatorError.unknownOutboxID(id) }
            let details = decider.auditDetails.merging(Self.details(held)) { $1 }
            guard held.state == .pending,
                  try outbox.cancel(held, actor: decider.actor, detailsJSON: AuditJSON.encode(details), at: now) else {
                throw OutboxRefusal.notCancellable(id: id, state: held.state.rawValue)
            }
            return Outcome(id: id, fromState: held.state, toState: .cancelled, template: held.message.mail.template)
        }
    }

    /// The address `--to` names, in the form mail goes to (`AddressMatcher.mailForm`).
    static func checkedRecipient(_ typed: String) throws(OutboxRefusal) -> String {
        let trimmed = typed.trimmingCharacters(in: .whitespaces)
        guard !trimmed.contains(where: { "<>() ,;:\"\\[]".contains($0) || $0.isWhitespace }),
              let form = AddressMatcher().mailForm(trimmed), EnvelopeAddress.isValid(form, allowEmpty: false)
        else { throw .badRecipient }
        return form
    }

    /// What the audit event says of the message: ids, template, state and
    /// the delivery history it had, never an address.
    private static func details(_ held: Outbox.Held) -> [String: Any] {
        var details: [String: Any] = ["outbox_id": held.message.id, "template": held.message.mail.template,
                                      "message_id": held.message.mail.messageID,
                                      "previous_state": held.state.rawValue, "previous_attempts": held.message.attempts]
        if let error = held.lastError { details["previous_error"] = error }
        return details
    }
}

import Foundation
import Records
import Requests
import Store

/// The operator's decisions on a request (`dsrd requests approve|reject|extend`).
/// Each runs in one transaction: the request is locked, the rule checked
/// (`DecisionRules`), the state or deadline changed, the reply queued and
/// linked, and every step written to the audit trail as `operator:LOGIN`
/// (`OperatorIdentity`: the login the system names, with a typed name
/// beside it in the details). A refusal changes nothing.
public struct OperatorDecisions: Sendable {
    public let client: PostgresClient
    /// The reply templates; nil for a command that queues no mail
    /// (approve, note, complete without a reply), which then need none.
    public let writer: ReplyWriter?
    public let clock: any WallClock

    public init(client: PostgresClient, writer: ReplyWriter?, clock: any WallClock = SystemWallClock()) {
        self.client = client
        self.writer = writer
        self.clock = clock
    }

    /// What a decision did, for the operator's terminal.
    public struct Outcome: Sendable, Equatable {
        public var reference: String
        public var fromState: String
        public var toState: String
        /// The kinds approved (approve only).
        public var kinds: [String] = []
        /// The new deadline (extend only).
        public var extendedDueOn: Day?
        public var replyQueued = false
    }

    /// Approves a request waiting on review or confirmation for `kinds`
    /// (nil: its own; fewer than its own, never others); it moves to
    /// `received`, to be carried out without further identity checks, with
    /// fresh attempts (`FulfilAttempts`) if it had been set aside.
    public func approve(reference: String, kinds: [String]?, decider: OperatorIdentity) async throws -> Outcome {
        let now = clock.now()
        return try await client.transaction { connection in
            let request = try Self.lock(reference, connection)
            let refusal = DecisionRefusal.cannotApprove(reference: reference, state: request.state.rawValue)
            guard RequestLifecycle.transition(from: request.state, on: .approved(kinds: [], by: "")) != nil else {
                throw refusal
            }
            let approved = try DecisionRules.approvedKinds(reference: reference, given: kinds,
                                                          own: request.kinds.sorted().map(\.rawValue))
            let details = decider.auditDetails.merging(["kinds": approved]) { $1 }
            let event = RequestEvent.approved(kinds: approved.compactMap(RequestKind.init), by: decider.login)
            guard let transition = try RequestStates(connection).apply(
                event, to: request.id, actor: decider.actor, detailsJSON: AuditJSON.encode(details), at: now) else {
                throw refusal
            }
            let target = transition.to.rawValue
            return Outcome(reference: request.reference, fromState: request.state.rawValue, toState: target,
                           kinds: approved)
        }
    }

    /// Rejects an open request and queues the refusal with `reason` (which
    /// the data subject reads) in the request's reply language.
    public func reject(reference: String, reason: String, decider: OperatorIdentity) async throws -> Outcome {
        let reason = try Self.checked(reason)
        let now = clock.now()
        let writer = try requireWriter()
        return try await client.transaction { connection in
            let request = try Self.lock(reference, connection)
            let actor = decider.actor
            guard let transition = try RequestStates(connection).apply(
                .rejected(reason: reason), to: request.id, actor: actor,
                detailsJSON: AuditJSON.encode(decider.auditDetails), at: now) else {
                throw DecisionRefusal.notOpen(reference: reference, state: request.state.rawValue)
            }
            let target = transition.to.rawValue
            var outcome = Outcome(reference: request.reference, fromState: request.state.rawValue, toState: target)
            guard !request.subjectAddress.isEmpty else { return outcome }
            let reply = try writer.reply(.refusal, context: Self.context(request),
                                         values: ["reason": .text(reason)], date: now)
            try Outbox(connection).enqueue(reply, for: request.id, actor: actor)
            outcome.replyQueued = true
            return outcome
        }
    }

    /// Extends the deadline of an open, not yet extended request by
    /// `months` (1 or 2), on or before its first due day (Oslo), and queues
    /// the notice with `reason` and the new date.
    public func extend(reference: String, reason: String, months: Int, decider: OperatorIdentity) async throws -> Outcome {
        let reason = try Self.checked(reason)
        let now = clock.now()
        let today = Day(now, timeZone: Day.osloTimeZone)
        let writer = try requireWriter()
        return try await client.transaction { connection in
            let request = try Self.lock(reference, connection)
            try DecisionRules.checkExtend(reference: reference, state: request.state, dueOn: request.firstDueOn,
                                          extendedDueOn: request.extendedDueOn, today: today)
            guard !request.subjectAddress.isEmpty else { throw DecisionRefusal.noReplyAddress(reference: reference) }
            let newDue = try DecisionRules.extendedDueDate(dueOn: request.firstDueOn, months: months)
            let actor = decider.actor
            let details = decider.auditDetails.merging(["months": months, "due_on": request.firstDueOn.description,
                                                        "extended_due_on": newDue.description]) { $1 }
            guard try RequestStates(connection).apply(
                .extended(until: newDue, reason: reason), to: request.id, actor: actor,
                detailsJSON: AuditJSON.encode(details), at: now) != nil else {
                throw DecisionRefusal.notOpen(reference: reference, state: request.state.rawValue)
            }
            let values: TemplateValues = ["reason": .text(reason),
                                          "new_due_date": .text(request.replyLanguage.dateText(newDue))]
            let reply = try writer.reply(.extension, context: Self.context(request),
                                         values: values, date: now)
            try Outbox(connection).enqueue(reply, for: request.id, actor: actor)
            return Outcome(reference: request.reference, fromState: request.state.rawValue,
                           toState: request.state.rawValue, extendedDueOn: newDue, replyQueued: true)
        }
    }

    /// Closes an open request that a person carried out outside dsrd
    /// (`RequestEvent.completedByOperator`): `note` says what was done and
    /// is kept in the audit trail and as the request's state reason.
    /// `reply` (one of `ManualReply.allowed`) is queued to the data subject
    /// in the same transaction; nil sends nothing.
    public func complete(reference: String, note: String, reply: ReplyTemplate?,
                         decider: OperatorIdentity) async throws -> Outcome {
        let note = try Self.checked(note, empty: .emptyNote)
        if let reply { _ = try ManualReply.template(named: reply.rawValue) }
        let now = clock.now()
        let writer = try reply.map { _ in try requireWriter() }
        return try await client.transaction { connection in
            let request = try Self.lock(reference, connection)
            let actor = decider.actor
            if reply != nil, request.subjectAddress.isEmpty {
                throw DecisionRefusal.noReplyAddress(reference: reference)
            }
            let details = decider.auditDetails.merging(["reply": reply?.rawValue ?? "none"]) { $1 }
            guard let transition = try RequestStates(connection).apply(
                .completedByOperator(note: note), to: request.id, actor: actor,
                detailsJSON: AuditJSON.encode(details), at: now) else {
                throw DecisionRefusal.notOpen(reference: reference, state: request.state.rawValue)
            }
            var outcome = Outcome(reference: request.reference, fromState: request.state.rawValue,
                                  toState: transition.to.rawValue)
            if let reply, let writer {
                let mail = try writer.reply(reply, context: Self.context(request),
                                            values: ManualReply.values(for: request.kinds), date: now)
                try Outbox(connection).enqueue(mail, for: request.id, actor: actor)
                outcome.replyQueued = true
            }
            return outcome
        }
    }

    /// Adds `text` to the request's audit trail as a `note` by the
    /// operator, whatever state it is in; nothing else changes.
    public func note(reference: String, text: String, decider: OperatorIdentity) async throws -> Outcome {
        let text = try Self.checked(text, empty: .emptyNote)
        let now = clock.now()
        return try await client.transaction { connection in
            let request = try Self.lock(reference, connection)
            try AuditTrail(connection).append(requestID: request.id, actor: decider.actor, action: .note, reason: text,
                                              detailsJSON: AuditJSON.encode(decider.auditDetails), at: now)
            return Outcome(reference: request.reference, fromState: request.state.rawValue,
                           toState: request.state.rawValue)
        }
    }

    // MARK: - Helpers

    private func requireWriter() throws(OperatorError) -> ReplyWriter {
        guard let writer else { throw .noTemplates }
        return writer
    }

    private static func checked(_ reason: String, empty: DecisionRefusal = .emptyReason) throws(DecisionRefusal)
        -> String {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw empty }
        return trimmed
    }

    /// The request, locked for the decision; a reference that names none is refused.
    private static func lock(_ reference: String, _ connection: PostgresConnection) throws -> RequestRecord {
        guard let request = try RequestRecords(connection).lock(reference: reference) else {
            throw OperatorError.unknownReference(reference)
        }
        return request
    }

    /// A reply to the request's subject, threaded under the message that opened it.
    private static func context(_ request: RequestRecord) -> ReplyWriter.Context {
        ReplyWriter.Context(request: request, recipient: request.subjectAddress, inReplyTo: request.openingMessageID)
    }
}

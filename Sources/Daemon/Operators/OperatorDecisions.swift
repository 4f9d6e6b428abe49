import Foundation
import LogSafety
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
        /// The language the request's replies are written in.
        public var replyLanguage: ReplyLanguage?
        /// The mail as it would be queued, when only a preview was asked for
        /// (nothing was changed or queued then).
        public var preview: Preview?
    }

    /// A reply shown before it is queued (`--preview`).
    public struct Preview: Sendable, Equatable {
        public var recipient: String
        public var subject: String
        public var body: String
    }

    /// Carries a preview's outcome out of its transaction, which is rolled
    /// back; `previewable` returns it, so it is never logged or shown.
    struct PreviewOnly: LogSafeError {
        let outcome: Outcome

        var description: String { "a preview of a decision on \(outcome.reference): rolled back on purpose" }
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
    /// the data subject reads) in the request's reply language. With
    /// `preview` everything is checked and the mail rendered, then rolled
    /// back: the outcome carries the mail, and nothing changes.
    public func reject(reference: String, reason: DecisionReason, decider: OperatorIdentity,
                       preview: Bool = false) async throws -> Outcome {
        let now = clock.now()
        let writer = try requireWriter()
        return try await Self.previewable(preview) { [client] in
            try await client.transaction { connection in
                let request = try Self.lock(reference, connection)
                let language = request.replyLanguage
                guard reason.isComplete(for: language) else { throw DecisionRefusal.noReason(reference: reference, language: language) }
                let actor = decider.actor
                guard let transition = try RequestStates(connection).apply(
                    .rejected(reason: reason.summary(language)), to: request.id, actor: actor,
                    detailsJSON: AuditJSON.encode(decider.auditDetails.merging(Self.details(reason)) { $1 }), at: now) else {
                    throw DecisionRefusal.notOpen(reference: reference, state: request.state.rawValue)
                }
                var outcome = Outcome(reference: request.reference, fromState: request.state.rawValue,
                                      toState: transition.to.rawValue, replyLanguage: language)
                guard !request.subjectAddress.isEmpty else {
                    if preview { throw PreviewOnly(outcome: outcome) }
                    return outcome
                }
                let values = reason.templateValues(language, decision: .refusal)
                let context = Self.context(request)
                if preview {
                    let rendered = try writer.render(.refusal, context: context, values: values)
                    outcome.preview = Preview(recipient: context.recipient, subject: rendered.subject, body: rendered.body)
                    throw PreviewOnly(outcome: outcome)
                }
                let reply = try writer.reply(.refusal, context: context, values: values, date: now)
                try Outbox(connection).enqueue(reply, for: request.id, actor: actor)
                outcome.replyQueued = true
                return outcome
            }
        }
    }

    /// `reject` with text in the request's reply language.
    public func reject(reference: String, reason: String, decider: OperatorIdentity) async throws -> Outcome {
        let reason = try Self.checked(reason)
        return try await reject(reference: reference, reason: DecisionReason(replyLanguageText: reason), decider: decider)
    }

    /// Extends the deadline of an open, not yet extended request by
    /// `months` (1 or 2), on or before its first due day (Oslo), and queues
    /// the notice with `reason` and the new date; `preview` as for `reject`.
    public func extend(reference: String, reason: DecisionReason, months: Int, decider: OperatorIdentity,
                       preview: Bool = false) async throws -> Outcome {
        let now = clock.now()
        let today = Day(now, timeZone: Day.osloTimeZone)
        let writer = try requireWriter()
        return try await Self.previewable(preview) { [client] in
            try await client.transaction { connection in
                let request = try Self.lock(reference, connection)
                try DecisionRules.checkExtend(reference: reference, state: request.state, dueOn: request.firstDueOn,
                                              extendedDueOn: request.extendedDueOn, today: today)
                guard !request.subjectAddress.isEmpty else { throw DecisionRefusal.noReplyAddress(reference: reference) }
                let language = request.replyLanguage
                guard reason.isComplete(for: language) else { throw DecisionRefusal.noReason(reference: reference, language: language) }
                let newDue = try DecisionRules.extendedDueDate(dueOn: request.firstDueOn, months: months)
                let actor = decider.actor
                let details = decider.auditDetails.merging(Self.details(reason)) { $1 }
                    .merging(["months": months, "due_on": request.firstDueOn.description,
                              "extended_due_on": newDue.description]) { $1 }
                guard try RequestStates(connection).apply(
                    .extended(until: newDue, reason: reason.summary(language)), to: request.id, actor: actor,
                    detailsJSON: AuditJSON.encode(details), at: now) != nil else {
                    throw DecisionRefusal.notOpen(reference: reference, state: request.state.rawValue)
                }
                let values = reason.templateValues(language, decision: .extension)
                    .merging(["new_due_date": .text(language.dateText(newDue))])
                var outcome = Outcome(reference: request.reference, fromState: request.state.rawValue,
                                      toState: request.state.rawValue, extendedDueOn: newDue, replyLanguage: language)
                let context = Self.context(request)
                if preview {
                    let rendered = try writer.render(.extension, context: context, values: values)
                    outcome.preview = Preview(recipient: context.recipient, subject: rendered.subject, body: rendered.body)
                    throw PreviewOnly(outcome: outcome)
                }
                let reply = try writer.reply(.extension, context: context, values: values, date: now)
                try Outbox(connection).enqueue(reply, for: request.id, actor: actor)
                outcome.replyQueued = true
                return outcome
            }
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

    /// `extend` with text in the request's reply language.
    public func extend(reference: String, reason: String, months: Int, decider: OperatorIdentity) async throws -> Outcome {
        let reason = try Self.checked(reason)
        return try await extend(reference: reference, reason: DecisionReason(replyLanguageText: reason), months: months,
                                decider: decider)
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

    /// Runs `body`; a preview's outcome, thrown to roll its transaction
    /// back, is returned as the result.
    private static func previewable(_ preview: Bool, _ body: () async throws -> Outcome) async throws -> Outcome {
        do {
            return try await body()
        } catch let previewed as PreviewOnly {
            return previewed.outcome
        }
    }

    /// The reason's parts for the audit trail: grounds by name, texts by language.
    private static func details(_ reason: DecisionReason) -> [String: Any] {
        var details: [String: Any] = [:]
        if !reason.grounds.isEmpty { details["grounds"] = reason.grounds.map(\.rawValue) }
        if !reason.texts.isEmpty {
            details["reasons"] = Dictionary(uniqueKeysWithValues: reason.texts.map { ($0.key.rawValue, $0.value) })
        }
        return details
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

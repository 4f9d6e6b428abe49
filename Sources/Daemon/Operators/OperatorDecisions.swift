import Foundation
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
    public let writer: ReplyWriter
    public let clock: any WallClock

    public init(client: PostgresClient, writer: ReplyWriter, clock: any WallClock = SystemWallClock()) {
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
        try await client.transaction { connection in
            let request = try LockedRequest.lock(reference: reference, connection: connection)
            try DecisionRules.checkApprove(reference: reference, state: request.state)
            let approved = try DecisionRules.approvedKinds(reference: reference, given: kinds, own: request.kinds)
            let target = RequestState.received.rawValue
            try connection.execute("""
                UPDATE dsr.requests SET state = $2, state_reason = NULL, approved_by = $3, approved_kinds = $4::text[],
                                        fulfil_attempts = 0, updated_at = now()
                WHERE id = $1
                """, [.int(request.id), .text(target), .text(decider.login), .textArray(approved)])
            let details = decider.auditDetails.merging(["kinds": approved]) { $1 }
            try AuditTrail(connection).append(
                requestID: request.id, actor: decider.actor, action: "approved",
                from: request.state.rawValue, to: target, detailsJSON: AuditJSON.encode(details))
            return Outcome(reference: request.reference, fromState: request.state.rawValue, toState: target,
                           kinds: approved)
        }
    }

    /// Rejects an open request and queues the refusal with `reason` (which
    /// the data subject reads) in the request's reply language.
    public func reject(reference: String, reason: String, decider: OperatorIdentity) async throws -> Outcome {
        let reason = try Self.checked(reason)
        let now = clock.now()
        let writer = self.writer
        return try await client.transaction { connection in
            let request = try LockedRequest.lock(reference: reference, connection: connection)
            try DecisionRules.checkReject(reference: reference, state: request.state)
            let target = RequestState.rejected.rawValue
            try RequestRecords(connection).setState(request.id, to: target, reason: reason)
            let actor = decider.actor
            try AuditTrail(connection).append(requestID: request.id, actor: actor, action: "rejected",
                                              from: request.state.rawValue, to: target, reason: reason,
                                              detailsJSON: AuditJSON.encode(decider.auditDetails))
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
        let writer = self.writer
        return try await client.transaction { connection in
            let request = try LockedRequest.lock(reference: reference, connection: connection)
            try DecisionRules.checkExtend(reference: reference, state: request.state, dueOn: request.dueOn,
                                          extendedDueOn: request.extendedDueOn, today: today)
            guard !request.subjectAddress.isEmpty else { throw DecisionRefusal.noReplyAddress(reference: reference) }
            let newDue = try DecisionRules.extendedDueDate(dueOn: request.dueOn, months: months)
            try connection.execute("""
                UPDATE dsr.requests SET extended_due_on = $2::date, updated_at = now() WHERE id = $1
                """, [.int(request.id), .text(newDue.description)])
            let actor = decider.actor
            let details = decider.auditDetails.merging(["months": months, "due_on": request.dueOn.description,
                                                        "extended_due_on": newDue.description]) { $1 }
            try AuditTrail(connection).append(
                requestID: request.id, actor: actor, action: "extended", reason: reason,
                detailsJSON: AuditJSON.encode(details))
            let values: TemplateValues = ["reason": .text(reason),
                                          "new_due_date": .text(request.replyLanguage.dateText(newDue))]
            let reply = try writer.reply(.extension, context: Self.context(request),
                                         values: values, date: now)
            try Outbox(connection).enqueue(reply, for: request.id, actor: actor)
            return Outcome(reference: request.reference, fromState: request.state.rawValue,
                           toState: request.state.rawValue, extendedDueOn: newDue, replyQueued: true)
        }
    }

    // MARK: - Helpers

    private static func checked(_ reason: String) throws(DecisionRefusal) -> String {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .emptyReason }
        return trimmed
    }

    /// A reply to the request's subject, threaded under the message that opened it.
    private static func context(_ request: LockedRequest) -> ReplyWriter.Context {
        ReplyWriter.Context(
            requestID: request.id, reference: request.reference, language: request.replyLanguage,
            recipient: request.subjectAddress, receivedOn: Day(request.receivedAt, timeZone: Day.osloTimeZone),
            dueOn: request.dueOn, inReplyTo: request.requestMessageID, references: [])
    }
}

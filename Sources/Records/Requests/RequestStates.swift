import Foundation
import Requests
import Store

/// The one writer of `dsr.requests.state`: opens requests in their first
/// state and applies `RequestLifecycle`'s transitions — the state, its
/// reason, the columns that go with it and the audit event — in the
/// caller's transaction. Nothing else in dsrd writes a request's state.
public struct RequestStates {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// What else is written with a new request, in the same statement: its
    /// link to the message that opened it, its first audit event, and
    /// (with `inboundOutcome`) the message's outcome in the ledger.
    public struct Opening: Sendable {
        public var inboundID: Int
        public var actor: String
        public var action: AuditAction
        public var detailsJSON: String
        public var at: Date
        /// The ledger's outcome word and automatic kind for the message.
        public var inboundOutcome: (outcome: String, autoKind: String?)?

        public init(inboundID: Int, actor: String, action: AuditAction, detailsJSON: String, at: Date,
                    inboundOutcome: (outcome: String, autoKind: String?)? = nil) {
            self.inboundID = inboundID
            self.actor = actor
            self.action = action
            self.detailsJSON = detailsJSON
            self.at = at
            self.inboundOutcome = inboundOutcome
        }
    }

    /// Inserts a new request under `reference` in `request.state`; nil when
    /// the reference is taken (the caller draws another). A request that
    /// opens closed (`ignored`) is closed at its receipt. With `opening`, the
    /// same statement links the message (role `request`) and writes the
    /// audit event (to the request's state, with its reason): one round trip.
    public func open(_ request: RequestRecords.NewRequest, reference: String, opening: Opening? = nil) throws -> Int? {
        let insert = """
            INSERT INTO dsr.requests (reference, kinds, language, reply_language, subject_address, state, state_reason,
                                      received_at, due_on, confidence, on_behalf, auto_kind, evidence, fields,
                                      requester_address, sender_verdict, sender_authenticated, reading, closed_at,
                                      receipt_due_at)
            VALUES ($1, $2::text[], $3, $4, $5, $6, $7, $8, $9::date, $10, $11, $12, $13::text[], $14::jsonb,
                    $15, $16, $17, $18::jsonb, CASE WHEN $19::boolean THEN $8::timestamptz END,
                    now() + make_interval(secs => $20::float8))
            ON CONFLICT (reference) DO NOTHING
            RETURNING id
            """
        var parameters: [SQLValue] = [
            .text(reference), .textArray(request.kinds), .text(request.language), .text(request.replyLanguage),
            .text(request.subjectAddress), .text(request.state.rawValue), .string(request.stateReason),
            .timestamp(request.receivedAt), .text(request.dueOn), .text(String(request.confidence)),
            .bool(request.onBehalf), .string(request.autoKind), .textArray(request.evidence),
            .text(request.fieldsJSON), .string(request.requesterAddress), .string(request.senderVerdict),
            .bool(request.senderAuthenticated), .string(request.readingJSON), .bool(!request.state.isOpen),
            request.receiptGrace.map { .text(String($0)) } ?? .null,
        ]
        guard let opening else { return try connection.execute(insert, parameters).first?.int("id") }
        parameters += [.int(opening.inboundID), .text(opening.actor), .text(opening.action.rawValue),
                       .text(opening.detailsJSON), .timestamp(opening.at),
                       .string(opening.inboundOutcome?.outcome), .string(opening.inboundOutcome?.autoKind)]
        return try connection.execute("""
            WITH opened AS (
            \(insert)
            ), linked AS (
                INSERT INTO dsr.request_messages (request_id, inbound_id, role) SELECT id, $21, 'request' FROM opened
            ), audited AS (
                INSERT INTO dsr.audit_events (request_id, inbound_id, actor, action, to_state, reason, details, at)
                SELECT id, $21, $22, $23, $6, $7, $24::jsonb, $25 FROM opened
            ), noted AS (
                UPDATE dsr.inbound SET outcome = $26, auto_kind = $27
                WHERE $26::text IS NOT NULL AND id = $21 AND EXISTS (SELECT 1 FROM opened)
            )
            SELECT id FROM opened
            """, parameters).first?.int("id")
    }

    /// Applies `event` to the request (locked here until the transaction
    /// ends). Nil, and nothing written, when the request does not exist or
    /// the lifecycle has no transition for the event in its state.
    ///
    /// `expecting`: the state the caller believes the request is in (it
    /// holds the row). The change is then written at once, on the condition
    /// that the state is still that one, which saves reading it first; when
    /// it is not, the state is read and the event applied as usual.
    ///
    /// `endingFulfilAttempt`: the change is fulfilment's, which ends its
    /// attempt at the request in the same transaction (`FulfilStage`): the
    /// state's statement also clears the owed receipt and the attempt count,
    /// which fulfilment would otherwise write as a second version of the
    /// row (it settles the receipt from what it claimed).
    @discardableResult
    public func apply(_ event: RequestEvent, to requestID: Int, actor: String, inboundID: Int? = nil,
                      detailsJSON: String = "{}", at now: Date,
                      expecting expected: RequestState? = nil, endingFulfilAttempt: Bool = false) throws -> RequestTransition? {
        if let expected, let transition = RequestLifecycle.transition(from: expected, on: event), transition.writesState,
           try writeState(transition, requestID: requestID, actor: actor, inboundID: inboundID,
                          detailsJSON: detailsJSON, at: now, onlyFrom: expected, endingFulfilAttempt: endingFulfilAttempt) {
            return transition
        }
        guard let current = try connection.execute(
                  "SELECT state FROM dsr.requests WHERE id = $1 FOR UPDATE", [.int(requestID)]).first?["state"],
              let state = RequestState(rawValue: current),
              let transition = RequestLifecycle.transition(from: state, on: event) else { return nil }
        guard transition.writesState else {
            for column in transition.columns { try write(column, requestID: requestID, at: now) }
            try AuditTrail(connection).append(
                requestID: requestID, inboundID: inboundID, actor: actor, action: transition.action,
                from: transition.from.rawValue, to: transition.to.rawValue, reason: transition.reason,
                detailsJSON: detailsJSON, at: now)
            return transition
        }
        try writeState(transition, requestID: requestID, actor: actor, inboundID: inboundID, detailsJSON: detailsJSON,
                       at: now, onlyFrom: nil, endingFulfilAttempt: endingFulfilAttempt)
        return transition
    }

    /// The new state, the moments it stamps, and its audit event in one
    /// statement (then any other column the transition sets); with
    /// `onlyFrom`, only if the request is in that state. Whether it was
    /// written.
    @discardableResult
    private func writeState(_ transition: RequestTransition, requestID: Int, actor: String, inboundID: Int?,
                            detailsJSON: String, at now: Date, onlyFrom: RequestState?,
                            endingFulfilAttempt: Bool) throws -> Bool {
        var columns = transition.columns
        // Retention counts from `closed_at`: set when the request closes,
        // kept while it stays closed, gone when it is reopened.
        let stampsCompleted = columns.contains(.completedAt)
        let stampsConfirmed = columns.contains(.confirmedAt)
        columns.removeAll { $0 == .completedAt || $0 == .confirmedAt }
        // Only the columns it sets: an operator's role may update no others.
        let stamps = (stampsCompleted ? ", completed_at = $4" : "") + (stampsConfirmed ? ", confirmed_at = $4" : "")
            + (endingFulfilAttempt ? ", receipt_due_at = NULL, fulfil_attempts = 0" : "")
        let written = try connection.execute("""
            WITH changed AS (
                UPDATE dsr.requests SET state = $2, state_reason = $3, updated_at = $4,
                                        closed_at = CASE WHEN NOT $5::boolean THEN NULL
                                                         WHEN closed_at IS NOT NULL AND state <> ALL($6::text[]) THEN closed_at
                                                         ELSE $4 END\(stamps)
                WHERE id = $1 AND ($13::text IS NULL OR state = $13::text)
                RETURNING id
            )
            INSERT INTO dsr.audit_events (request_id, inbound_id, actor, action, from_state, to_state, reason, details, at)
            SELECT id, $7, $8, $9, $10, $11, $3, $12::jsonb, $4 FROM changed
            """, [.int(requestID), .text(transition.to.rawValue), .string(transition.reason), .timestamp(now),
                  .bool(!transition.to.isOpen), .textArray(RequestState.open.map(\.rawValue)),
                  .int(inboundID), .text(actor),
                  .text(transition.action.rawValue), .text(transition.from.rawValue), .text(transition.to.rawValue),
                  .text(detailsJSON), .string(onlyFrom?.rawValue)]).affectedRows == 1
        guard written else { return false }
        for column in columns { try write(column, requestID: requestID, at: now) }
        return true
    }

    private func write(_ column: RequestColumn, requestID: Int, at now: Date) throws {
        switch column {
        case .completedAt:
            try connection.execute("UPDATE dsr.requests SET completed_at = $2 WHERE id = $1",
                                   [.int(requestID), .timestamp(now)])
        case .confirmedAt:
            try connection.execute("UPDATE dsr.requests SET confirmed_at = $2 WHERE id = $1",
                                   [.int(requestID), .timestamp(now)])
        case .approval(let decider, let kinds):
            try connection.execute("""
                UPDATE dsr.requests SET approved_by = $2, approved_kinds = $3::text[], fulfil_attempts = 0 WHERE id = $1
                """, [.int(requestID), .text(decider), .textArray(kinds.sorted().map(\.rawValue))])
        case .extendedDueOn(let day):
            try connection.execute("UPDATE dsr.requests SET extended_due_on = $2::date, updated_at = $3 WHERE id = $1",
                                   [.int(requestID), .text(day.description), .timestamp(now)])
        }
    }
}

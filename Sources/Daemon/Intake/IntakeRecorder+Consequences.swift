import Foundation
import MailCore
import Records
import Requests
import Store

/// The consequences of a triage decision, written in the recording
/// transaction: requests, links, audit events and replies.
extension IntakeRecorder {
    func apply(
        _ decision: TriageDecision, message: ParsedMessage, reading: MessageClassification, sender: String?,
        verdict: SenderVerdict, fetched: Fetched, outcome: inout IntakeOutcome, connection: PostgresConnection, now: Date
    ) throws {
        let requester = Requester(address: sender, verdict: verdict)
        let requests = RequestRecords(connection)
        let audit = AuditTrail(connection)
        let inboundID = outcome.inboundID
        switch decision {
        case .duplicate(let match):
            if let requestID = match.requestID {
                try requests.link(requestID: requestID, inboundID: inboundID, role: .duplicate)
                outcome.requestReference = try requests.record(id: requestID)?.reference
            }
            try audit.append(requestID: match.requestID, inboundID: inboundID, actor: Self.actor,
                             action: .duplicateReceived, reason: "same Message-ID or same bytes as an earlier message")
        case .unreadable:
            outcome.destination = .review
            try audit.append(requestID: nil, inboundID: inboundID, actor: Self.actor, action: .unreadable,
                             reason: "moved to \(settings.reviewMailbox) for a person to read")
        case .bounce(let reply):
            try Outbox(connection).markBounced(reply.outboxID)
            if let requestID = reply.requestID {
                try requests.link(requestID: requestID, inboundID: inboundID, role: .bounce)
                // A closed request is never reopened by a bounce (the lifecycle
                // has no such move): the event is recorded, nothing more.
                if try !sendToReview(requestID, on: .replyBounced, inboundID: inboundID, outcome: &outcome,
                                     connection: connection, now: now) {
                    try audit.append(requestID: requestID, inboundID: inboundID, actor: Self.actor, action: .replyBounced,
                                     reason: "a reply to the data subject bounced after the request was closed")
                }
            }
        case .ignore(let reason):
            try createRequest(state: .ignored, reason: reason.rawValue, kinds: [], reading: reading, requester: requester,
                              message: message, fetched: fetched, receipt: false, outcome: &outcome,
                              connection: connection, now: now)
        case .followUp(let thread):
            try requests.link(requestID: thread.requestID, inboundID: inboundID, role: .followUp)
            // A request waiting for its confirmation or for a person keeps
            // the message attached; any other goes back to a person.
            if try !sendToReview(thread.requestID, on: .followUpArrived, inboundID: inboundID, outcome: &outcome,
                                 connection: connection, now: now) {
                let record = try requests.record(id: thread.requestID)
                outcome.requestReference = record?.reference
                outcome.requestState = record?.state.rawValue
                try audit.append(requestID: thread.requestID, inboundID: inboundID, actor: Self.actor,
                                 action: .followUpReceived, reason: "attached to the open request")
            }
        case .loopGuard:
            let reason = "loop guard: more than \(settings.loopGuardLimit) messages from one address within "
                + "\(Int(settings.loopGuardWindow / 60)) minutes"
            let requestID = try createRequest(
                state: .needsReview, reason: reason, kinds: reading.classification.kinds, reading: reading,
                requester: requester, message: message, fetched: fetched, receipt: false, outcome: &outcome,
                connection: connection, now: now)
            try tellOperators(requestID, reason: reason, connection: connection, now: now)
        case .repeated(let match):
            try recordRepeat(of: match.requestID, inboundID: inboundID, outcome: &outcome, connection: connection)
        case .rateLimited(let limit):
            let requestID = try createRequest(
                state: .needsReview, reason: limit.reason, kinds: reading.classification.kinds, reading: reading,
                requester: requester, message: message, fetched: fetched, receipt: false, outcome: &outcome,
                connection: connection, now: now)
            try audit.append(requestID: requestID, inboundID: inboundID, actor: Self.actor, action: .rateLimited,
                             reason: limit.reason, detailsJSON: AuditJSON.encode(AuditDetails.abuseLimit(limit)))
            try tellOperators(requestID, reason: limit.reason, connection: connection, now: now)
        case .newRequest(let state, let reason, let sendReceipt):
            let requestID = try createRequest(
                state: state, reason: reason, kinds: reading.classification.kinds, reading: reading,
                requester: requester, message: message, fetched: fetched, receipt: sendReceipt, outcome: &outcome,
                connection: connection, now: now)
            if state == .needsReview {
                try tellOperators(requestID, reason: reason ?? "needs a person", connection: connection, now: now)
            }
        }
    }

    /// Tells the operators that a request intake opened needs a person.
    private func tellOperators(_ requestID: Int, reason: String, connection: PostgresConnection, now: Date) throws {
        guard let alerts = settings.operatorAlerts else { return }
        try ReviewAlert(writer: writer, alerts: alerts).queue(requestID: requestID, reason: reason, actor: Self.actor,
                                                              connection: connection, now: now)
    }

    /// A repeat of an open request: linked to it, counted on it, no answer.
    func recordRepeat(of requestID: Int, inboundID: Int, outcome: inout IntakeOutcome,
                      connection: PostgresConnection) throws {
        let requests = RequestRecords(connection)
        try requests.link(requestID: requestID, inboundID: inboundID, role: .repeat)
        let repeats = try RequestHistory(connection).repeats(of: requestID)
        try AuditTrail(connection).append(
            requestID: requestID, inboundID: inboundID, actor: Self.actor, action: .repeatReceived,
            reason: "the same request again while it is open", detailsJSON: AuditJSON.encode(["repeats": repeats]))
        let record = try requests.record(id: requestID)
        outcome.requestReference = record?.reference
        outcome.requestState = record?.state.rawValue
    }

    /// Applies `event` to an existing request; when it moves the request
    /// into review, tells the operators. False when the lifecycle has no
    /// move for the event in the request's state (nothing is written).
    func sendToReview(_ requestID: Int, on event: RequestEvent, inboundID: Int, outcome: inout IntakeOutcome,
                      connection: PostgresConnection, now: Date) throws -> Bool {
        guard let transition = try RequestStates(connection).apply(event, to: requestID, actor: Self.actor,
                                                                    inboundID: inboundID, at: now) else { return false }
        outcome.requestReference = try RequestRecords(connection).record(id: requestID)?.reference
        outcome.requestState = transition.to.rawValue
        if transition.to == .needsReview, transition.movesState, let alerts = settings.operatorAlerts {
            try ReviewAlert(writer: writer, alerts: alerts).queue(
                requestID: requestID, reason: transition.reason ?? transition.action.rawValue, actor: Self.actor,
                connection: connection, now: now)
        }
        return true
    }

    /// Who sent a message and what the company's mail server says of them.
    struct Requester {
        var address: String?
        var verdict: SenderVerdict
    }

    @discardableResult
    func createRequest(
        state: RequestState, reason: String?, kinds: Set<RequestKind>, reading: MessageClassification,
        requester: Requester, message: ParsedMessage, fetched: Fetched, receipt: Bool, outcome: inout IntakeOutcome,
        connection: PostgresConnection, now: Date
    ) throws -> Int {
        let classification = reading.classification
        let sender = requester.address
        let receivedOn = Day(fetched.receivedAt)
        let dueOn = DueDate.due(receivedAt: fetched.receivedAt)
        let language = ReplyLanguage.forWriter(classification.language.rawValue)
        var new = RequestRecords.NewRequest(
            kinds: kinds.sorted().map(\.rawValue), language: classification.language.rawValue,
            replyLanguage: language.rawValue, subjectAddress: sender ?? "", state: state, stateReason: reason,
            receivedAt: fetched.receivedAt, dueOn: dueOn.description, confidence: classification.confidence,
            onBehalf: classification.onBehalf, autoKind: reading.auto.kind?.rawValue,
            evidence: classification.evidence.map(StorableText.clean), fieldsJSON: Self.fieldsJSON(classification),
            senderVerdict: requester.verdict.reason, senderAuthenticated: requester.verdict.isAuthenticated,
            readingJSON: Self.readingJSON(reading.reading)
        )
        // A request fulfilment takes up owes its receipt for the grace: an
        // answer queued by then stands in for it (`ReceiptsOwed`).
        let owesReceipt = receipt && state == .received && settings.receiptGrace > 0
            && sender.flatMap(settings.matcher.mailForm) != nil
        if owesReceipt { new.receiptGrace = settings.receiptGrace }
        // The version that opened it: which build handled what, for support and an auditor.
        var details: [String: any Sendable] = ["due_on": dueOn.description, "dsrd_version": DSRDVersion.number]
        if state != .ignored, !message.attachments.isEmpty {
            details.merge(AuditDetails.attachments(message.attachments)) { _, new in new }
        }
        // The request, its link to the message and its audit event together.
        let opening = RequestStates.Opening(inboundID: outcome.inboundID, actor: Self.actor,
                                            action: state == .ignored ? .ignored : .received,
                                            detailsJSON: AuditJSON.encode(details), at: now,
                                            inboundOutcome: (outcome.outcome, reading.auto.kind?.rawValue))
        var inserted: (id: Int, reference: String)?
        for _ in 0..<10 where inserted == nil {
            let reference = RequestReference(year: receivedOn.year).value
            if let id = try RequestStates(connection).open(new, reference: reference, opening: opening) {
                inserted = (id, reference)
            }
        }
        guard let (requestID, reference) = inserted else {
            throw PostgresError(kind: .unexpectedResult, context: "drawing a free request reference")
        }
        if state != .ignored { window?.opened(authenticated: requester.verdict.isAuthenticated) }
        outcome.outcomeWritten = true
        outcome.requestReference = reference
        outcome.requestState = state.rawValue
        // The receipt goes to the sender's mail form; a sender dsrd does not
        // write to by itself (non-ASCII local part) gets none.
        guard receipt, !owesReceipt, let sender, let recipient = settings.matcher.mailForm(sender) else { return requestID }
        let context = ReplyWriter.Context(
            requestID: requestID, reference: reference, language: language, recipient: recipient,
            receivedOn: receivedOn, dueOn: dueOn, inReplyTo: message.messageID, references: message.references
        )
        let values = ReplyWriter.receiptValues(kinds, fields: classification.fields, language: language)
        let reply = try writer.reply(.receipt, context: context, values: values, date: now)
        try Outbox(connection).enqueue(reply, for: requestID, actor: Self.actor)
        outcome.repliesQueued += 1
        return requestID
    }
}

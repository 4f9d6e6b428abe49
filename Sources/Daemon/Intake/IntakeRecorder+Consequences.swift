import Foundation
import MailCore
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
                try requests.link(requestID: requestID, inboundID: inboundID, role: "duplicate")
                outcome.requestReference = try requests.summary(id: requestID)?.reference
            }
            try audit.append(requestID: match.requestID, inboundID: inboundID, actor: Self.actor,
                             action: "duplicate_received", reason: "same Message-ID or same bytes as an earlier message")
        case .unreadable:
            outcome.destination = .review
            try audit.append(requestID: nil, inboundID: inboundID, actor: Self.actor, action: "unreadable",
                             reason: "moved to \(settings.reviewMailbox) for a person to read")
        case .bounce(let reply):
            try Outbox(connection).markBounced(reply.outboxID)
            if let requestID = reply.requestID {
                try requests.link(requestID: requestID, inboundID: inboundID, role: "bounce")
                // A closed request is never reopened by a bounce: the event is recorded, nothing more.
                let state = try requests.summary(id: requestID).flatMap { RequestState(rawValue: $0.state) }
                if let state, state.isOpen {
                    try moveToReview(requestID, reason: "a reply to the data subject bounced", action: "reply_bounced",
                                     inboundID: inboundID, outcome: &outcome, connection: connection, now: now)
                } else {
                    try audit.append(requestID: requestID, inboundID: inboundID, actor: Self.actor, action: "reply_bounced",
                                     reason: "a reply to the data subject bounced after the request was closed")
                }
            }
        case .ignore(let reason):
            try createRequest(state: .ignored, reason: reason.rawValue, kinds: [], reading: reading, requester: requester,
                              message: message, fetched: fetched, receipt: false, outcome: &outcome,
                              connection: connection, now: now)
        case .followUp(let thread):
            try requests.link(requestID: thread.requestID, inboundID: inboundID, role: "follow_up")
            switch thread.state {
            case .received, .completed, .rejected, .ignored:
                try moveToReview(thread.requestID, reason: "follow-up from the data subject", action: "follow_up_received",
                                 inboundID: inboundID, outcome: &outcome, connection: connection, now: now)
            case .awaitingConfirmation, .needsReview:
                let summary = try requests.summary(id: thread.requestID)
                outcome.requestReference = summary?.reference
                outcome.requestState = summary?.state
                try audit.append(requestID: thread.requestID, inboundID: inboundID, actor: Self.actor,
                                 action: "follow_up_received", reason: "attached to the open request")
            }
        case .loopGuard:
            try createRequest(state: .needsReview, reason: "loop guard: more than \(settings.loopGuardLimit) messages from one address within \(Int(settings.loopGuardWindow / 60)) minutes",
                              kinds: reading.classification.kinds, reading: reading, requester: requester, message: message,
                              fetched: fetched, receipt: false, outcome: &outcome, connection: connection, now: now)
        case .repeated(let match):
            try recordRepeat(of: match.requestID, inboundID: inboundID, outcome: &outcome, connection: connection)
        case .rateLimited(let limit):
            let requestID = try createRequest(
                state: .needsReview, reason: limit.reason, kinds: reading.classification.kinds, reading: reading,
                requester: requester, message: message, fetched: fetched, receipt: false, outcome: &outcome,
                connection: connection, now: now)
            try audit.append(requestID: requestID, inboundID: inboundID, actor: Self.actor, action: "rate_limited",
                             reason: limit.reason, detailsJSON: AuditJSON.encode(AuditDetails.abuseLimit(limit)))
        case .newRequest(let state, let reason, let sendReceipt):
            try createRequest(state: state, reason: reason, kinds: reading.classification.kinds, reading: reading,
                              requester: requester, message: message, fetched: fetched, receipt: sendReceipt,
                              outcome: &outcome, connection: connection, now: now)
        }
    }

    /// A repeat of an open request: linked to it, counted on it, no answer.
    func recordRepeat(of requestID: Int, inboundID: Int, outcome: inout IntakeOutcome,
                      connection: PostgresConnection) throws {
        let requests = RequestRecords(connection)
        try requests.link(requestID: requestID, inboundID: inboundID, role: "repeat")
        let repeats = try RequestHistory(connection).repeats(of: requestID)
        try AuditTrail(connection).append(
            requestID: requestID, inboundID: inboundID, actor: Self.actor, action: "repeat_received",
            reason: "the same request again while it is open", detailsJSON: AuditJSON.encode(["repeats": repeats]))
        let summary = try requests.summary(id: requestID)
        outcome.requestReference = summary?.reference
        outcome.requestState = summary?.state
    }

    /// Moves an existing request to review and tells the operators.
    func moveToReview(_ requestID: Int, reason: String, action: String, inboundID: Int,
                      outcome: inout IntakeOutcome, connection: PostgresConnection, now: Date) throws {
        let requests = RequestRecords(connection)
        let previous = try requests.setState(requestID, to: RequestState.needsReview.rawValue, reason: reason)
        try AuditTrail(connection).append(requestID: requestID, inboundID: inboundID, actor: Self.actor, action: action,
                                          from: previous, to: RequestState.needsReview.rawValue, reason: reason)
        outcome.requestReference = try requests.summary(id: requestID)?.reference
        outcome.requestState = RequestState.needsReview.rawValue
        if previous != RequestState.needsReview.rawValue, let address = settings.operatorAddress,
           let alerted = try ReviewAlert.Case.load(requestID: requestID, reason: reason, connection: connection) {
            try ReviewAlert(writer: writer, address: address).queue(alerted, actor: Self.actor, connection: connection,
                                                                    now: now)
        }
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
        let new = RequestRecords.NewRequest(
            kinds: kinds.sorted().map(\.rawValue), language: classification.language.rawValue,
            replyLanguage: language.rawValue, subjectAddress: sender ?? "", state: state.rawValue, stateReason: reason,
            receivedAt: fetched.receivedAt, dueOn: dueOn.description, confidence: classification.confidence,
            onBehalf: classification.onBehalf, autoKind: reading.auto.kind?.rawValue,
            evidence: classification.evidence.map(StorableText.clean), fieldsJSON: Self.fieldsJSON(classification),
            senderVerdict: requester.verdict.reason, senderAuthenticated: requester.verdict.isAuthenticated
        )
        let requests = RequestRecords(connection)
        var inserted: (id: Int, reference: String)?
        for _ in 0..<10 where inserted == nil {
            let reference = RequestReference(year: receivedOn.year).value
            if let id = try requests.insert(new, reference: reference) { inserted = (id, reference) }
        }
        guard let (requestID, reference) = inserted else {
            throw PostgresError(kind: .unexpectedResult, context: "drawing a free request reference")
        }
        try requests.link(requestID: requestID, inboundID: outcome.inboundID, role: "request")
        let audit = AuditTrail(connection)
        var details: [String: any Sendable] = ["due_on": dueOn.description]
        if state != .ignored, !message.attachments.isEmpty {
            details.merge(AuditDetails.attachments(message.attachments)) { _, new in new }
        }
        try audit.append(requestID: requestID, inboundID: outcome.inboundID, actor: Self.actor,
                         action: state == .ignored ? "ignored" : "received", to: state.rawValue, reason: reason,
                         detailsJSON: AuditJSON.encode(details))
        outcome.requestReference = reference
        outcome.requestState = state.rawValue
        // The receipt goes to the sender's mail form; a sender dsrd does not
        // write to by itself (non-ASCII local part) gets none.
        guard receipt, let sender, let recipient = settings.matcher.mailForm(sender) else { return requestID }
        let context = ReplyWriter.Context(
            requestID: requestID, reference: reference, language: language, recipient: recipient,
            receivedOn: receivedOn, dueOn: dueOn, inReplyTo: message.messageID, references: message.references
        )
        let reply = try writer.reply(.receipt, context: context,
                                     values: ReplyWriter.kindFlags(kinds), date: now)
        try Outbox(connection).enqueue(reply, for: requestID, actor: Self.actor)
        outcome.repliesQueued += 1
        return requestID
    }
}

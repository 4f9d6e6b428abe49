import Foundation
import MailCore
import Requests
import Store

/// The heart of intake: in ONE transaction, record a fetched message in the
/// ledger, decide what it is (`TriagePolicy`), and write the consequences —
/// the request, its audit events, the links, and any reply into the outbox.
/// Either all of it is committed or none: a crash re-fetches the message
/// and finds it recorded, or not at all.
public struct IntakeRecorder: Sendable {
    public let settings: IntakeSettings
    public let writer: ReplyWriter
    static let actor = "dsrd:intake"

    public init(settings: IntakeSettings, writer: ReplyWriter) {
        self.settings = settings
        self.writer = writer
    }

    /// A message as fetched from IMAP.
    public struct Fetched: Sendable {
        public var uidValidity: UInt64
        public var uid: UInt64
        public var raw: [UInt8]
        public var receivedAt: Date

        public init(uidValidity: UInt64, uid: UInt64, raw: [UInt8], receivedAt: Date) {
            self.uidValidity = uidValidity
            self.uid = uid
            self.raw = raw
            self.receivedAt = receivedAt
        }
    }

    /// Records and triages one message; nil when its IMAP key was already
    /// recorded (by an earlier run or by another daemon).
    public func record(_ fetched: Fetched, in connection: PostgresConnection, now: Date) throws -> IntakeOutcome? {
        let message = MessageReader.read(fetched.raw)
        let reading = MessageClassification(message)
        let sender = message.from.first?.address
        let ledger = InboundLedger(connection)
        let new = InboundLedger.NewMessage(
            mailbox: settings.ledgerMailbox, uidValidity: fetched.uidValidity, uid: fetched.uid,
            messageID: message.messageID, receivedAt: fetched.receivedAt, raw: fetched.raw, sizeBytes: fetched.raw.count,
            rawSHA256: SHA256.hash(fetched.raw).hexString, fromAddress: sender
        )
        guard let inboundID = try ledger.insert(new) else { return nil }

        let facts = try gatherFacts(message: message, reading: reading, sender: sender, inboundID: inboundID,
                                    new: new, connection: connection)
        let decision = TriagePolicy.decide(facts)
        var outcome = IntakeOutcome(inboundID: inboundID, outcome: decision.outcome, requestReference: nil,
                                    requestState: nil, repliesQueued: 0, destination: .processed)
        try apply(decision, message: message, reading: reading, sender: sender, fetched: fetched,
                  outcome: &outcome, connection: connection, now: now)
        let problem: String? = decision == .unreadable
            ? (message.limitsReached.isEmpty ? "nothing readable" : "limits reached: " + message.limitsReached.joined(separator: ","))
            : nil
        try ledger.setOutcome(inboundID, outcome: decision.outcome, autoKind: reading.auto.kind?.rawValue, problem: problem)
        return outcome
    }

    /// Records a message too large to fetch: no bytes, straight to review.
    public func recordOversized(uidValidity: UInt64, uid: UInt64, size: Int, receivedAt: Date,
                                in connection: PostgresConnection) throws -> IntakeOutcome? {
        let ledger = InboundLedger(connection)
        let new = InboundLedger.NewMessage(
            mailbox: settings.ledgerMailbox, uidValidity: uidValidity, uid: uid, messageID: nil,
            receivedAt: receivedAt, raw: [], sizeBytes: size, rawSHA256: nil, fromAddress: nil
        )
        guard let inboundID = try ledger.insert(new) else { return nil }
        try ledger.setOutcome(inboundID, outcome: "oversized", autoKind: nil,
                              problem: "larger than \(settings.maximumMessageBytes) bytes")
        try AuditTrail(connection).append(requestID: nil, inboundID: inboundID, actor: Self.actor, action: "oversized",
                                          reason: "message of \(size) bytes moved to \(settings.reviewMailbox)")
        return IntakeOutcome(inboundID: inboundID, outcome: "oversized", requestReference: nil, requestState: nil,
                             repliesQueued: 0, destination: .review)
    }

    // MARK: - Facts

    private func gatherFacts(
        message: ParsedMessage, reading: MessageClassification, sender: String?, inboundID: Int,
        new: InboundLedger.NewMessage, connection: PostgresConnection
    ) throws -> TriageFacts {
        let ledger = InboundLedger(connection)
        let requests = RequestRecords(connection)
        let duplicate = try ledger.earlierCopy(of: inboundID, messageID: message.messageID, rawSHA256: new.rawSHA256)
            .map { DuplicateMatch(inboundID: $0.inboundID, requestID: $0.requestID) }
        var bounced: ReplyMatch?
        if reading.auto.kind == .bounce, let original = reading.auto.originalMessageID,
           let reply = try OutboxQueue(connection).find(messageID: original) {
            bounced = ReplyMatch(outboxID: reply.outboxID, requestID: reply.requestID)
        }
        var thread: ThreadMatch?
        var recent = 0
        if let sender, !reading.auto.isAuto {
            let replyIDs = message.inReplyTo + message.references
            var found = try requests.findByReply(messageIDs: replyIDs, subjectAddress: sender)
            if found == nil {
                let text = message.subject + "\n" + ReplyText.newText(message.text)
                for reference in RequestReference.all(in: text) {
                    if let match = try requests.find(reference: reference.value, subjectAddress: sender) {
                        found = match
                        break
                    }
                }
            }
            if let found, let state = RequestState(rawValue: found.state) {
                thread = ThreadMatch(requestID: found.id, state: state)
            }
            recent = try ledger.count(from: sender, mailbox: settings.ledgerMailbox, since: new.receivedAt.addingTimeInterval(-settings.loopGuardWindow),
                                      before: inboundID)
        }
        let readable = !message.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            || !message.subject.isEmpty || reading.auto.isAuto
        return TriageFacts(
            sender: sender, nullReturnPath: message.returnPath == "",
            fromOwnAddress: sender.map { $0.lowercased() == settings.ownAddress.lowercased() } ?? false,
            auto: reading.auto, classification: reading.classification,
            unreadable: !message.limitsReached.isEmpty || !readable,
            duplicateOf: duplicate, bouncedReply: bounced, thread: thread, recentFromSender: recent,
            loopGuardLimit: settings.loopGuardLimit
        )
    }

    // MARK: - Consequences

    private func apply(
        _ decision: TriageDecision, message: ParsedMessage, reading: MessageClassification, sender: String?,
        fetched: Fetched, outcome: inout IntakeOutcome, connection: PostgresConnection, now: Date
    ) throws {
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
            try OutboxQueue(connection).markBounced(reply.outboxID)
            if let requestID = reply.requestID {
                try requests.link(requestID: requestID, inboundID: inboundID, role: "bounce")
                try moveToReview(requestID, reason: "a reply to the data subject bounced", action: "reply_bounced",
                                 inboundID: inboundID, outcome: &outcome, connection: connection)
            }
        case .ignore(let reason):
            try createRequest(state: .ignored, reason: reason.rawValue, kinds: [], reading: reading, sender: sender,
                              message: message, fetched: fetched, receipt: false, outcome: &outcome,
                              connection: connection, now: now)
        case .followUp(let thread):
            try requests.link(requestID: thread.requestID, inboundID: inboundID, role: "follow_up")
            switch thread.state {
            case .received, .completed, .rejected, .ignored:
                try moveToReview(thread.requestID, reason: "follow-up from the data subject", action: "follow_up_received",
                                 inboundID: inboundID, outcome: &outcome, connection: connection)
            case .awaitingConfirmation, .needsReview:
                let summary = try requests.summary(id: thread.requestID)
                outcome.requestReference = summary?.reference
                outcome.requestState = summary?.state
                try audit.append(requestID: thread.requestID, inboundID: inboundID, actor: Self.actor,
                                 action: "follow_up_received", reason: "attached to the open request")
            }
        case .loopGuard:
            try createRequest(state: .needsReview, reason: "loop guard: more than \(settings.loopGuardLimit) messages from one address within \(Int(settings.loopGuardWindow / 60)) minutes",
                              kinds: reading.classification.kinds, reading: reading, sender: sender, message: message,
                              fetched: fetched, receipt: false, outcome: &outcome, connection: connection, now: now)
        case .newRequest(let state, let reason, let sendReceipt):
            try createRequest(state: state, reason: reason, kinds: reading.classification.kinds, reading: reading,
                              sender: sender, message: message, fetched: fetched, receipt: sendReceipt,
                              outcome: &outcome, connection: connection, now: now)
        }
    }

    private func moveToReview(_ requestID: Int, reason: String, action: String, inboundID: Int,
                              outcome: inout IntakeOutcome, connection: PostgresConnection) throws {
        let requests = RequestRecords(connection)
        let previous = try requests.setState(requestID, to: RequestState.needsReview.rawValue, reason: reason)
        try AuditTrail(connection).append(requestID: requestID, inboundID: inboundID, actor: Self.actor, action: action,
                                          from: previous, to: RequestState.needsReview.rawValue, reason: reason)
        outcome.requestReference = try requests.summary(id: requestID)?.reference
        outcome.requestState = RequestState.needsReview.rawValue
    }

    private func createRequest(
        state: RequestState, reason: String?, kinds: Set<RequestKind>, reading: MessageClassification, sender: String?,
        message: ParsedMessage, fetched: Fetched, receipt: Bool, outcome: inout IntakeOutcome,
        connection: PostgresConnection, now: Date
    ) throws {
        let classification = reading.classification
        let receivedOn = Day(fetched.receivedAt)
        let dueOn = DueDate.due(receivedAt: fetched.receivedAt)
        let language = ReplyLanguage.forWriter(classification.language.rawValue)
        let fields = Dictionary(uniqueKeysWithValues: classification.fields.map { ($0.key.rawValue, $0.value) })
        let fieldsJSON = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]))
            .map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let new = RequestRecords.NewRequest(
            kinds: kinds.sorted().map(\.rawValue), language: classification.language.rawValue,
            replyLanguage: language.rawValue, subjectAddress: sender ?? "", state: state.rawValue, stateReason: reason,
            receivedAt: fetched.receivedAt, dueOn: dueOn.description, confidence: classification.confidence,
            onBehalf: classification.onBehalf, autoKind: reading.auto.kind?.rawValue,
            evidence: classification.evidence, fieldsJSON: fieldsJSON
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
        try audit.append(requestID: requestID, inboundID: outcome.inboundID, actor: Self.actor,
                         action: state == .ignored ? "ignored" : "received", to: state.rawValue, reason: reason,
                         detailsJSON: "{\"due_on\": \"\(dueOn)\"}")
        outcome.requestReference = reference
        outcome.requestState = state.rawValue
        guard receipt, let sender else { return }
        let context = ReplyWriter.Context(
            requestID: requestID, reference: reference, language: language, recipient: sender,
            receivedOn: receivedOn, dueOn: dueOn, inReplyTo: message.messageID, references: message.references
        )
        let reply = try writer.reply(.receipt, purpose: "receipt", context: context,
                                     values: ReplyWriter.kindFlags(kinds), date: now)
        let outboxID = try OutboxQueue(connection).enqueue(reply)
        try requests.link(requestID: requestID, outboxID: outboxID, role: "reply")
        try audit.append(requestID: requestID, actor: Self.actor, action: "reply_queued",
                         reason: ReplyTemplate.receipt.rawValue)
        outcome.repliesQueued += 1
    }
}

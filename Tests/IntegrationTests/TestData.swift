import Foundation
import Records
import Requests
import Store
import Testing

/// Requests and their messages for tests, written through the production
/// repositories (`RequestStates.open`, `InboundLedger`, `RequestRecords`),
/// so a change to the schema changes one place, not every test.
enum TestData {
    /// What a test request looks like; the defaults are a plain access request.
    struct Request {
        var reference = "T-" + UUID().uuidString.prefix(12).uppercased()
        var kinds: Set<RequestKind> = [.access]
        var state: RequestState = .received
        var subject: String
        /// Nil: a request recorded before intake kept who asked.
        var requester: String?
        var language: Language = .en
        var receivedAt: Date
        var dueOn: Day
        var extendedDueOn: Day?
        var confidence = 0.9
        var senderVerdict: String?

        init(subject: String, receivedAt: Date = Date(), dueOn: Day? = nil) {
            self.subject = subject
            requester = subject
            self.receivedAt = receivedAt
            self.dueOn = dueOn ?? DueDate.due(receivedAt: receivedAt)
        }
    }

    /// Opens `request`; returns its id and reference.
    @discardableResult
    static func open(_ request: Request, in connection: PostgresConnection) throws -> (id: Int, reference: String) {
        var new = RequestRecords.NewRequest(
            kinds: request.kinds.sorted().map(\.rawValue), language: request.language.rawValue,
            replyLanguage: ReplyLanguage.forWriter(request.language.rawValue).rawValue,
            subjectAddress: request.subject, state: request.state, stateReason: nil, receivedAt: request.receivedAt,
            dueOn: request.dueOn.description, confidence: request.confidence, onBehalf: false, autoKind: nil,
            evidence: [], fieldsJSON: "{}", senderVerdict: request.senderVerdict)
        new.requesterAddress = request.requester
        let id = try #require(try RequestStates(connection).open(new, reference: request.reference))
        if let extended = request.extendedDueOn {
            // Only an operator's decision extends a deadline; a test starts from one already extended.
            try connection.execute("UPDATE dsr.requests SET extended_due_on = $2::date WHERE id = $1",
                                   [.int(id), .text(extended.description)])
        }
        return (id, request.reference)
    }

    /// Records `raw` in the ledger of `mailbox` as the message that opened
    /// request `requestID` (or as a follow-up with `role`); returns its id.
    @discardableResult
    static func record(_ raw: [UInt8], messageID: String?, for requestID: Int, role: MessageRole = .request,
                       mailbox: String = "test-data", receivedAt: Date = Date(),
                       in connection: PostgresConnection) throws -> Int {
        let ledger = InboundLedger(connection)
        let id = try #require(try ledger.insert(InboundLedger.NewMessage(
            mailbox: mailbox, uidValidity: 1, uid: UInt64.random(in: 1..<UInt64(Int32.max)), messageID: messageID,
            receivedAt: receivedAt, raw: raw, sizeBytes: raw.count, rawSHA256: nil, fromAddress: nil)))
        try ledger.setOutcome(id, outcome: role == .request ? "request" : "follow_up", autoKind: nil, problem: nil)
        try RequestRecords(connection).link(requestID: requestID, inboundID: id, role: role)
        return id
    }
}

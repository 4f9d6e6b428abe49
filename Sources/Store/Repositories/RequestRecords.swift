import Foundation
import Requests

/// `dsr.requests` and `dsr.request_messages`.
public struct RequestRecords {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    public struct NewRequest: Sendable {
        public var kinds: [String]
        public var language: String
        public var replyLanguage: String
        public var subjectAddress: String
        /// The opening message's From (the same as `subjectAddress` at first).
        public var requesterAddress: String?
        /// The fixed text of the sender verdict, and whether it vouches for the From.
        public var senderVerdict: String?
        public var senderAuthenticated: Bool
        public var state: RequestState
        public var stateReason: String?
        public var receivedAt: Date
        public var dueOn: String
        public var confidence: Double
        public var onBehalf: Bool
        public var autoKind: String?
        public var evidence: [String]
        public var fieldsJSON: String

        public init(kinds: [String], language: String, replyLanguage: String, subjectAddress: String, state: RequestState,
                    stateReason: String?, receivedAt: Date, dueOn: String, confidence: Double, onBehalf: Bool,
                    autoKind: String?, evidence: [String], fieldsJSON: String, senderVerdict: String? = nil,
                    senderAuthenticated: Bool = false) {
            self.kinds = kinds
            self.language = language
            self.replyLanguage = replyLanguage
            self.subjectAddress = subjectAddress
            self.requesterAddress = subjectAddress.isEmpty ? nil : subjectAddress
            self.senderVerdict = senderVerdict
            self.senderAuthenticated = senderAuthenticated
            self.state = state
            self.stateReason = stateReason
            self.receivedAt = receivedAt
            self.dueOn = dueOn
            self.confidence = confidence
            self.onBehalf = onBehalf
            self.autoKind = autoKind
            self.evidence = evidence
            self.fieldsJSON = fieldsJSON
        }
    }

    public struct Summary: Sendable, Equatable {
        public var id: Int
        public var reference: String
        public var state: String
        public var subjectAddress: String
        public var replyLanguage: String
        public var receivedAt: Date
        public var dueOn: String
    }

    public func summary(id: Int) throws -> Summary? {
        try summaries(where: "id = $1", [.int(id)]).first
    }

    /// The request with this reference whose data subject has one of
    /// `subjectForms` (`AddressMatcher.storedForms`), compared with ASCII
    /// letters folded only.
    public func find(reference: String, subjectForms: [String]) throws -> Summary? {
        try summaries(where: "reference = $1 AND lower(subject_address COLLATE \"C\") = ANY($2::text[])",
                      [.text(reference), .textArray(subjectForms)]).first
    }

    /// The request one of our messages (by Message-ID) belongs to, if its
    /// data subject has one of `subjectForms`.
    public func findByReply(messageIDs: [String], subjectForms: [String]) throws -> Summary? {
        guard !messageIDs.isEmpty else { return nil }
        return try summaries(where: """
            id IN (SELECT request_id FROM dsr.outbox WHERE message_id = ANY($1::text[]))
            AND lower(subject_address COLLATE "C") = ANY($2::text[])
            """, [.textArray(messageIDs), .textArray(subjectForms)]).first
    }

    private func summaries(where condition: String, _ parameters: [SQLValue]) throws -> [Summary] {
        try connection.execute("""
            SELECT id, reference, state, subject_address, reply_language, received_at, due_on::text AS due_on
            FROM dsr.requests WHERE \(condition) ORDER BY id
            """, parameters).rows.map { row in
            Summary(id: try row.int("id"), reference: try row.string("reference"), state: try row.string("state"),
                    subjectAddress: try row.string("subject_address"), replyLanguage: try row.string("reply_language"),
                    receivedAt: try row.date("received_at"), dueOn: try row.string("due_on"))
        }
    }

    public func link(requestID: Int, inboundID: Int? = nil, outboxID: Int? = nil, role: MessageRole) throws {
        try connection.execute("""
            INSERT INTO dsr.request_messages (request_id, inbound_id, outbox_id, role) VALUES ($1, $2, $3, $4)
            """, [.int(requestID), .int(inboundID), .int(outboxID), .text(role.rawValue)])
    }
}

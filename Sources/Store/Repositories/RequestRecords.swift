import Foundation

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
        public var state: String
        public var stateReason: String?
        public var receivedAt: Date
        public var dueOn: String
        public var confidence: Double
        public var onBehalf: Bool
        public var autoKind: String?
        public var evidence: [String]
        public var fieldsJSON: String

        public init(kinds: [String], language: String, replyLanguage: String, subjectAddress: String, state: String,
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

    /// Inserts under the given reference; nil when the reference is taken
    /// (the caller draws another).
    public func insert(_ request: NewRequest, reference: String) throws -> Int? {
        let result = try connection.execute("""
            INSERT INTO dsr.requests (reference, kinds, language, reply_language, subject_address, state, state_reason,
                                      received_at, due_on, confidence, on_behalf, auto_kind, evidence, fields,
                                      requester_address, sender_verdict, sender_authenticated)
            VALUES ($1, $2::text[], $3, $4, $5, $6, $7, $8, $9::date, $10, $11, $12, $13::text[], $14::jsonb,
                    $15, $16, $17)
            ON CONFLICT (reference) DO NOTHING
            RETURNING id
            """, [
                .text(reference), .textArray(request.kinds), .text(request.language), .text(request.replyLanguage),
                .text(request.subjectAddress), .text(request.state), .string(request.stateReason),
                .timestamp(request.receivedAt), .text(request.dueOn), .text(String(request.confidence)),
                .bool(request.onBehalf), .string(request.autoKind), .textArray(request.evidence),
                .text(request.fieldsJSON), .string(request.requesterAddress), .string(request.senderVerdict),
                .bool(request.senderAuthenticated),
            ])
        return try result.first?.int("id")
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

    /// Moves the request to `state`; returns the state it left (nil when unknown).
    @discardableResult
    public func setState(_ id: Int, to state: String, reason: String?) throws -> String? {
        let result = try connection.execute("""
            UPDATE dsr.requests r SET state = $2, state_reason = $3, updated_at = now()
            FROM (SELECT id, state FROM dsr.requests WHERE id = $1 FOR UPDATE) old
            WHERE r.id = old.id
            RETURNING old.state AS previous
            """, [.int(id), .text(state), .string(reason)])
        return result.first?["previous"]
    }

    public func link(requestID: Int, inboundID: Int? = nil, outboxID: Int? = nil, role: String) throws {
        try connection.execute("""
            INSERT INTO dsr.request_messages (request_id, inbound_id, outbox_id, role) VALUES ($1, $2, $3, $4)
            """, [.int(requestID), .int(inboundID), .int(outboxID), .text(role)])
    }
}

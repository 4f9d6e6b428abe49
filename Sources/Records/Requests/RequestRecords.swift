import Foundation
import Requests
import Store

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
        /// What intake read in the opening message (`RequestReading`), as JSON.
        public var readingJSON: String?
        public var state: RequestState
        public var stateReason: String?
        public var receivedAt: Date
        public var dueOn: String
        public var confidence: Double
        public var onBehalf: Bool
        public var autoKind: String?
        public var evidence: [String]
        public var fieldsJSON: String
        /// Seconds the request's receipt may wait for an answer to stand in
        /// for it (`ReceiptsOwed`); nil: no receipt owed (none, or queued).
        public var receiptGrace: TimeInterval?

        public init(kinds: [String], language: String, replyLanguage: String, subjectAddress: String, state: RequestState,
                    stateReason: String?, receivedAt: Date, dueOn: String, confidence: Double, onBehalf: Bool,
                    autoKind: String?, evidence: [String], fieldsJSON: String, senderVerdict: String? = nil,
                    senderAuthenticated: Bool = false, readingJSON: String? = nil) {
            self.kinds = kinds
            self.language = language
            self.replyLanguage = replyLanguage
            self.subjectAddress = subjectAddress
            self.requesterAddress = subjectAddress.isEmpty ? nil : subjectAddress
            self.senderVerdict = senderVerdict
            self.senderAuthenticated = senderAuthenticated
            self.readingJSON = readingJSON
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

    /// The request, unlocked; nil when there is none.
    public func record(id: Int) throws -> RequestRecord? {
        try records(where: "r.id = $1", [.int(id)]).first
    }

    /// The request if it is (still) in `state`, locked (`FOR UPDATE SKIP
    /// LOCKED`, so two daemons never work on one); nil otherwise.
    public func claim(id: Int, in state: RequestState) throws -> RequestRecord? {
        try records(where: "r.id = $1 AND r.state = $2", [.int(id), .text(state.rawValue)],
                    lock: "FOR UPDATE SKIP LOCKED").first
    }

    /// Locks the request's row (`FOR UPDATE SKIP LOCKED`) if it is (still)
    /// in `state`, reading nothing of it; false when it is not, or another
    /// daemon has it.
    public func claimRow(id: Int, in state: RequestState) throws -> Bool {
        try connection.execute("SELECT id FROM dsr.requests WHERE id = $1 AND state = $2 FOR UPDATE SKIP LOCKED",
                               [.int(id), .text(state.rawValue)]).first != nil
    }

    /// Up to `limit` requests in `state` with ids above `id`, lowest first,
    /// with their references: the next ones to work on, read at once.
    public func upcoming(in state: RequestState, after id: Int, limit: Int) throws -> [(id: Int, reference: String)] {
        try connection.execute("""
            SELECT id, reference FROM dsr.requests WHERE state = $2 AND id > $1 ORDER BY id LIMIT $3::int
            """, [.int(id), .text(state.rawValue), .int(limit)]).rows.map { (try $0.int("id"), try $0.string("reference")) }
    }

    /// The reference of the request a recorded message belongs to, if any
    /// (its first link's: links first (`OFFSET 0`), then the order: see `RequestHistory.sender`).
    public func reference(linkedTo inboundID: Int) throws -> String? {
        try connection.execute("""
            SELECT r.reference
            FROM (SELECT id, request_id FROM dsr.request_messages WHERE inbound_id = $1 OFFSET 0) m
            JOIN dsr.requests r ON r.id = m.request_id ORDER BY m.id LIMIT 1
            """, [.int(inboundID)]).first?.string("reference")
    }

    /// The request, locked (`FOR UPDATE`) until the transaction ends.
    public func lock(id: Int) throws -> RequestRecord? {
        try records(where: "r.id = $1", [.int(id)], lock: "FOR UPDATE").first
    }

    /// The request with this reference, locked (`FOR UPDATE`).
    public func lock(reference: String) throws -> RequestRecord? {
        try records(where: "r.reference = $1", [.text(reference)], lock: "FOR UPDATE").first
    }

    /// The request with this reference whose data subject has one of
    /// `subjectForms` (`AddressMatcher.storedForms`), compared with ASCII
    /// letters folded only.
    public func find(reference: String, subjectForms: [String]) throws -> RequestRecord? {
        try records(where: "r.reference = $1 AND lower(r.subject_address COLLATE \"C\") = ANY($2::text[])",
                    [.text(reference), .textArray(subjectForms)]).first
    }

    /// The request one of our messages (by Message-ID) belongs to, if its
    /// data subject has one of `subjectForms`.
    public func findByReply(messageIDs: [String], subjectForms: [String]) throws -> RequestRecord? {
        guard !messageIDs.isEmpty else { return nil }
        return try records(where: """
            r.id IN (SELECT request_id FROM dsr.outbox WHERE message_id = ANY($1::text[]))
            AND lower(r.subject_address COLLATE "C") = ANY($2::text[])
            """, [.textArray(messageIDs), .textArray(subjectForms)]).first
    }

    /// The bytes of the message that opened the request; nil when none are
    /// stored (an oversized message, or one cleared). The first opening
    /// link's: links first (`OFFSET 0`), then the order: see `RequestHistory.sender`.
    public func openingMessage(of requestID: Int) throws -> [UInt8]? {
        guard let row = try connection.execute("""
            SELECT i.raw
            FROM (SELECT id, inbound_id FROM dsr.request_messages WHERE request_id = $1 AND role = 'request' OFFSET 0) m
            JOIN dsr.inbound i ON i.id = m.inbound_id ORDER BY m.id LIMIT 1
            """, [.int(requestID)]).first else { return nil }
        let raw = try row.bytes("raw")
        return raw.isEmpty ? nil : raw
    }

    private func records(where condition: String, _ parameters: [SQLValue], lock: String = "") throws -> [RequestRecord] {
        try connection.execute("""
            SELECT \(RequestRecord.columns) FROM dsr.requests r WHERE \(condition) ORDER BY r.id \(lock)
            """, parameters).rows.map(RequestRecord.init(row:))
    }

    /// From now on the request acts on `address` (a registered address
    /// asked to confirm it).
    public func setSubjectAddress(_ address: String, of requestID: Int) throws {
        try connection.execute("UPDATE dsr.requests SET subject_address = $2 WHERE id = $1",
                               [.int(requestID), .text(address)])
    }

    public func link(requestID: Int, inboundID: Int? = nil, outboxID: Int? = nil, role: MessageRole) throws {
        try connection.execute("""
            INSERT INTO dsr.request_messages (request_id, inbound_id, outbox_id, role) VALUES ($1, $2, $3, $4)
            """, [.int(requestID), .int(inboundID), .int(outboxID), .text(role.rawValue)])
    }
}

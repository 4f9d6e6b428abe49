import Foundation
import Requests
import Store

/// Erasure reaching dsrd's own tables. When a completed erasure (an
/// `erased` event) has had its last mail accepted by the mail server, the
/// transaction that marks that mail sent also removes the person from
/// `dsr.*`: every address of theirs becomes its keyed hash (the suppression
/// list's HMAC, given as `hash`), the values their requests asked for and
/// their reading go, the bytes of every mail to and from them go (size and
/// SHA-256 stay), and the personal values in the audit events of those
/// requests are cleared through the owner's `dsr.redact_audit_values`.
/// What stays: references, dates, kinds, states, audit actions and actors,
/// reasons, hashes.
///
/// "Their" requests are the erased one and every closed request from or
/// about one of their addresses; an open one (rare: another request still
/// in hand) is left to be answered, with its mail.
public struct ErasedPersonRecords {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// What one erasure removed: counts, for its audit event.
    public struct Report: Sendable, Equatable {
        public var requests = 0
        public var receivedMail = 0
        public var sentMail = 0
        public var confirmations = 0
        public var auditEvents = 0

        public var details: [String: Int] {
            ["requests": requests, "received_mail": receivedMail, "sent_mail": sentMail,
             "confirmations": confirmations, "audit_events": auditEvents]
        }
    }

    /// A request `r` whose person's records may be removed now: a completed
    /// erasure not yet done so, with no mail of it still waiting to be sent
    /// (`$2` is the `erased` audit action). A constant text, no value.
    private static let answeredErasure = """
        r.state = 'completed' AND r.scrubbed_at IS NULL
          AND EXISTS (SELECT 1 FROM dsr.audit_events e WHERE e.request_id = r.id AND e.action = $2)
          AND NOT EXISTS (SELECT 1 FROM dsr.outbox o WHERE o.request_id = r.id AND o.state = 'pending')
        """

    /// Of `requestIDs`, those `removeIfAnswered` may have work for now
    /// (it checks again, with the row locked): delivery asks once for a
    /// batch of sent mail, where nearly every request is not an erasure.
    public func answeredErasures(among requestIDs: [Int]) throws -> [Int] {
        guard !requestIDs.isEmpty else { return [] }
        return try connection.execute("""
            SELECT r.id FROM dsr.requests r WHERE r.id = ANY($1::bigint[]) AND \(Self.answeredErasure) ORDER BY r.id
            """, [.textArray(requestIDs.map(String.init)), .text(AuditAction.erased.rawValue)]).rows.map { try $0.int("id") }
    }

    /// Removes the person of request `requestID` when it is a completed
    /// erasure not yet done so, with no mail of it still waiting to be sent.
    /// Nil when there is nothing to do (yet).
    public func removeIfAnswered(requestID: Int, actor: String, at now: Date,
                                 hash: (String) -> String) throws -> Report? {
        guard let row = try connection.execute("""
            SELECT r.subject_address FROM dsr.requests r WHERE r.id = $1 AND \(Self.answeredErasure) FOR UPDATE
            """, [.int(requestID), .text(AuditAction.erased.rawValue)]).first else { return nil }
        let forms = try addressForms(of: requestID, subject: try row.string("subject_address"))
        // An address (it has an @) becomes its hash; a hash stays as it is.
        func hashed(_ text: String) -> String { text.contains("@") ? hash(text) : text }
        var report = Report()
        let requests = try personRequests(requestID, forms: forms)
        report.requests = try hashRequests(requests, at: now, hash: hashed)
        report.receivedMail = try clearReceivedMail(of: requests, forms: forms, at: now, hash: hashed)
        report.sentMail = try clearSentMail(of: requests, forms: forms, at: now, hash: hashed)
        report.confirmations = try hashConfirmations(of: requests, forms: forms, hash: hashed)
        report.auditEvents = try AuditRedaction(connection).redact(requestIDs: requests)
        try AuditTrail(connection).append(requestID: requestID, actor: actor, action: .ownRecordsErased,
                                          reason: "the person's addresses, values and mail removed from dsrd's own records",
                                          detailsJSON: JSONText.object(report.details), at: now)
        return report
    }

    /// The person's addresses as the database compares them (ASCII letters
    /// folded): the request's subject, where its replies went (not its
    /// notices to partners or operators), and where its confirmations went.
    private func addressForms(of requestID: Int, subject: String) throws -> [String] {
        let result = try connection.execute("""
            SELECT DISTINCT lower(a COLLATE "C") AS form FROM (
                SELECT $2::text AS a
                UNION ALL SELECT unnest(o.recipients) FROM dsr.request_messages m JOIN dsr.outbox o ON o.id = m.outbox_id
                          WHERE m.request_id = $1 AND m.role = 'reply'
                UNION ALL SELECT c.address FROM dsr.confirmations c WHERE c.request_id = $1
            ) AS addresses WHERE a <> ''
            """, [.int(requestID), .text(subject)])
        return try result.rows.map { try $0.string("form") }
    }

    /// The erased request and every closed one from or about the person,
    /// not yet removed.
    private func personRequests(_ requestID: Int, forms: [String]) throws -> [Int] {
        try connection.execute("""
            SELECT id FROM dsr.requests
            WHERE id = $1 OR (scrubbed_at IS NULL AND state <> ALL($3::text[])
                              AND (lower(subject_address COLLATE "C") = ANY($2::text[])
                                   OR lower(requester_address COLLATE "C") = ANY($2::text[])))
            ORDER BY id FOR UPDATE
            """, [.int(requestID), .textArray(forms), .textArray(RequestState.open.map(\.rawValue))])
            .rows.map { try $0.int("id") }
    }

    private func hashRequests(_ ids: [Int], at now: Date, hash: (String) -> String) throws -> Int {
        let rows = try connection.execute("""
            SELECT id, subject_address, requester_address FROM dsr.requests WHERE id = ANY($1::bigint[])
            """, [.textArray(ids.map(String.init))]).rows
        for row in rows {
            try connection.execute("""
                UPDATE dsr.requests SET subject_address = $2, requester_address = $3, fields = '{}'::jsonb,
                                        reading = NULL, mail_cleared_at = coalesce(mail_cleared_at, $4::timestamptz),
                                        scrubbed_at = $4::timestamptz
                WHERE id = $1
                """, [.int(try row.int("id")), .text(hash(try row.string("subject_address"))),
                      .string(row["requester_address"].map(hash)), .timestamp(now)])
        }
        return rows.count
    }

    /// Mail of those requests, and mail from the person that belongs to no
    /// open request: bytes gone, sender hashed, Message-ID gone (a client
    /// may build it from the address; a resent copy is still known by the
    /// SHA-256 of its bytes).
    private func clearReceivedMail(of ids: [Int], forms: [String], at now: Date, hash: (String) -> String) throws -> Int {
        let rows = try connection.execute("""
            SELECT i.id, i.from_address FROM dsr.inbound i
            WHERE i.id IN (SELECT m.inbound_id FROM dsr.request_messages m WHERE m.request_id = ANY($1::bigint[]))
               OR (lower(i.from_address COLLATE "C") = ANY($2::text[])
                   AND NOT EXISTS (SELECT 1 FROM dsr.request_messages m JOIN dsr.requests r ON r.id = m.request_id
                                   WHERE m.inbound_id = i.id AND r.state = ANY($3::text[])))
            """, [.textArray(ids.map(String.init)), .textArray(forms), .textArray(RequestState.open.map(\.rawValue))]).rows
        for row in rows {
            try connection.execute("""
                UPDATE dsr.inbound SET raw = ''::bytea, raw_cleared_at = coalesce(raw_cleared_at, $3::timestamptz),
                                       raw_sha256 = coalesce(raw_sha256, CASE WHEN octet_length(raw) > 0
                                                                         THEN encode(sha256(raw), 'hex') END),
                                       from_address = $2, message_id = NULL
                WHERE id = $1
                """, [.int(try row.int("id")), .string(row["from_address"].map(hash)), .timestamp(now)])
        }
        return rows.count
    }

    /// Mail of those requests, and any other sent mail to the person: bytes
    /// gone, the person's addresses among the recipients hashed (partners'
    /// and operators' addresses stay), no server reply kept (it may quote
    /// the address). Mail still waiting to be sent is left alone.
    private func clearSentMail(of ids: [Int], forms: [String], at now: Date, hash: (String) -> String) throws -> Int {
        let rows = try connection.execute("""
            SELECT id, array_to_json(recipients)::text AS recipients FROM dsr.outbox
            WHERE state <> 'pending'
              AND (request_id = ANY($1::bigint[])
                   OR EXISTS (SELECT 1 FROM unnest(recipients) AS r WHERE lower(r COLLATE "C") = ANY($2::text[])))
            """, [.textArray(ids.map(String.init)), .textArray(forms)]).rows
        let person = Set(forms)
        for row in rows {
            let recipients = try JSONText.strings(try row.string("recipients"))
            let kept = recipients.map { person.contains(Self.folded($0)) ? hash($0) : $0 }
            try connection.execute("""
                UPDATE dsr.outbox SET raw = ''::bytea, raw_cleared_at = coalesce(raw_cleared_at, $3::timestamptz),
                                      size_bytes = coalesce(size_bytes, octet_length(raw)),
                                      raw_sha256 = coalesce(raw_sha256, encode(sha256(raw), 'hex')),
                                      recipients = $2::text[], last_error = NULL
                WHERE id = $1
                """, [.int(try row.int("id")), .textArray(kept), .timestamp(now)])
        }
        return rows.count
    }

    private func hashConfirmations(of ids: [Int], forms: [String], hash: (String) -> String) throws -> Int {
        let rows = try connection.execute("""
            SELECT c.id, c.address FROM dsr.confirmations c JOIN dsr.requests r ON r.id = c.request_id
            WHERE c.request_id = ANY($1::bigint[])
               OR (lower(c.address COLLATE "C") = ANY($2::text[]) AND r.state <> ALL($3::text[]))
            """, [.textArray(ids.map(String.init)), .textArray(forms),
                  .textArray(RequestState.open.map(\.rawValue))]).rows
        for row in rows {
            try connection.execute("UPDATE dsr.confirmations SET address = $2 WHERE id = $1",
                                   [.int(try row.int("id")), .text(hash(try row.string("address")))])
        }
        return rows.count
    }

    /// ASCII letters folded, as `lower(… COLLATE "C")` folds them.
    static func folded(_ address: String) -> String {
        String(decoding: address.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
    }
}

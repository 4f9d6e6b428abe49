import Foundation
import MailCore
import Requests
import Store

/// A request as the fulfil stage works on it: its row in `dsr.requests`
/// (locked for the transaction) and the message that opened it.
struct PendingRequest: Sendable {
    var id: Int
    var reference: String
    var kinds: Set<RequestKind>
    var language: Language?
    var replyLanguage: ReplyLanguage
    /// The address the request acts on: the sender's, or a claimed one once
    /// it has been asked to confirm.
    var subjectAddress: String
    /// Who really asked: the opening message's From (never replaced).
    var requesterAddress: String
    /// What the company's mail server said about the requester (fixed text).
    var senderVerdict: String?
    var state: RequestState
    var receivedAt: Date
    /// The deadline: the extended one when the operator extended it.
    var dueOn: Day
    var onBehalf: Bool
    var fields: [RectificationField: String]
    /// The classifier's evidence (rule names, never sentences of the mail).
    var evidence: [String]
    var approvedKinds: Set<RequestKind>?
    var confirmed: Bool
    /// The opening message, parsed; nil when its bytes are not stored.
    var message: ParsedMessage?

    var receivedOn: Day { Day(receivedAt) }

    /// The request if it is (still) in `state`, locked (`FOR UPDATE SKIP
    /// LOCKED`, so two daemons never work on one); nil otherwise.
    static func claim(id: Int, in state: RequestState, connection: PostgresConnection) throws -> PendingRequest? {
        try load(where: "id = $1 AND state = $2 FOR UPDATE SKIP LOCKED", [.int(id), .text(state.rawValue)],
                 connection: connection)
    }

    /// One request by id, locked.
    static func lock(id: Int, connection: PostgresConnection) throws -> PendingRequest? {
        try load(where: "id = $1 FOR UPDATE", [.int(id)], connection: connection)
    }

    private static func load(where condition: String, _ parameters: [SQLValue],
                             connection: PostgresConnection) throws -> PendingRequest? {
        guard let row = try connection.execute("""
            SELECT id, reference, array_to_string(kinds, ',') AS kinds, language, reply_language, subject_address,
                   coalesce(requester_address, subject_address) AS requester_address, sender_verdict, state,
                   received_at, coalesce(extended_due_on, due_on)::text AS due_on, on_behalf,
                   fields::text AS fields,
                   array_to_string(approved_kinds, ',') AS approved_kinds,
                   array_to_json(evidence)::text AS evidence, confirmed_at IS NOT NULL AS confirmed
            FROM dsr.requests WHERE \(condition)
            """, parameters).first else { return nil }
        let id = try row.int("id")
        guard let dueOn = Day(iso: try row.string("due_on")),
              let state = RequestState(rawValue: try row.string("state")) else {
            throw PostgresError(kind: .unexpectedResult, context: "reading a request's state and due date")
        }
        let raw = try connection.execute("""
            SELECT i.raw FROM dsr.request_messages m JOIN dsr.inbound i ON i.id = m.inbound_id
            WHERE m.request_id = $1 AND m.role = 'request' ORDER BY m.id LIMIT 1
            """, [.int(id)]).first?.bytes("raw")
        return PendingRequest(
            id: id, reference: try row.string("reference"), kinds: kinds(row["kinds"]),
            language: Language(rawValue: try row.string("language")),
            replyLanguage: ReplyLanguage(rawValue: try row.string("reply_language")) ?? .en,
            subjectAddress: try row.string("subject_address"), requesterAddress: try row.string("requester_address"),
            senderVerdict: row["sender_verdict"], state: state, receivedAt: try row.date("received_at"),
            dueOn: dueOn, onBehalf: try row.bool("on_behalf"), fields: fields(row["fields"]),
            evidence: strings(row["evidence"]),
            approvedKinds: row["approved_kinds"].map(kinds), confirmed: try row.bool("confirmed"),
            message: raw.flatMap { $0.isEmpty ? nil : MessageReader.read($0) })
    }

    private static func kinds(_ text: String?) -> Set<RequestKind> {
        Set((text ?? "").split(separator: ",").compactMap { RequestKind(rawValue: String($0)) })
    }

    private static func strings(_ json: String?) -> [String] {
        guard let json, let list = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String] else { return [] }
        return list
    }

    private static func fields(_ json: String?) -> [RectificationField: String] {
        guard let json, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String] else {
            return [:]
        }
        var fields: [RectificationField: String] = [:]
        for (key, value) in object {
            if let field = RectificationField(rawValue: key) { fields[field] = value }
        }
        return fields
    }
}

import Foundation
import Requests
import Store

/// A request as an operator decision reads it: locked (`FOR UPDATE`) for
/// the rest of the transaction, so two decisions on one request never
/// interleave.
struct LockedRequest {
    var id: Int
    var reference: String
    var state: RequestState
    var kinds: [String]
    var replyLanguage: ReplyLanguage
    var subjectAddress: String
    var receivedAt: Date
    var dueOn: Day
    var extendedDueOn: Day?
    /// The Message-ID of the message that opened the request, for threading replies.
    var requestMessageID: String?

    /// The deadline in force: the extended one when there is one.
    var effectiveDueOn: Day { extendedDueOn ?? dueOn }

    static func lock(reference: String, connection: PostgresConnection) throws -> LockedRequest {
        let found = try connection.execute("""
            SELECT id, reference, state, array_to_json(kinds)::text AS kinds_json, reply_language, subject_address,
                   received_at, due_on::text AS due_on, extended_due_on::text AS extended_due_on
            FROM dsr.requests WHERE reference = $1 FOR UPDATE
            """, [.text(reference)])
        guard let row = found.first else { throw OperatorError.unknownReference(reference) }
        let stateText = try row.string("state")
        guard let state = RequestState(rawValue: stateText) else { throw OperatorError.unknownState(stateText) }
        guard let dueOn = Day(iso: try row.string("due_on")) else {
            throw PostgresError(kind: .unexpectedResult, context: "reading a request's due date")
        }
        let id = try row.int("id")
        let opening = try connection.execute("""
            SELECT i.message_id FROM dsr.request_messages rm JOIN dsr.inbound i ON i.id = rm.inbound_id
            WHERE rm.request_id = $1 AND rm.role = 'request' ORDER BY rm.id LIMIT 1
            """, [.int(id)])
        return LockedRequest(
            id: id, reference: try row.string("reference"), state: state,
            kinds: try JSONText.strings(row.string("kinds_json")),
            replyLanguage: ReplyLanguage(rawValue: try row.string("reply_language")) ?? .en,
            subjectAddress: try row.string("subject_address"), receivedAt: try row.date("received_at"),
            dueOn: dueOn, extendedDueOn: row["extended_due_on"].flatMap { Day(iso: $0) },
            requestMessageID: opening.first?["message_id"])
    }
}

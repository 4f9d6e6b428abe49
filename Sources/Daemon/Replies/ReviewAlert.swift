import Foundation
import Requests
import Store

/// Tells the operators at once that a request needs a person: one internal
/// note (`operator_note`) to the operators' address, queued in the
/// transaction that moves the request to `needs_review`, with the
/// reference, the reason, the kinds, the sender verdict, the due date and
/// the command to look at it — never the person's address or words.
struct ReviewAlert: Sendable {
    let writer: ReplyWriter
    /// Where the operators read (`digest.address`).
    let address: String

    /// What the note says about one request.
    struct Case {
        var requestID: Int
        var reference: String
        var kinds: Set<RequestKind>
        var receivedOn: Day
        var dueOn: Day
        var reason: String
        var senderVerdict: String?

        /// The request as the note describes it; nil when it does not exist.
        static func load(requestID: Int, reason: String, connection: PostgresConnection) throws -> Case? {
            guard let row = try connection.execute("""
                SELECT reference, array_to_string(kinds, ',') AS kinds, received_at,
                       coalesce(extended_due_on, due_on)::text AS due_on, sender_verdict
                FROM dsr.requests WHERE id = $1
                """, [.int(requestID)]).first, let dueOn = Day(iso: try row.string("due_on")) else { return nil }
            let kinds = Set((row["kinds"] ?? "").split(separator: ",").compactMap { RequestKind(rawValue: String($0)) })
            return Case(requestID: requestID, reference: try row.string("reference"), kinds: kinds,
                        receivedOn: Day(try row.date("received_at")), dueOn: dueOn, reason: reason,
                        senderVerdict: row["sender_verdict"])
        }
    }

    func queue(_ request: Case, actor: String, connection: PostgresConnection, now: Date) throws {
        let context = ReplyWriter.Context(
            requestID: request.requestID, reference: request.reference, language: .en, recipient: address,
            receivedOn: request.receivedOn, dueOn: request.dueOn, inReplyTo: nil, references: [])
        var values = ReplyWriter.kindFlags(request.kinds)
        values["state"] = .text(RequestState.needsReview.rawValue)
        values["reason"] = .text(request.reason)
        values["sender_verdict"] = request.senderVerdict.map(TemplateValue.text)
        let note = try writer.reply(.operatorNote, context: context, values: values, date: now)
        try Outbox(connection).enqueue(note, for: request.requestID, role: "notice", actor: actor)
    }
}

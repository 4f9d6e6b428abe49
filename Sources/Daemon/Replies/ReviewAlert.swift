import Foundation
import Records
import Requests
import Store

/// Tells the operators at once that a request needs a person: one internal
/// note (`operator_note`) to the operators' address, queued in the
/// transaction that moves the request to `needs_review`, with the
/// reference, the reason, the kinds, the sender verdict, the due date and
/// the command to look at it — never the person's address or words.
///
/// At most `maximumPerHour` notes (`operators.max_alerts_per_hour`) go out in an hour: a flood of mail that
/// needs a person (a mail loop, forged requests over the limits) must not
/// become a flood in the operators' inbox. The requests beyond it are in
/// `dsrd requests list --state needs_review` and in the daily digest.
struct ReviewAlert: Sendable {
    let writer: ReplyWriter
    let alerts: OperatorAlerts

    /// Queues the note about `request`, which needs a person because of `reason`.
    func queue(_ request: RequestRecord, reason: String, actor: String, connection: PostgresConnection, now: Date) throws {
        let outbox = Outbox(connection)
        guard try outbox.countQueued(template: ReplyTemplate.operatorNote.rawValue, within: 3_600) < alerts.maximumPerHour
        else { return }
        var values = ReplyWriter.kindFlags(request.kinds)
        values["state"] = .text(RequestState.needsReview.rawValue)
        values["reason"] = .text(reason)
        values["sender_verdict"] = request.senderVerdict.map(TemplateValue.text)
        let context = ReplyWriter.Context(request: request, recipient: alerts.address, language: .en)
        let note = try writer.reply(.operatorNote, context: context, values: values, date: now)
        try outbox.enqueue(note, for: request.id, role: .notice, actor: actor)
    }

    /// The same, for a request known by id (after the move was written).
    func queue(requestID: Int, reason: String, actor: String, connection: PostgresConnection, now: Date) throws {
        guard let request = try RequestRecords(connection).record(id: requestID) else { return }
        try queue(request, reason: reason, actor: actor, connection: connection, now: now)
    }
}

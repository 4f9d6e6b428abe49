import Requests
import Store

/// Puts a request's outgoing mail into the outbox inside the caller's
/// transaction: the outbox row, its link to the request, and the audit
/// event, together or not at all.
struct RequestReplyQueue {
    let connection: PostgresConnection

    /// `role` is the link's (`reply` to the data subject, `notice` to a
    /// partner); the audit action follows it. Returns the outbox id.
    @discardableResult
    func queue(_ reply: OutboxQueue.NewReply, requestID: Int, template: ReplyTemplate, actor: String,
               role: MessageRole = .reply) throws -> Int {
        let outboxID = try OutboxQueue(connection).enqueue(reply)
        try RequestRecords(connection).link(requestID: requestID, outboxID: outboxID, role: role)
        try AuditTrail(connection).append(requestID: requestID, actor: actor,
                                          action: role == .notice ? .noticeQueued : .replyQueued,
                                          reason: template.rawValue)
        return outboxID
    }
}

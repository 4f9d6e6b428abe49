import Foundation
import LogSafety
import MailCore
import Requests
import Store

/// Queues the fulfil stage's mail for one request inside the caller's
/// transaction: the reply goes into the outbox, is linked to the request
/// and recorded in the audit trail, or none of it happens.
struct RequestMail {
    static let actor = "dsrd:fulfil"
    let writer: ReplyWriter
    let connection: PostgresConnection
    let now: Date

    /// An address dsrd does not write to by itself (`AddressMatcher.mailForm`).
    struct UnmailableAddress: LogSafeError {
        var description: String { "the reply address is not an address dsrd writes to (non-ASCII local part or no domain)" }
    }

    /// A reply to the data subject (or to `recipient`), threaded under the
    /// message that opened the request when it goes to its sender. It goes
    /// to the address's mail form (domain as A-label), which compares as
    /// the address does; an address without one is refused.
    @discardableResult
    func reply(_ template: ReplyTemplate, request: PendingRequest, recipient: String? = nil,
               values: TemplateValues = [:], attachments: [OutgoingAttachment] = []) throws -> OutboxQueue.NewReply {
        let matcher = AddressMatcher()
        guard let to = matcher.mailForm(recipient ?? request.subjectAddress) else { throw UnmailableAddress() }
        let threaded = matcher.same(to, request.message?.from.first?.address ?? "")
        let context = ReplyWriter.Context(
            requestID: request.id, reference: request.reference, language: request.replyLanguage, recipient: to,
            receivedOn: request.receivedOn, dueOn: request.dueOn,
            inReplyTo: threaded ? request.message?.messageID : nil,
            references: threaded ? request.message?.references ?? [] : [])
        let reply = try writer.reply(template, context: context, values: values,
                                     attachments: attachments, date: now)
        try queue(reply, role: "reply", request: request, template: template)
        return reply
    }

    /// A notice to a partner (Art. 19), in English, not threaded.
    func partnerNotice(to address: String, request: PendingRequest, values: TemplateValues) throws {
        let context = ReplyWriter.Context(
            requestID: request.id, reference: request.reference, language: .en, recipient: address,
            receivedOn: request.receivedOn, dueOn: request.dueOn, inReplyTo: nil, references: [])
        let notice = try writer.reply(.partnerNotice, context: context, values: values, date: now)
        try queue(notice, role: "notice", request: request, template: .partnerNotice)
    }

    private func queue(_ reply: OutboxQueue.NewReply, role: String, request: PendingRequest,
                       template: ReplyTemplate) throws {
        try RequestReplyQueue(connection: connection).queue(reply, requestID: request.id, template: template,
                                                            actor: Self.actor, role: role)
    }
}

import Foundation
import LogSafety
import MailCore
import Records
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
               values: TemplateValues = [:], attachments: [OutgoingAttachment] = []) throws -> ComposedMail {
        let matcher = AddressMatcher()
        guard let to = matcher.mailForm(recipient ?? request.subjectAddress) else { throw UnmailableAddress() }
        let threaded = matcher.same(to, request.reading.senders.first ?? "")
        let context = ReplyWriter.Context(request: request.record, recipient: to,
                                          inReplyTo: threaded ? request.openingMessageID : nil,
                                          references: threaded ? request.reading.threadReferences : [])
        let reply = try writer.reply(template, context: context, values: values,
                                     attachments: attachments, date: now)
        try Outbox(connection).enqueue(reply, for: request.id, actor: Self.actor)
        return reply
    }

    /// A notice to a partner (Art. 19, or a list not to use after an
    /// objection), in the partner's language, not threaded.
    func partnerNotice(to address: String, request: PendingRequest, language: ReplyLanguage, values: TemplateValues) throws {
        let context = ReplyWriter.Context(request: request.record, recipient: address, language: language)
        let notice = try writer.reply(.partnerNotice, context: context, values: values, date: now)
        try Outbox(connection).enqueue(notice, for: request.id, role: .notice, actor: Self.actor)
    }
}

import Foundation
import MailCore
import Requests

/// Turns a template and a request into a complete reply, ready for the
/// outbox: rendered in the person's language, composed as proper mail
/// (encoded headers, quoted-printable UTF-8, threading headers,
/// `Auto-Submitted: auto-replied`), with a random Message-ID that the outbox
/// stores with the message, so a resend keeps it and nobody can guess it.
public struct ReplyWriter: Sendable {
    public let templates: TemplateSet
    public let sender: String
    public let organisation: DaemonConfig.Organisation
    /// How long a closed request's record is kept (`retention.case_years`),
    /// which the erasure and no-data replies tell the person.
    public let caseYears: Int

    public init(templates: TemplateSet, sender: String, organisation: DaemonConfig.Organisation,
                caseYears: Int = RetentionPolicy.standard.caseYears) {
        self.templates = templates
        self.sender = sender
        self.organisation = organisation
        self.caseYears = caseYears
    }

    /// What a reply is about and to whom it goes.
    public struct Context: Sendable {
        public var requestID: Int
        public var reference: String
        public var language: ReplyLanguage
        public var recipient: String
        public var receivedOn: Day
        public var dueOn: Day
        /// The message answered: its Message-ID and References, for threading.
        public var inReplyTo: String?
        public var references: [String]

        public init(requestID: Int, reference: String, language: ReplyLanguage, recipient: String, receivedOn: Day,
                    dueOn: Day, inReplyTo: String?, references: [String]) {
            self.requestID = requestID
            self.reference = reference
            self.language = language
            self.recipient = recipient
            self.receivedOn = receivedOn
            self.dueOn = dueOn
            self.inReplyTo = inReplyTo
            self.references = references
        }
    }

    /// The reply's subject and body as the person will read them, before
    /// any encoding (for a preview).
    public func render(_ template: ReplyTemplate, context: Context, values: TemplateValues) throws -> RenderedReply {
        let common: TemplateValues = [
            "reference": .text(context.reference),
            "organisation": .text(organisation.name),
            "dpo_address": .text(organisation.dpoAddress),
            "dpo_designated": .flag(organisation.dpoDesignated),
            "received_date": .text(context.language.dateText(context.receivedOn)),
            "due_date": .text(context.language.dateText(context.dueOn)),
            "case_period": .text(context.language.yearsText(caseYears)),
        ]
        return try templates.render(template, language: context.language, values: common.merging(values))
    }

    public func reply(
        _ template: ReplyTemplate, context: Context, values: TemplateValues,
        attachments: [OutgoingAttachment] = [], date: Date
    ) throws -> ComposedMail {
        let rendered = try render(template, context: context, values: values)
        let domain = sender.split(separator: "@").last.map(String.init) ?? "localhost"
        let messageID = MessageIDGenerator.random(domain: domain)
        let references = ThreadReferences.capped(context.references, inReplyTo: context.inReplyTo)
        let mail = OutgoingMail(
            from: MailAddress(displayName: organisation.name, address: sender),
            to: [MailAddress(address: context.recipient)],
            subject: rendered.subject,
            date: date,
            messageID: messageID,
            inReplyTo: context.inReplyTo.flatMap(ThreadReferences.usable),
            references: references,
            autoSubmitted: "auto-replied",
            contentLanguage: context.language.rawValue,
            body: rendered.body,
            attachments: attachments
        )
        return ComposedMail(raw: MailComposer.compose(mail), envelopeFrom: sender, recipients: [context.recipient],
                            messageID: messageID, template: template.rawValue, carriesCopy: !attachments.isEmpty)
    }

    /// The receipt's kind flags.
    public static func kindFlags(_ kinds: Set<RequestKind>) -> TemplateValues {
        TemplateValues(Dictionary(uniqueKeysWithValues: RequestKind.allCases.map { ($0.rawValue, TemplateValue.flag(kinds.contains($0))) }))
    }

    /// What the receipt restates: the kinds, and a correction's new values
    /// as read (field names in the reply's language).
    public static func receiptValues(_ kinds: Set<RequestKind>, fields: [RectificationField: String],
                                     language: ReplyLanguage) -> TemplateValues {
        var values = kindFlags(kinds)
        values["changes"] = .list(!kinds.contains(.rectify) ? [] : fields.sorted { $0.key < $1.key }.map {
            ["field": .text(RectificationFieldNames.name($0.key, language)), "new_value": .text($0.value)]
        })
        return values
    }
}

/// A message written and ready to hand to a mail server: the bytes
/// `MailComposer` produced, with the envelope they travel in. The
/// Message-ID is the one written into the bytes, kept beside them so a
/// bounce or a reply can be matched to it without parsing.
public struct ComposedMail: Sendable, Equatable {
    /// The complete message, CRLF line ends.
    public var raw: [UInt8]
    /// The SMTP envelope sender (MAIL FROM).
    public var envelopeFrom: String
    /// The SMTP envelope recipients (RCPT TO).
    public var recipients: [String]
    /// The Message-ID written into `raw`, without angle brackets.
    public var messageID: String
    /// What the mail was written from (a reply template's name, `digest`):
    /// logs and the audit trail name a message by it, never by its content.
    public var template: String
    /// The mail carries a copy of a person's data (an attachment): once the
    /// mail server has accepted it, its bytes are not kept (size and
    /// SHA-256 are); a copy needed again is built again.
    public var carriesCopy: Bool

    public init(raw: [UInt8], envelopeFrom: String, recipients: [String], messageID: String, template: String,
                carriesCopy: Bool = false) {
        self.raw = raw
        self.envelopeFrom = envelopeFrom
        self.recipients = recipients
        self.messageID = messageID
        self.template = template
        self.carriesCopy = carriesCopy
    }
}

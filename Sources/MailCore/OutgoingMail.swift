import Foundation

/// A file attached to outgoing mail.
public struct OutgoingAttachment: Sendable, Equatable {
    public var filename: String
    /// "type/subtype"; anything else is sent as application/octet-stream.
    public var contentType: String
    public var data: [UInt8]

    public init(filename: String, contentType: String, data: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}

/// Everything `MailComposer` needs to write one message. Values are plain
/// text: the composer encodes, folds and sanitises them.
public struct OutgoingMail: Sendable, Equatable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var replyTo: [MailAddress]
    public var subject: String
    public var date: Date
    /// Without angle brackets (they are removed if given).
    public var messageID: String
    /// The message answered, without angle brackets.
    public var inReplyTo: String?
    /// Earlier message ids of the thread, oldest first, without brackets.
    public var references: [String]
    /// RFC 3834 value such as "auto-replied"; nil for no header.
    public var autoSubmitted: String?
    /// A language tag such as "nb" or "en".
    public var contentLanguage: String?
    /// Further headers, written after the standard ones. Names that the
    /// composer writes itself are ignored here.
    public var extraHeaders: [HeaderField]
    public var body: String
    public var attachments: [OutgoingAttachment]

    public init(
        from: MailAddress,
        to: [MailAddress],
        cc: [MailAddress] = [],
        replyTo: [MailAddress] = [],
        subject: String,
        date: Date,
        messageID: String,
        inReplyTo: String? = nil,
        references: [String] = [],
        autoSubmitted: String? = nil,
        contentLanguage: String? = nil,
        extraHeaders: [HeaderField] = [],
        body: String,
        attachments: [OutgoingAttachment] = []
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.autoSubmitted = autoSubmitted
        self.contentLanguage = contentLanguage
        self.extraHeaders = extraHeaders
        self.body = body
        self.attachments = attachments
    }
}

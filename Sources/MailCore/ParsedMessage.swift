import Foundation

/// The reading of one message: decoded headers, readable text and what else
/// the MIME structure holds. Produced by `MessageReader.read`.
public struct ParsedMessage: Sendable, Equatable {
    /// Top-level headers, in order.
    public let headers: [HeaderField]
    /// Decoded subject, "" when absent.
    public let subject: String
    public let from: [MailAddress]
    public let replyTo: [MailAddress]
    public let to: [MailAddress]
    public let cc: [MailAddress]
    /// "" for the null path `<>`, nil when absent.
    public let returnPath: String?
    /// Without angle brackets.
    public let messageID: String?
    /// Without angle brackets.
    public let inReplyTo: [String]
    /// Without angle brackets.
    public let references: [String]
    public let date: Date?
    /// Lowercased "type/subtype" of the top level.
    public let contentType: String
    /// Parameters of the top-level Content-Type, names lowercased.
    public let contentTypeParameters: [String: String]
    /// Readable body text with "\n" line ends: text/plain preferred, else
    /// HTML turned into text; inline text parts joined.
    public let text: String
    /// Names and sizes only; attachments are never opened.
    public let attachments: [AttachmentInfo]
    /// message/rfc822 parts (forwarded mail, bounced originals) and
    /// text/rfc822-headers parts (header-only originals in bounces).
    public let embeddedMessages: [ParsedMessage]
    /// Machine-readable report parts (delivery status, receipts, feedback).
    public let reportParts: [ReportPart]
    /// Limits reached while reading, e.g. "maxParts"; empty when none.
    public let limitsReached: [String]
    /// What was repaired, e.g. "missingFinalBoundary"; empty when none.
    public let defects: [String]
    /// What in this message's own header section another mail reader (the
    /// receiving server that checked the sender) may read differently
    /// (`HeaderAmbiguity`); empty when none. Such a message is not acted on.
    public let headerAmbiguities: [String]
    /// Each header's name, lowercased, in order: the auto-mail checks ask
    /// for dozens of headers per message, and each question is then a walk
    /// over short strings instead of a case-folding comparison per header.
    private let headerKeys: [String]

    public init(
        headers: [HeaderField] = [],
        subject: String = "",
        from: [MailAddress] = [],
        replyTo: [MailAddress] = [],
        to: [MailAddress] = [],
        cc: [MailAddress] = [],
        returnPath: String? = nil,
        messageID: String? = nil,
        inReplyTo: [String] = [],
        references: [String] = [],
        date: Date? = nil,
        contentType: String = "text/plain",
        contentTypeParameters: [String: String] = [:],
        text: String = "",
        attachments: [AttachmentInfo] = [],
        embeddedMessages: [ParsedMessage] = [],
        reportParts: [ReportPart] = [],
        limitsReached: [String] = [],
        defects: [String] = [],
        headerAmbiguities: [String] = []
    ) {
        self.headers = headers
        headerKeys = headers.map { $0.name.lowercasedByScalar() }
        self.subject = subject
        self.from = from
        self.replyTo = replyTo
        self.to = to
        self.cc = cc
        self.returnPath = returnPath
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.date = date
        self.contentType = contentType
        self.contentTypeParameters = contentTypeParameters
        self.text = text
        self.attachments = attachments
        self.embeddedMessages = embeddedMessages
        self.reportParts = reportParts
        self.limitsReached = limitsReached
        self.defects = defects
        self.headerAmbiguities = headerAmbiguities
    }

    /// The first header of that name (case-insensitive), decoded.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercasedByScalar()
        // Lengths first: most keys differ from the one wanted in length, a cheaper test than a comparison.
        let length = wanted.utf8.count
        return headerKeys.firstIndex { $0.utf8.count == length && $0 == wanted }.map { headers[$0].value }
    }

    /// All headers of that name (case-insensitive), decoded, in order.
    public func headers(named name: String) -> [String] {
        let wanted = name.lowercasedByScalar()
        return headerKeys.indices.filter { headerKeys[$0] == wanted }.map { headers[$0].value }
    }
}

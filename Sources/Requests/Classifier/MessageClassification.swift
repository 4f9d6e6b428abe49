import MailCore

/// The classification of a whole mail: machine-generated mail (auto-replies,
/// bounces, bulk mail, reports) is never a request; for a person's mail, the
/// new text (quotes and signature removed) and the cleaned subject are
/// classified.
public struct MessageClassification: Sendable {
    public let classification: Classification
    public let auto: AutoMailVerdict
    /// What fulfilment needs of the message besides the classification.
    public let reading: RequestReading

    public var isAuto: Bool { auto.isAuto }

    /// Confidence of a request read from a text that had to be cut
    /// (`AnalysedText`): below the review threshold, so a person decides.
    static let cutTextConfidence = 0.3

    /// How many attached messages (message/rfc822) are read with the note
    /// that forwards them.
    static let attachedMessagesRead = 2

    /// The new text of each message attached to the note, read after it:
    /// "see the attached mail from my mother" forwards her request. A
    /// message whose text is only the attachment's already reads it. An
    /// attached mail from the domain the message was sent to is the
    /// company's own (a welcome mail, a receipt): it asks nothing.
    static func forwardedAttachments(_ body: String, message: ParsedMessage, ownDomains: Set<String>) -> [String] {
        message.embeddedMessages
            .filter { inner in !inner.from.contains { ownDomains.contains($0.domain.lowercasedByScalar()) } }
            .prefix(attachedMessagesRead)
            .map { ReplyText.newText(AnalysedText.prefix($0.text).text) }
            .filter { !$0.isEmpty && !body.contains($0) }
    }

    /// The domains the message was sent to: mail from them, forwarded or
    /// attached, is the company's own and asks nothing.
    public static func ownDomains(of message: ParsedMessage) -> Set<String> {
        Set(message.to.map { $0.domain.lowercasedByScalar() })
    }

    /// "Navnet mitt er stavet feil: det er Synnøve": one word read from a
    /// whole-name field is the first or the last name as the sender's own
    /// mail program writes it ("Synnøve Karlsen" <…>).
    static func namePartsBySender(_ fields: [RectificationField: String], message: ParsedMessage)
        -> [RectificationField: String] {
        guard fields[.lastName] != nil || fields[.firstName] != nil,
              let display = message.from.first?.displayName, case let parts = display.split(separator: " "), parts.count >= 2,
              let first = parts.first.map({ $0.lowercasedByScalar() }), let last = parts.last.map({ $0.lowercasedByScalar() }) else { return fields }
        var fields = fields
        if let value = fields[.lastName], !value.contains(" "), fields[.firstName] == nil, value.lowercasedByScalar() == first, value.lowercasedByScalar() != last {
            fields[.firstName] = value
            fields[.lastName] = nil
        } else if let value = fields[.firstName], !value.contains(" "), fields[.lastName] == nil, value.lowercasedByScalar() == last,
                  value.lowercasedByScalar() != first {
            fields[.lastName] = value
            fields[.firstName] = nil
        }
        return fields
    }

    /// What the classifier reads of a message: its cleaned subject, the
    /// person's new text with attached forwarded mail, and whether the
    /// subject is a reply's.
    struct ReadText {
        let subject: String
        let text: String
        let cut: Bool
        let note: String
        /// The note and, after it, the attached forwarded mail.
        let body: String
        /// The attached forwarded mail alone.
        let attached: [String]
        let subjectIsReply: Bool
        /// The domains the message was sent to (`MessageClassification.ownDomains`).
        let ownDomains: Set<String>

        init(_ message: ParsedMessage) {
            subject = ReplyText.cleanSubject(message.subject)
            (text, cut) = AnalysedText.prefix(message.text)
            ownDomains = MessageClassification.ownDomains(of: message)
            note = ReplyText.newText(text, ownDomains: ownDomains)
            // The classifier also reads attached forwarded mail; who the request is
            // about (the reading's claims) comes from the person's own words alone.
            attached = MessageClassification.forwardedAttachments(note, message: message, ownDomains: ownDomains)
            body = attached.isEmpty ? note : ([note] + attached).joined(separator: "\n\n")
            subjectIsReply = ReplyText.isReplySubject(message.subject)
        }
    }

    /// The rules' reading of a person's mail, for training the kind model;
    /// nil for machine mail, which is never classified.
    public static func readByRules(_ message: ParsedMessage) -> RuleReading? {
        guard !AutoMailDetector.detect(message).isAuto else { return nil }
        let read = ReadText(message)
        return RequestClassifier.readByRules(
            subject: read.subject, body: read.note, attached: read.attached, subjectIsReply: read.subjectIsReply, namingFeatures: true,
            ownDomains: read.ownDomains)
    }

    /// Classifies `message`; `model` is the kind model that refines the
    /// rules' reading (nil: the rules alone).
    public init(_ message: ParsedMessage, model: KindModel? = KindModel.trained) {
        auto = AutoMailDetector.detect(message)
        let read = ReadText(message)
        let (subject, text, cut, note, body) = (read.subject, read.text, read.cut, read.note, read.body)
        if auto.isAuto {
            let language = LanguageDetector.detect(subject + "\n" + body)
            classification = Classification(
                kinds: [], language: language, confidence: 0.95,
                evidence: ["auto: \(auto.reason ?? auto.kind?.rawValue ?? "machine-generated")"],
                onBehalf: false, fields: [:])
        } else {
            var result = RequestClassifier.classify(
                subject: subject, body: note, attached: read.attached, subjectIsReply: read.subjectIsReply, model: model,
                ownDomains: read.ownDomains)
            if !result.kinds.isEmpty && !result.onBehalf && ForwardedSender.isSomeoneElse(message, text: text) {
                result.onBehalf = true
                result.evidence.append("on behalf: forwarded request from another sender")
            }
            result.fields = Self.namePartsBySender(result.fields, message: message)
            if cut {
                result.evidence.append("text cut: only the first \(AnalysedText.maximumBytes / 1024) KiB were read")
                if !result.kinds.isEmpty { result.confidence = min(result.confidence, Self.cutTextConfidence) }
            }
            classification = result
        }
        reading = RequestReading(message, subject: subject, body: note, classification: classification)
    }
}

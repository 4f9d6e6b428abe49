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

    public init(_ message: ParsedMessage) {
        auto = AutoMailDetector.detect(message)
        let subject = ReplyText.cleanSubject(message.subject)
        let (text, cut) = AnalysedText.prefix(message.text)
        let body = ReplyText.newText(text)
        if auto.isAuto {
            let language = LanguageDetector.detect(subject + "\n" + body)
            classification = Classification(
                kinds: [], language: language, confidence: 0.95,
                evidence: ["auto: \(auto.reason ?? auto.kind?.rawValue ?? "machine-generated")"],
                onBehalf: false, fields: [:])
        } else {
            var result = RequestClassifier.classify(
                subject: subject, body: body, subjectIsReply: ReplyText.isReplySubject(message.subject))
            if !result.kinds.isEmpty && !result.onBehalf && ForwardedSender.isSomeoneElse(message, text: text) {
                result.onBehalf = true
                result.evidence.append("on behalf: forwarded request from another sender")
            }
            if cut {
                result.evidence.append("text cut: only the first \(AnalysedText.maximumBytes / 1024) KiB were read")
                if !result.kinds.isEmpty { result.confidence = min(result.confidence, Self.cutTextConfidence) }
            }
            classification = result
        }
        reading = RequestReading(message, subject: subject, body: body, classification: classification)
    }
}

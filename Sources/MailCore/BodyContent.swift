/// What the body of one entity contributes to the reading.
struct BodyContent {
    struct TextPiece {
        var text: String
        var fromHTML: Bool
    }

    var texts: [TextPiece] = []
    var attachments: [AttachmentInfo] = []
    var embedded: [ParsedMessage] = []
    var reportParts: [ReportPart] = []

    mutating func append(_ other: BodyContent) {
        texts += other.texts
        attachments += other.attachments
        embedded += other.embedded
        reportParts += other.reportParts
    }

    var hasPlainText: Bool {
        texts.contains { !$0.fromHTML && !$0.text.trimmingBlanks().isEmpty }
    }

    var hasText: Bool {
        texts.contains { !$0.text.trimmingBlanks().isEmpty }
    }

    /// multipart/alternative: the plain-text version when it has text,
    /// else the richest (last) version that has any.
    static func chooseAlternative(_ versions: [BodyContent]) -> BodyContent {
        if let plain = versions.first(where: { $0.hasPlainText }) { return plain }
        if let rich = versions.last(where: { $0.hasText }) { return rich }
        return versions.first ?? BodyContent()
    }

    var joinedText: String {
        texts.map(\.text).filter { !$0.trimmingBlanks().isEmpty }.joined(separator: "\n\n")
    }
}

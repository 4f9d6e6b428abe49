/// A machine-readable part of a report message (RFC 6522 multipart/report):
/// message/delivery-status, message/disposition-notification,
/// message/feedback-report and the like, kept as decoded text.
public struct ReportPart: Sendable, Equatable {
    /// Lowercased "type/subtype".
    public let contentType: String
    public let text: String

    public init(contentType: String, text: String) {
        self.contentType = contentType
        self.text = text
    }
}

import Foundation

/// Everything `dsrd requests show` prints about one request. It holds
/// personal data (the subject's address, subjects of mail): it is for the
/// operator's terminal, never for logs.
public struct RequestDetail: Sendable {
    public var summary: RequestSummary
    public var replyLanguage: String
    public var subjectAddress: String
    public var stateReason: String?
    public var originalDueOn: String
    public var confidence: Double
    public var onBehalf: Bool
    public var autoKind: String?
    public var evidence: [String]
    /// The request's `fields` as JSON text.
    public var fieldsJSON: String
    public var messages: [RequestMessage]
    public var audit: [AuditEntry]
}

/// One message of a request, in or out.
public struct RequestMessage: Sendable, Equatable {
    public enum Direction: String, Sendable {
        case inbound = "in"
        case outbound = "out"
    }

    public var direction: Direction
    public var at: Date
    /// `request`, `follow_up`, `reply`, … (from `dsr.request_messages`).
    public var role: String
    /// The reply template (out) or what intake made of the message (in).
    public var what: String
    /// For outgoing mail: pending, sent or failed.
    public var deliveryState: String?
    public var messageID: String?
    /// The decoded Subject header.
    public var subject: String
}

/// One event of a request's audit trail.
public struct AuditEntry: Sendable, Equatable {
    public var at: Date
    public var actor: String
    public var action: String
    public var fromState: String?
    public var toState: String?
    public var reason: String?
    /// The event's `details` as JSON text.
    public var detailsJSON: String
}

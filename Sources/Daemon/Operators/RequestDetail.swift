import Foundation

/// Everything `dsrd requests show` prints about one request. It holds
/// personal data (the subject's address, subjects of mail): it is for the
/// operator's terminal, never for logs.
public struct RequestDetail: Sendable {
    public var summary: RequestSummary
    public var replyLanguage: String
    public var subjectAddress: String
    /// Who asked: the address of the opening message's From (kept at intake
    /// in `requester_address`; else read from the stored message). Nil when
    /// there is no opening message to read.
    public var requesterAddress: String?
    /// The display name of the opening message's From, as the sender wrote it.
    public var requesterName: String?
    /// The receiving mail server's verdict on that From.
    public var senderVerdict: SenderVerdictText
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

    /// The address the request is about when it is not the requester's own
    /// (a claimed registered address): an operator must see that someone
    /// else asked.
    public var claimedAddress: String? {
        guard let requesterAddress, !subjectAddress.isEmpty,
              requesterAddress.lowercased() != subjectAddress.lowercased() else { return nil }
        return subjectAddress
    }
}

/// A sender verdict for the operator, and where it came from.
public struct SenderVerdictText: Sendable, Equatable {
    public enum Source: String, Sendable {
        /// Recorded by intake when the message arrived.
        case intake
        /// Worked out now from the stored opening message, with this
        /// configuration's trusted servers (older requests).
        case storedMessage = "stored_message"
        /// Neither: no opening message.
        case unknown
    }

    public var text: String
    public var source: Source

    public init(text: String, source: Source) {
        self.text = text
        self.source = source
    }

    public static let unknown = SenderVerdictText(text: "unknown", source: .unknown)
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

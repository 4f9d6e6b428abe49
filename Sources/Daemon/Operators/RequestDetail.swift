import Foundation
import Records

/// Everything `dsrd requests show` prints about one request: its row as
/// stored (`RequestOverview`, whose fields it reads as its own), who asked
/// and what the mail server said of them, its messages and its audit trail.
/// It holds personal data (the subject's address, subjects of mail): it is
/// for the operator's terminal, never for logs.
@dynamicMemberLookup
public struct RequestDetail: Sendable {
    public var overview: RequestOverview
    /// Who asked: the address of the opening message's From (kept at intake
    /// in `requester_address`; else read from the stored message). Nil when
    /// there is no opening message to read.
    public var requesterAddress: String?
    /// The display name of the opening message's From, as the sender wrote it.
    public var requesterName: String?
    /// The receiving mail server's verdict on that From.
    public var senderVerdict: SenderVerdictText
    public var messages: [RequestMessage]
    public var audit: [AuditEntry]

    public subscript<Value>(dynamicMember keyPath: KeyPath<RequestOverview, Value>) -> Value {
        overview[keyPath: keyPath]
    }

    /// The address the request is about when it is not the requester's own
    /// (a claimed registered address): an operator must see that someone
    /// else asked.
    public var claimedAddress: String? {
        let subjectAddress = overview.subjectAddress
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

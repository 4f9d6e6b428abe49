import Foundation

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

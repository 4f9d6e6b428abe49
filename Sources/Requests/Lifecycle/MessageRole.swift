/// What a message is to a request (`dsr.request_messages.role`).
public enum MessageRole: String, Sendable, CaseIterable, Codable {
    /// The message that opened the request.
    case request
    /// A later message of the data subject's in its thread.
    case followUp = "follow_up"
    /// The same message again (same Message-ID or bytes).
    case duplicate
    /// The same request again while it is open.
    case `repeat`
    /// A bounce of one of our replies.
    case bounce
    /// Our mail to the data subject.
    case reply
    /// Our mail to someone else about the request: a partner (Art. 19) or
    /// the operators.
    case notice
}

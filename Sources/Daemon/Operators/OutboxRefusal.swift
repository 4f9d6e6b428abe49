import LogSafety

/// Why an operator's change to a queued message was not made. Names ids
/// and states only: never an address, not even the one typed.
public enum OutboxRefusal: LogSafeError, Sendable, Equatable {
    case notRetryable(id: Int, state: String)
    case notCancellable(id: Int, state: String)
    case badRecipient
    case unreadableMessage(id: Int)
    case bytesCleared(id: Int)

    public var description: String {
        switch self {
        case .notRetryable(let id, let state):
            "message \(id) is \(state): only a pending or failed message can be retried"
        case .notCancellable(let id, let state):
            "message \(id) is \(state): only a pending message can be cancelled"
        case .badRecipient:
            "--to needs a plain address (local@domain, ASCII local part, no spaces or brackets)"
        case .unreadableMessage(let id):
            "message \(id) has no header section to readdress"
        case .bytesCleared(let id):
            "message \(id) can no longer be sent: retention cleared its bytes (retention.sent_mail_days); "
                + "queue the reply again with the request's decision"
        }
    }
}

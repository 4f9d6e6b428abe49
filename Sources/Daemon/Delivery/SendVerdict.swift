import Transport

/// What the outcome of one SMTP send means for its outbox row.
public enum SendVerdict: Sendable, Equatable {
    /// Accepted by the server: mark it sent.
    case sent
    /// A 4xx reply: this message should be tried again later.
    case temporary(reason: String)
    /// A 5xx reply or an unusable envelope: never try again.
    case permanent(reason: String)
    /// The server could not be reached or refused the login: try the
    /// message later and stop the round, since the next ones would fail too.
    case outage(reason: String)

    public var isOutage: Bool {
        if case .outage = self { return true }
        return false
    }

    /// Classifies a send failure. Reasons hold reply and curl codes only.
    public init(error: any Error) {
        guard let error = error as? TransportError else {
            self = .outage(reason: "smtp error")
            return
        }
        switch error.kind {
        case .transient:
            self = .temporary(reason: Self.reason(error))
        case .permanent, .rejected:
            self = .permanent(reason: Self.reason(error))
        case .invalidRequest:
            self = .permanent(reason: "invalid envelope address")
        case .connection, .authentication:
            self = .outage(reason: Self.reason(error))
        }
    }

    private static func reason(_ error: TransportError) -> String {
        if let reply = error.replyCode { return "smtp reply \(reply)" }
        if let curl = error.curlCode { return "smtp \(error.kind.rawValue) curl \(curl)" }
        return "smtp \(error.kind.rawValue)"
    }
}

/// Something that sends a prepared message (SMTPClient in the daemon).
public protocol MailSender: Sendable {
    func send(_ message: [UInt8], from sender: String, to recipients: [String]) async throws
}

extension SMTPClient: MailSender {}

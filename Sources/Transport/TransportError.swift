import LogSafety

/// A failure of a mail transfer. It carries curl's code and, for SMTP, the
/// server's reply code — never addresses, credentials or message text.
public struct TransportError: LogSafeError, Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Could not connect, TLS failed, timed out, or the connection dropped.
        case connection
        /// Login refused.
        case authentication
        /// The server answered NO/BAD (IMAP) or the mailbox/UID does not exist.
        case rejected
        /// SMTP 4xx: try again later.
        case transient
        /// SMTP 5xx: do not try again.
        case permanent
        /// The request itself was invalid (for example CR/LF in an address).
        case invalidRequest
    }

    public var kind: Kind
    public var curlCode: Int?
    public var replyCode: Int?
    /// What dsrd was doing, written by dsrd.
    public var operation: String

    public init(kind: Kind, curlCode: Int? = nil, replyCode: Int? = nil, operation: String) {
        self.kind = kind
        self.curlCode = curlCode
        self.replyCode = replyCode
        self.operation = operation
    }

    /// Worth another try later (network trouble, SMTP 4xx).
    public var isRetryable: Bool { kind == .connection || kind == .transient }

    public var description: String {
        var parts = ["mail transport \(kind.rawValue)", "operation=\(operation)"]
        if let curlCode { parts.append("curl=\(curlCode)") }
        if let replyCode { parts.append("reply=\(replyCode)") }
        return parts.joined(separator: " ")
    }
}

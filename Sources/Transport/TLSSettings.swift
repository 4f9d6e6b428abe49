/// How a mail connection is protected. Certificates are always verified.
public struct TLSSettings: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable {
        /// Plain text (only sensible on loopback).
        case none
        /// Upgrade with STARTTLS, and refuse to go on without it.
        case starttls
        /// TLS from the first byte (imaps://, smtps://).
        case implicit
    }

    public var mode: Mode
    /// A PEM file of trusted certificates; nil uses the system's store.
    public var caFile: String?

    public init(mode: Mode, caFile: String? = nil) {
        self.mode = mode
        self.caFile = caFile
    }
}

/// Connection settings shared by the IMAP and SMTP clients.
public struct MailServerSettings: Sendable, Equatable {
    /// `imap://host:port`, `imaps://…`, `smtp://…` or `smtps://…`, without a path.
    public var url: String
    public var username: String?
    public var password: String?
    public var tls: TLSSettings
    public var connectTimeoutSeconds: Int
    /// Longest wait for any one server response, and for a whole transfer.
    public var timeoutSeconds: Int

    public init(
        url: String, username: String? = nil, password: String? = nil, tls: TLSSettings,
        connectTimeoutSeconds: Int = 10, timeoutSeconds: Int = 60
    ) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.username = username
        self.password = password
        self.tls = tls
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.timeoutSeconds = timeoutSeconds
    }
}

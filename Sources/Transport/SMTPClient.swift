import CCurl
import BlockingExecutor

/// Sends prepared RFC 5322 messages over one reused libcurl connection,
/// owned by an actor on a thread of its own. Sending is at-least-once: a
/// drop after the body was sent leaves the outcome unknown, which is why
/// every message dsrd sends keeps the Message-ID stored with it when it
/// is sent again.
public actor SMTPClient {
    private let executor = DispatchQueueExecutor(label: "dsrd.smtp")
    private let settings: MailServerSettings
    private var easy: CurlEasy?

    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        executor.asUnownedSerialExecutor()
    }

    public init(settings: MailServerSettings) {
        self.settings = settings
    }

    /// Sends one message. `message` must be a whole RFC 5322 message; bare
    /// LF line ends are turned into CRLF. Throws `transient` for 4xx,
    /// `permanent` for 5xx, `connection` when the server could not be
    /// reached, `invalidRequest` for an unusable envelope address.
    public func send(_ message: [UInt8], from sender: String, to recipients: [String]) throws {
        guard EnvelopeAddress.isValid(sender, allowEmpty: true), !recipients.isEmpty,
              recipients.allSatisfy({ EnvelopeAddress.isValid($0, allowEmpty: false) }) else {
            throw TransportError(kind: .invalidRequest, operation: "smtp envelope")
        }
        let easy = try handle()
        easy.buffers.reset()
        easy.buffers.upload = LineEnds.crlf(message)
        easy.set(CURLOPT_URL, settings.url)
        easy.set(CURLOPT_CUSTOMREQUEST, nil)
        easy.set(CURLOPT_MAIL_FROM, "<\(sender)>")
        easy.set(CURLOPT_MAIL_RCPT, list: recipients.map { "<\($0)>" })
        easy.set(CURLOPT_UPLOAD, 1)
        easy.set(CURLOPT_INFILESIZE_LARGE, easy.buffers.upload.count)
        defer {
            easy.set(CURLOPT_UPLOAD, 0)
            easy.buffers.upload = []
        }
        try check(easy.perform(), easy: easy, operation: "smtp send")
    }

    /// Connects (or reuses the connection) and sends NOOP: is the server there?
    public func probe() throws {
        let easy = try handle()
        easy.buffers.reset()
        easy.set(CURLOPT_URL, settings.url)
        easy.set(CURLOPT_MAIL_RCPT, list: [])
        easy.set(CURLOPT_UPLOAD, 0)
        easy.set(CURLOPT_CUSTOMREQUEST, "NOOP")
        defer { easy.set(CURLOPT_CUSTOMREQUEST, nil) }
        try check(easy.perform(), easy: easy, operation: "smtp noop")
    }

    public func disconnect() {
        easy = nil
    }

    private func handle() throws -> CurlEasy {
        if let easy { return easy }
        let easy = try CurlEasy(operation: "smtp connect")
        easy.configure(settings)
        self.easy = easy
        return easy
    }

    private func check(_ code: CURLcode, easy: CurlEasy, operation: String) throws {
        guard code != CURLE_OK else { return }
        let reply = easy.responseCode
        let kind: TransportError.Kind
        switch reply {
        case 400..<500: kind = .transient
        case 500..<600: kind = code == CURLE_LOGIN_DENIED ? .authentication : .permanent
        default: kind = code == CURLE_LOGIN_DENIED ? .authentication : .connection
        }
        // After a failure the session state is unclear: start afresh next time.
        self.easy = nil
        throw TransportError(kind: kind, curlCode: Int(code.rawValue), replyCode: reply == 0 ? nil : reply,
                             operation: operation)
    }
}

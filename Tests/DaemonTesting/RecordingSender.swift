import Daemon
import Foundation
import Transport

/// A mail server for tests: records every message handed to it and answers
/// as scripted — accepts, refuses a recipient with an SMTP reply, or cannot
/// be reached at all — with the errors `SMTPClient` throws in those cases.
/// Each send can move a manual clock on, as a real send takes time.
public actor RecordingSender: MailSender {
    /// One call of `send`, accepted or not.
    public struct Attempt: Sendable, Equatable {
        public var raw: [UInt8]
        public var from: String
        public var recipients: [String]
        /// The server took it.
        public var accepted: Bool
    }

    public private(set) var attempts: [Attempt] = []
    /// SMTP reply codes for recipients the server refuses (4xx: try later,
    /// 5xx: never); anyone else is accepted.
    private var replies: [String: Int] = [:]
    private var reachable = true
    private let clock: ManualWallClock?
    private let secondsPerSend: TimeInterval

    public init(clock: ManualWallClock? = nil, secondsPerSend: TimeInterval = 0) {
        self.clock = clock
        self.secondsPerSend = secondsPerSend
    }

    /// Messages the server took.
    public var accepted: [Attempt] {
        attempts.filter(\.accepted)
    }

    /// Mail to `recipient` is refused with SMTP reply `code` from now on.
    public func refuse(_ recipient: String, reply code: Int) {
        replies[recipient] = code
    }

    /// The server cannot be reached (false) or is back (true).
    public func setReachable(_ reachable: Bool) {
        self.reachable = reachable
    }

    public func send(_ message: [UInt8], from sender: String, to recipients: [String]) async throws {
        clock?.advance(by: secondsPerSend)
        let error = answer(to: recipients)
        attempts.append(Attempt(raw: message, from: sender, recipients: recipients, accepted: error == nil))
        if let error { throw error }
    }

    /// The error the server's answer becomes, as `SMTPClient` classifies it; nil when it takes the message.
    private func answer(to recipients: [String]) -> TransportError? {
        guard reachable else {
            // curl's "could not connect".
            return TransportError(kind: .connection, curlCode: 7, operation: "smtp send")
        }
        guard let code = recipients.compactMap({ replies[$0] }).first else { return nil }
        return TransportError(kind: (400..<500).contains(code) ? .transient : .permanent, curlCode: 55,
                              replyCode: code, operation: "smtp send")
    }
}

import MailCore

/// Whether a reply may confirm a request: it must come from the registered
/// address (From only; Reply-To never counts) and its sender authentication
/// must not fail. What proves the mailbox is the code the reply carries
/// (`ConfirmationReply`), never the From line or the threading headers.
public enum ConfirmationSender {
    public enum Outcome: Sendable, Equatable {
        case accepted
        case rejected(Reason)
    }

    public enum Reason: String, Sendable, Equatable {
        case noSender = "no From address"
        case severalSenders = "several From addresses"
        case notRegisteredAddress = "not from the registered address"
        case authenticationFailed = "sender authentication failed"
    }

    public static func check(
        from: [MailAddress], registered: String, matcher: AddressMatcher, verdict: SenderVerdict
    ) -> Outcome {
        guard let sender = from.first else { return .rejected(.noSender) }
        guard from.count == 1 else { return .rejected(.severalSenders) }
        guard matcher.same(sender.address, registered) else { return .rejected(.notRegisteredAddress) }
        switch verdict {
        case .pass, .unverified: return .accepted
        case .fail: return .rejected(.authenticationFailed)
        }
    }
}

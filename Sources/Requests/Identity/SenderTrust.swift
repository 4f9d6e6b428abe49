import MailCore

/// Which sender authentication dsrd believes: the Authentication-Results
/// written by the company's own receiving servers, found by the rules in
/// `SenderAuthentication`. One value, shared by intake (receipts, budgets)
/// and fulfilment (what may change without a confirmation).
public struct SenderTrust: Sendable, Equatable {
    /// authserv-ids of the company's own receiving mail servers.
    public var trustedAuthservIDs: [String]

    public init(trustedAuthservIDs: [String]) {
        self.trustedAuthservIDs = trustedAuthservIDs
    }

    /// Nothing is trusted: every message is unverified.
    public static let none = SenderTrust(trustedAuthservIDs: [])

    /// What the company's mail server says about a message's (first) From.
    public func verdict(of message: ParsedMessage) -> SenderVerdict {
        let domain = message.from.first.map { $0.address.split(separator: "@").last.map(String.init) ?? "" } ?? ""
        return SenderAuthentication.evaluate(headers: message.headers, trustedIDs: trustedAuthservIDs, fromDomain: domain)
    }
}

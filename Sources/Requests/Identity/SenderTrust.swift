import MailCore

/// Which sender authentication dsrd believes: the Authentication-Results
/// written by the company's own receiving servers, found by the rules in
/// `SenderAuthentication`. One value, shared by intake (receipts, budgets)
/// and fulfilment (what may change without a confirmation).
public struct SenderTrust: Sendable, Equatable {
    /// Where the receiving MX writes its Authentication-Results, relative
    /// to its own `Received:` line.
    public enum ResultsPosition: String, Sendable, Equatable {
        /// Above it: Postfix's access-table or policy-service `PREPEND`,
        /// Exchange Online.
        case above
        /// Directly below it: a Postfix milter such as OpenDMARC or
        /// OpenDKIM (Postfix hides its own Received line from milters).
        case below
    }

    /// authserv-ids of the company's own receiving mail servers.
    public var trustedAuthservIDs: [String]
    /// `Received:` lines the company's own internal relays add above the
    /// MX's line (not counting local delivery over LMTP).
    public var internalReceivedHops: Int
    public var resultsPosition: ResultsPosition
    /// Also read Authentication-Results without an authserv-id (Exchange
    /// Online writes them), where they lie in the trusted part.
    public var readsResultsWithoutAuthservID: Bool

    /// The most `internalReceivedHops` a configuration may give.
    public static let maximumInternalHops = 10

    public init(trustedAuthservIDs: [String], internalReceivedHops: Int = 0, resultsPosition: ResultsPosition = .above,
                readsResultsWithoutAuthservID: Bool = false) {
        self.trustedAuthservIDs = trustedAuthservIDs
        self.internalReceivedHops = internalReceivedHops
        self.resultsPosition = resultsPosition
        self.readsResultsWithoutAuthservID = readsResultsWithoutAuthservID
    }

    /// Nothing is trusted: every message is unverified.
    public static let none = SenderTrust(trustedAuthservIDs: [])

    /// Whether any header can ever count: false when no id is trusted and
    /// headers without an id are not read either.
    public var canTrustAnyResults: Bool {
        !trustedAuthservIDs.isEmpty || readsResultsWithoutAuthservID
    }

    /// What the company's mail server says about a message's (first) From.
    /// A header section the server may have read differently
    /// (`ParsedMessage.headerAmbiguities`) has no trusted results.
    public func verdict(of message: ParsedMessage) -> SenderVerdict {
        guard message.headerAmbiguities.isEmpty else { return .unverified(.untrustedResults) }
        let domain = message.from.first.map { $0.address.split(separator: "@").last.map(String.init) ?? "" } ?? ""
        return SenderAuthentication.evaluate(headers: message.headers, trust: self, fromDomain: domain)
    }
}

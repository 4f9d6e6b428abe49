/// What the receiving mail server's Authentication-Results say about the
/// From address of a message. The reasons are fixed texts, fit for a
/// needs_review reason or a log line: they never name an address or domain.
public enum SenderVerdict: Sendable, Equatable {
    case pass(PassDetail)
    /// Nothing is disclosed or changed and nothing is sent to the From: the
    /// request goes to needs_review.
    case fail(FailReason)
    /// No trusted results, or trusted results that neither pass nor fail
    /// (SPF alone, a DKIM signature by another domain): a change waits for
    /// confirmation by code.
    case unverified(UnverifiedReason)

    public enum PassDetail: String, Sendable, Equatable {
        /// DMARC passed for the From domain (`header.from`).
        case dmarc = "dmarc=pass"
        /// No DMARC pass; a DKIM signature by the From domain itself passed.
        case dkimAligned = "dkim=pass, aligned with From"
    }

    public enum FailReason: String, Sendable, Equatable {
        case dmarcFail = "dmarc=fail"
        /// No DMARC verdict, no DKIM pass and no SPF pass, with both a DKIM
        /// and an SPF result of `fail`.
        case dkimAndSPFFail = "dkim and spf both failing"
    }

    public enum UnverifiedReason: String, Sendable, Equatable {
        case noResults = "no Authentication-Results"
        case untrustedResults = "no Authentication-Results from a trusted server"
        case inconclusive = "trusted results neither pass nor fail"
    }

    /// The trusted results show the From domain itself sent the message:
    /// the only verdict under which a change may be made without a
    /// confirmation by code.
    public var isAuthenticated: Bool {
        if case .pass = self { return true }
        return false
    }

    public var isFail: Bool {
        if case .fail = self { return true }
        return false
    }

    /// The verdict whose fixed text is `reason` (as stored at intake); nil
    /// for any other text.
    public init?(reason: String) {
        if let detail = PassDetail(rawValue: reason) {
            self = .pass(detail)
        } else if let fail = FailReason(rawValue: reason) {
            self = .fail(fail)
        } else if let unverified = UnverifiedReason(rawValue: reason) {
            self = .unverified(unverified)
        } else {
            return nil
        }
    }

    /// The fixed text of the detail or reason.
    public var reason: String {
        switch self {
        case .pass(let detail): detail.rawValue
        case .fail(let reason): reason.rawValue
        case .unverified(let reason): reason.rawValue
        }
    }
}

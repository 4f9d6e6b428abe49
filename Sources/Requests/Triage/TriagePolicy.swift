import MailCore

/// What intake does with a new message. Pure: the facts in, one decision out.
///
/// The order of the checks is the policy: a message seen before is only a
/// duplicate; machine mail and our own mail are never answered; a reply in a
/// request's thread joins that request (and is never held back by the loop
/// guard or the abuse limits); a request identical to an open one joins it
/// as a repeat; only then can a message open a new request, and one that
/// would be acknowledged is held for a person, unanswered, when its sender
/// or everyone in its budget (authenticated or unauthenticated senders) is
/// at an abuse limit. A sender whose authentication fails gets no receipt:
/// the From is probably forged, and its owner must not get our mail.
public enum TriageDecision: Sendable, Equatable {
    /// Seen before (same Message-ID or same bytes): link, do nothing else.
    case duplicate(DuplicateMatch)
    /// Could not be read: record, move to the review folder, no request.
    case unreadable
    /// A bounce of one of our replies (a null Return-Path and a delivery
    /// status report naming our Message-ID): record it on that request.
    case bounce(ReplyMatch)
    /// Recorded as an `ignored` request and never answered.
    case ignore(IgnoreReason)
    /// Continues an existing request.
    case followUp(ThreadMatch)
    /// A sender over the loop-guard limit: a request for review, no answer.
    case loopGuard
    /// The same request again while the first is open: link it there.
    case repeated(RepeatMatch)
    /// A request over an abuse limit: recorded for review, not acknowledged.
    case rateLimited(AbuseLimit)
    /// A new request in `state`; `sendReceipt` says whether to acknowledge it.
    case newRequest(state: RequestState, reason: String?, sendReceipt: Bool)

    /// The ledger's word for this decision (`dsr.inbound.outcome`).
    public var outcome: String {
        switch self {
        case .duplicate: "duplicate"
        case .unreadable: "unreadable"
        case .bounce: "bounce"
        case .ignore(.auto): "auto"
        case .ignore(.ownMail), .ignore(.systemSender): "own_mail"
        case .followUp: "follow_up"
        case .loopGuard: "loop_guard"
        case .repeated: "repeat"
        case .rateLimited: "rate_limited"
        case .newRequest: "request"
        }
    }
}

public enum IgnoreReason: String, Sendable, Equatable {
    /// Auto-reply, bounce we cannot place, bulk mail, report.
    case auto
    /// Mail from dsrd's own address.
    case ownMail = "own_mail"
    /// MAILER-DAEMON, postmaster, or the null sender.
    case systemSender = "system_sender"
}

public enum TriagePolicy {
    /// Below this confidence a recognised request goes to a person first.
    public static let reviewConfidence = 0.6

    public static func decide(_ facts: TriageFacts) -> TriageDecision {
        if let duplicate = facts.duplicateOf { return .duplicate(duplicate) }
        if facts.unreadable { return .unreadable }
        if facts.auto.kind == .bounce, facts.auto.isDeliveryStatusNotification, facts.nullReturnPath,
           let reply = facts.bouncedReply {
            return .bounce(reply)
        }
        if facts.auto.isAuto { return .ignore(.auto) }
        if facts.fromOwnAddress { return .ignore(.ownMail) }
        if facts.nullReturnPath || isSystemSender(facts.sender) { return .ignore(.systemSender) }
        if let thread = facts.thread { return .followUp(thread) }
        if let repeated = facts.repeatOf, facts.sender != nil, !facts.classification.kinds.isEmpty {
            return .repeated(repeated)
        }
        if facts.recentFromSender >= facts.loopGuardLimit { return .loopGuard }
        let decision = newRequest(facts)
        guard case .newRequest(_, _, sendReceipt: true) = decision, let limit = abuseLimit(facts) else { return decision }
        return .rateLimited(limit)
    }

    /// The limit a new, acknowledged request would break, if any: the
    /// sender's first, since it names the cause more precisely.
    public static func abuseLimit(_ facts: TriageFacts) -> AbuseLimit? {
        let limits = facts.limits
        if facts.requestsFromSender >= limits.senderRequests {
            return .sender(requests: limits.senderRequests, hours: limits.senderWindowHours)
        }
        let authenticated = facts.verdict.isAuthenticated
        let budget = limits.globalBudget(authenticated: authenticated)
        if facts.requestsFromEveryone >= budget {
            return .global(requests: budget, minutes: limits.globalWindowMinutes, authenticated: authenticated)
        }
        return nil
    }

    private static func newRequest(_ facts: TriageFacts) -> TriageDecision {
        guard facts.sender != nil else {
            return .newRequest(state: .needsReview, reason: "no sender address", sendReceipt: false)
        }
        let classification = facts.classification
        if classification.kinds.isEmpty {
            // Human mail with no recognisable request: a person reads it;
            // a receipt for "your request" would be wrong.
            return .newRequest(state: .needsReview, reason: "no request recognised", sendReceipt: false)
        }
        if facts.verdict.isFail {
            // Carried out by nobody (fulfilment sends it to a person), answered to nobody.
            return .newRequest(state: .received, reason: nil, sendReceipt: false)
        }
        if classification.onBehalf {
            return .newRequest(state: .needsReview, reason: "on behalf of another person", sendReceipt: true)
        }
        if classification.confidence < reviewConfidence {
            return .newRequest(state: .needsReview, reason: "low confidence", sendReceipt: true)
        }
        return .newRequest(state: .received, reason: nil, sendReceipt: true)
    }

    /// Addresses that are machines by name: never answered.
    public static func isSystemSender(_ address: String?) -> Bool {
        guard let address else { return false }
        let local = address.split(separator: "@").first.map { $0.lowercased() } ?? ""
        return ["mailer-daemon", "postmaster", "noreply", "no-reply", "donotreply", "do-not-reply"].contains(local)
    }
}

import MailCore

/// Everything intake knows about one new message when it decides what the
/// message is: the reading, and what the database says about it.
public struct TriageFacts: Sendable {
    /// The first From address, if there is one.
    public var sender: String?
    /// What the company's mail server says about that sender.
    public var verdict: SenderVerdict
    /// `Return-Path: <>` (the null sender of bounces and reports).
    public var nullReturnPath: Bool
    /// The sender is dsrd's own address.
    public var fromOwnAddress: Bool
    public var auto: AutoMailVerdict
    public var classification: Classification
    /// The reader stopped at a limit or found nothing readable.
    public var unreadable: Bool
    /// An earlier ledger row with the same Message-ID or the same bytes.
    public var duplicateOf: DuplicateMatch?
    /// For a bounce: the reply of ours it returns, when it could be found.
    public var bouncedReply: ReplyMatch?
    /// An open or closed request this message continues (quoted reference,
    /// or a reply to one of our messages), from the same person.
    public var thread: ThreadMatch?
    /// Messages from this sender in the loop-guard window before this one.
    public var recentFromSender: Int
    public var loopGuardLimit: Int
    /// An open request of this sender's that this message repeats.
    public var repeatOf: RepeatMatch?
    /// Requests (not `ignored`) this sender opened within the sender window.
    public var requestsFromSender: Int
    /// Requests (not `ignored`) opened within the global window by senders
    /// in this sender's budget (authenticated or not).
    public var requestsFromEveryone: Int
    public var limits: AbuseLimits

    public init(
        sender: String?, nullReturnPath: Bool, fromOwnAddress: Bool, auto: AutoMailVerdict,
        classification: Classification, unreadable: Bool = false, duplicateOf: DuplicateMatch? = nil,
        bouncedReply: ReplyMatch? = nil, thread: ThreadMatch? = nil, recentFromSender: Int = 0,
        loopGuardLimit: Int = 5, repeatOf: RepeatMatch? = nil, requestsFromSender: Int = 0,
        requestsFromEveryone: Int = 0, limits: AbuseLimits = .standard, verdict: SenderVerdict = .unverified(.noResults)
    ) {
        self.sender = sender
        self.verdict = verdict
        self.nullReturnPath = nullReturnPath
        self.fromOwnAddress = fromOwnAddress
        self.auto = auto
        self.classification = classification
        self.unreadable = unreadable
        self.duplicateOf = duplicateOf
        self.bouncedReply = bouncedReply
        self.thread = thread
        self.recentFromSender = recentFromSender
        self.loopGuardLimit = loopGuardLimit
        self.repeatOf = repeatOf
        self.requestsFromSender = requestsFromSender
        self.requestsFromEveryone = requestsFromEveryone
        self.limits = limits
    }
}

public struct DuplicateMatch: Sendable, Equatable {
    public var inboundID: Int
    public var requestID: Int?
    public init(inboundID: Int, requestID: Int?) {
        self.inboundID = inboundID
        self.requestID = requestID
    }
}

public struct ReplyMatch: Sendable, Equatable {
    public var outboxID: Int
    public var requestID: Int?
    public init(outboxID: Int, requestID: Int?) {
        self.outboxID = outboxID
        self.requestID = requestID
    }
}

public struct ThreadMatch: Sendable, Equatable {
    public var requestID: Int
    public var state: RequestState
    public init(requestID: Int, state: RequestState) {
        self.requestID = requestID
        self.state = state
    }
}

/// How many new requests intake acknowledges before it holds further ones
/// for a person (GDPR Art. 12(5): manifestly excessive requests; and a
/// flood of forged mail must not make dsrd send a flood of receipts).
public struct AbuseLimits: Sendable, Equatable {
    /// New requests one address may open per `senderWindowHours`.
    public var senderRequests: Int
    public var senderWindowHours: Int
    /// New requests all authenticated senders together (the company's mail
    /// server vouches for their From) may open per `globalWindowMinutes`.
    public var globalRequests: Int
    /// The same for all other senders: a separate, smaller budget, so a
    /// flood of forged mail cannot use up the genuine senders' budget.
    public var globalUnauthenticatedRequests: Int
    public var globalWindowMinutes: Int
    /// Requests naming one address as the writer's own ("my registered
    /// address is …") that may ask that address to confirm per
    /// `senderWindowHours`; further ones go to a person.
    public var claimsPerAddress: Int
    /// A request identical to an open one from the same address within this
    /// many days is a repeat of it.
    public var repeatWindowDays: Int

    public init(senderRequests: Int, senderWindowHours: Int, globalRequests: Int, globalWindowMinutes: Int,
                repeatWindowDays: Int, globalUnauthenticatedRequests: Int = 50, claimsPerAddress: Int = 3) {
        self.senderRequests = senderRequests
        self.senderWindowHours = senderWindowHours
        self.globalRequests = globalRequests
        self.globalUnauthenticatedRequests = globalUnauthenticatedRequests
        self.globalWindowMinutes = globalWindowMinutes
        self.claimsPerAddress = claimsPerAddress
        self.repeatWindowDays = repeatWindowDays
    }

    public static let standard = AbuseLimits(senderRequests: 5, senderWindowHours: 24, globalRequests: 200,
                                             globalWindowMinutes: 60, repeatWindowDays: 30,
                                             globalUnauthenticatedRequests: 50, claimsPerAddress: 3)

    /// The global budget for a sender that is (or is not) authenticated.
    public func globalBudget(authenticated: Bool) -> Int {
        authenticated ? globalRequests : globalUnauthenticatedRequests
    }
}

/// Which abuse limit held a new request back.
public enum AbuseLimit: Sendable, Equatable {
    /// `requests` requests from this address within `hours` (the limit).
    case sender(requests: Int, hours: Int)
    /// `requests` requests from everyone within `minutes` (the limit), in
    /// the budget of authenticated or of unauthenticated senders.
    case global(requests: Int, minutes: Int, authenticated: Bool)

    /// The request's state reason: the numbers, never the address.
    public var reason: String {
        switch self {
        case .sender(let requests, let hours): "abuse limit: sender (\(requests) requests within \(hours) hours)"
        case .global(let requests, let minutes, let authenticated):
            "abuse limit: global, \(authenticated ? "authenticated" : "unauthenticated") senders "
                + "(\(requests) requests within \(minutes) minutes)"
        }
    }

    /// `sender` or `global`, for the audit event's details.
    public var scope: String {
        switch self {
        case .sender: "sender"
        case .global: "global"
        }
    }
}

/// An open request the new message repeats: the same address, the same
/// kinds and the same extracted fields.
public struct RepeatMatch: Sendable, Equatable {
    public var requestID: Int
    public init(requestID: Int) {
        self.requestID = requestID
    }
}

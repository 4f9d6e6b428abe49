/// How many new requests intake acknowledges before it holds further ones
/// for a person (GDPR Art. 12(5): manifestly excessive requests; and a
/// flood of forged mail must not make dsrd send a flood of receipts).
public struct AbuseLimits: Sendable, Equatable {
    /// New requests one address may open per `senderWindowHours`.
    public var senderRequests: Int
    public var senderWindowHours: Int
    /// New requests all addresses together may open per `globalWindowMinutes`.
    public var globalRequests: Int
    public var globalWindowMinutes: Int
    /// A request identical to an open one from the same address within this
    /// many days is a repeat of it.
    public var repeatWindowDays: Int

    public init(senderRequests: Int, senderWindowHours: Int, globalRequests: Int, globalWindowMinutes: Int,
                repeatWindowDays: Int) {
        self.senderRequests = senderRequests
        self.senderWindowHours = senderWindowHours
        self.globalRequests = globalRequests
        self.globalWindowMinutes = globalWindowMinutes
        self.repeatWindowDays = repeatWindowDays
    }

    public static let standard = AbuseLimits(senderRequests: 5, senderWindowHours: 24, globalRequests: 200,
                                             globalWindowMinutes: 60, repeatWindowDays: 30)
}

/// Which abuse limit held a new request back.
public enum AbuseLimit: Sendable, Equatable {
    /// `requests` requests from this address within `hours` (the limit).
    case sender(requests: Int, hours: Int)
    /// `requests` requests from everyone within `minutes` (the limit).
    case global(requests: Int, minutes: Int)

    /// The request's state reason: the numbers, never the address.
    public var reason: String {
        switch self {
        case .sender(let requests, let hours): "abuse limit: sender (\(requests) requests within \(hours) hours)"
        case .global(let requests, let minutes): "abuse limit: global (\(requests) requests within \(minutes) minutes)"
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

import MailCore

/// What the message that opened a request says, read once by intake and
/// stored with the request (`dsr.requests.reading`), so fulfilment acts on
/// what was read then and never goes back to the mail for its meaning.
public struct RequestReading: Sendable, Equatable, Codable {
    /// The From addresses, as written (more than one goes to a person).
    public var senders: [String]
    /// Addresses the writer names as their registered one.
    public var claims: [String]
    /// How much an erasure asks to erase (nil without an erasure).
    public var erasureScope: ErasureScope?
    /// What an objection in these words would be about (read whether or not
    /// the classifier found one: an operator may approve one it missed).
    public var objectionScope: ObjectionScope
    /// The thread's Message-IDs, to thread replies under (bounded).
    public var threadReferences: [String]

    /// Nothing read: no stored message (a request from before intake kept
    /// its reading, whose bytes are gone). It resolves to a person.
    public static let none = RequestReading(senders: [], claims: [], erasureScope: nil, objectionScope: .both,
                                            threadReferences: [])

    public init(senders: [String], claims: [String], erasureScope: ErasureScope?, objectionScope: ObjectionScope,
                threadReferences: [String]) {
        self.senders = senders
        self.claims = claims
        self.erasureScope = erasureScope
        self.objectionScope = objectionScope
        self.threadReferences = threadReferences
    }

    /// The reading of `message`, whose cleaned subject and new text are
    /// `subject` and `body`, classified as `classification`.
    public init(_ message: ParsedMessage, subject: String, body: String, classification: Classification) {
        self.init(
            senders: message.from.map(\.address),
            claims: RegisteredAddressClaim.find(in: body),
            erasureScope: classification.erasureScope,
            objectionScope: ObjectionScope.from(text: subject + "\n" + body),
            threadReferences: ThreadReferences.capped(message.references, inReplyTo: nil))
    }

    enum CodingKeys: String, CodingKey {
        case senders, claims
        case erasureScope = "erasure_scope"
        case objectionScope = "objection_scope"
        case threadReferences = "thread_references"
    }
}

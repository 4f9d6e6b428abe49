/// A field of the customer record a rectification can name a new value for.
public enum RectificationField: String, Sendable, CaseIterable, Codable, Comparable {
    case firstName = "first_name"
    case lastName = "last_name"
    case email
    case phone
    case organization
    case title
    case dietary
    case address
    case nationality

    public static func < (lhs: RectificationField, rhs: RectificationField) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// What the classifier made of one message.
public struct Classification: Sendable, Equatable {
    /// The kinds asked for; empty means "other" (no request).
    public var kinds: Set<RequestKind>
    public var language: Language
    /// 0...1. Low for vague mail that a person should look at.
    public var confidence: Double
    /// The rules and phrases that decided it, never sentences of the mail.
    public var evidence: [String]
    /// The writer asks on behalf of another person.
    public var onBehalf: Bool
    /// New values named in a rectification request.
    public var fields: [RectificationField: String]
    /// How much an erasure asks to erase (nil without an erasure).
    public var erasureScope: ErasureScope?

    public init(
        kinds: Set<RequestKind>, language: Language, confidence: Double, evidence: [String],
        onBehalf: Bool, fields: [RectificationField: String], erasureScope: ErasureScope? = nil
    ) {
        self.kinds = kinds
        self.language = language
        self.confidence = confidence
        self.evidence = evidence
        self.onBehalf = onBehalf
        self.fields = fields
        self.erasureScope = erasureScope ?? (kinds.contains(.erase) ? .everything : nil)
    }

    /// True when the message asks for nothing dsrd handles.
    public var isOther: Bool { kinds.isEmpty }
}

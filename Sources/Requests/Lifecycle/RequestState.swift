/// Where a request stands. Every change is written to the audit trail.
public enum RequestState: String, Sendable, CaseIterable, Codable {
    /// Recorded and acknowledged; waiting to be carried out.
    case received
    /// Waiting for the data subject to confirm by reply.
    case awaitingConfirmation = "awaiting_confirmation"
    /// A person must decide (vague, on behalf of someone, a bounce, a loop …).
    case needsReview = "needs_review"
    case completed
    case rejected
    /// Machine mail, our own mail: recorded, never answered.
    case ignored

    /// The states in which a request still has to be answered, for SQL
    /// (`state = ANY($1)`) and listings.
    public static let open: [RequestState] = allCases.filter(\.isOpen)

    /// States in which the request still has to be answered.
    public var isOpen: Bool {
        switch self {
        case .received, .awaitingConfirmation, .needsReview: true
        case .completed, .rejected, .ignored: false
        }
    }
}

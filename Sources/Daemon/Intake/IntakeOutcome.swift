/// What recording one message came to, for the IMAP step after COMMIT and
/// for the log. No personal data: ids, words, the reference.
public struct IntakeOutcome: Sendable, Equatable {
    public enum Destination: Sendable, Equatable {
        case processed
        case review
    }

    public var inboundID: Int
    /// The ledger's outcome word (`request`, `duplicate`, `auto`, …).
    public var outcome: String
    public var requestReference: String?
    public var requestState: String?
    public var repliesQueued: Int
    public var destination: Destination
    /// Whether the ledger's outcome was written with the request
    /// (`RequestStates.Opening`), so that it need not be written again.
    var outcomeWritten = false
}

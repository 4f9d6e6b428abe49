/// The kinds of machine-generated mail that are never answered.
public enum AutoMailKind: String, Sendable, CaseIterable {
    /// Out-of-office and other automatic replies (RFC 3834).
    case autoReply
    /// Delivery status notifications and bounces.
    case bounce
    /// Mailing-list and bulk mail.
    case bulk
    /// ARF abuse/feedback reports (RFC 5965).
    case feedbackReport
    /// Read receipts (message disposition notifications, RFC 8098).
    case readReceipt
}

/// Whether a message is machine-generated, why, and for bounces the
/// Message-ID of the returned original when it can be found.
public struct AutoMailVerdict: Sendable, Equatable {
    public let kind: AutoMailKind?
    /// A fixed, data-free description of the signal, e.g. "Auto-Submitted header".
    public let reason: String?
    public var isAuto: Bool { kind != nil }
    /// The returned original's Message-ID (without brackets), for bounces.
    public let originalMessageID: String?

    public init(kind: AutoMailKind?, reason: String?, originalMessageID: String? = nil) {
        self.kind = kind
        self.reason = reason
        self.originalMessageID = originalMessageID
    }

    public static let human = AutoMailVerdict(kind: nil, reason: nil)
}

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
    /// A delivery status notification in the RFC 3464 structure
    /// (multipart/report with a message/delivery-status part), whose
    /// original's Message-ID was read from that structure alone. Only such
    /// a bounce (with a null Return-Path) is counted against one of our
    /// replies: a "bounce" anyone can write in prose changes nothing.
    public let isDeliveryStatusNotification: Bool

    public init(kind: AutoMailKind?, reason: String?, originalMessageID: String? = nil,
                isDeliveryStatusNotification: Bool = false) {
        self.kind = kind
        self.reason = reason
        self.originalMessageID = originalMessageID
        self.isDeliveryStatusNotification = isDeliveryStatusNotification
    }

    public static let human = AutoMailVerdict(kind: nil, reason: nil)
}

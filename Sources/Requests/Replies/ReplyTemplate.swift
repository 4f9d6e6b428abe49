/// The replies dsrd can send. The raw value is the template's file name
/// without `.txt` (`Templates/nb/access_completed.txt`).
public enum ReplyTemplate: String, Sendable, CaseIterable, Codable {
    /// Acknowledges a request and names its due date.
    case receipt
    case accessCompleted = "access_completed"
    case rectifyCompleted = "rectify_completed"
    case eraseCompleted = "erase_completed"
    case objectCompleted = "object_completed"
    /// Asks the writer to confirm the request from the mailbox it concerns.
    case confirmationNeeded = "confirmation_needed"
    case confirmationReminder = "confirmation_reminder"
    case confirmationExpired = "confirmation_expired"
    /// Nothing is held about the writer.
    case noData = "no_data"
    /// The request cannot be carried out without more details.
    case moreInformation = "more_information"
    /// The deadline is extended by up to two months (Art. 12(3)).
    case `extension`
    /// The request is refused; tells of the rights under Art. 12(4).
    case refusal
    /// The copy of the data is too large to send by mail; a person takes over.
    case accessTooLarge = "access_too_large"
    /// Tells a partner that received a person's data of an erasure,
    /// rectification or objection (Art. 19). Sent to the partner, not the person.
    case partnerNotice = "partner_notice"
    /// A note to the people who run the mailbox, not to the data subject.
    case operatorNote = "operator_note"

    /// A reply that tells the writer all a receipt would (the request
    /// arrived, its reference, what it asks or what was done) and more: a
    /// receipt still waiting in the queue when one of these is queued is
    /// not sent.
    public var standsInForTheReceipt: Bool {
        switch self {
        case .accessCompleted, .rectifyCompleted, .eraseCompleted, .objectCompleted, .noData, .confirmationNeeded:
            true
        case .receipt, .confirmationReminder, .confirmationExpired, .moreInformation, .extension, .refusal,
             .accessTooLarge, .partnerNotice, .operatorNote:
            false
        }
    }

    /// `receipt.txt`.
    public var fileName: String { rawValue + ".txt" }
}

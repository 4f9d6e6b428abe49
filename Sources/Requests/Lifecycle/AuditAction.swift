/// What an audit event records (`dsr.audit_events.action`). The trail is
/// the legal record of what dsrd did and why: its words are fixed here, in
/// one place, and never written as free strings.
public enum AuditAction: String, Sendable, CaseIterable, Codable {
    // A request opens.
    case received
    case ignored
    // Intake's events about messages.
    case duplicateReceived = "duplicate_received"
    case unreadable
    case oversized
    case quarantined
    /// A sender's mail beyond the storage cap: recorded without its bytes.
    case overStorageCap = "over_storage_cap"
    case rateLimited = "rate_limited"
    case repeatReceived = "repeat_received"
    case followUpReceived = "follow_up_received"
    case replyBounced = "reply_bounced"
    // Moves of the request (`RequestLifecycle`).
    case review
    case confirmationRequested = "confirmation_requested"
    case confirmed
    case declined
    case confirmationExpired = "confirmation_expired"
    case completed
    case approved
    case rejected
    case extended
    case replyFailed = "reply_failed"
    // An operator's word on a request that changes nothing (`dsrd requests note`).
    case note
    // Confirmation by code.
    case confirmationReminded = "confirmation_reminded"
    case confirmationRefused = "confirmation_refused"
    // Carrying a request out.
    case accessSent = "access_sent"
    case accessNoData = "access_no_data"
    case rectified
    case objectionApplied = "objection_applied"
    case erased
    case eraseNoData = "erase_no_data"
    case consentDataErased = "consent_data_erased"
    case partnerNoticeUnaddressed = "partner_notice_unaddressed"
    case partnerNoticeUnidentified = "partner_notice_unidentified"
    // Mail.
    case replyQueued = "reply_queued"
    case noticeQueued = "notice_queued"
    case replySent = "reply_sent"
    /// A receipt not yet sent was taken out of the queue because the answer
    /// (or the request to confirm) was queued first: one mail instead of two.
    case receiptWithdrawn = "receipt_withdrawn"
    // An operator's hand on the outbox (`dsrd outbox retry|cancel`).
    case outboxRetried = "outbox_retried"
    case outboxCancelled = "outbox_cancelled"
    // Daily jobs.
    case heldRowsPurged = "held_rows_purged"
    /// The retention job's counts: mail cleared, values redacted, cases deleted.
    case retentionApplied = "retention_applied"
    // dsrd's own records.
    /// A completed erasure, answered: the person removed from `dsr.*`.
    case ownRecordsErased = "own_records_erased"
}

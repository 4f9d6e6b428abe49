/// Where a message in `dsr.outbox` stands.
public enum OutboxState: String, Sendable, CaseIterable, Codable {
    /// Waiting to be sent (again) at its `next_attempt_at`.
    case pending
    /// Accepted by the SMTP server.
    case sent
    /// Refused for good, or out of attempts: never tried again by itself.
    case failed
    /// Taken out of the queue by an operator (`dsrd outbox cancel`).
    case cancelled
}

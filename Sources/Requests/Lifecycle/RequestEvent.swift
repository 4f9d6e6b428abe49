/// What happens to a request, as `RequestLifecycle` reads it. Each event
/// names who or what caused it; the lifecycle decides whether it moves the
/// request and where.
public enum RequestEvent: Sendable, Equatable {
    // Fulfilment.
    /// A rule of dsrd's needs a person (failed authentication, an unclear
    /// answer, a map that does not fit …).
    case sentToReview(reason: String)
    /// The address concerned was asked to confirm with a code.
    case confirmationAsked
    /// A reply with a live code and an explicit yes.
    case confirmed
    /// A reply with a live code and a no.
    case declined
    /// No confirmation within `days`.
    case confirmationExpired(days: Int)
    /// Carried out (or answered with "no data").
    case completed(reason: String?)
    /// Carrying it out stopped the process `attempts` times.
    case setAside(reason: String)

    // Intake.
    /// The data subject wrote again in the request's thread.
    case followUpArrived
    /// One of our replies came back (a delivery status report).
    case replyBounced

    // Delivery.
    /// A reply will never be delivered (refused for good, or out of attempts).
    case replyFailed(reason: String)

    // Operators.
    /// Approved for `kinds` by `decider` (identity settled another way).
    case approved(kinds: [RequestKind], by: String)
    /// Refused with `reason`, which the data subject reads.
    case rejected(reason: String)
    /// The deadline moved to `until` (Art. 12(3)); the state stays.
    case extended(until: Day, reason: String)
    /// Carried out by a person outside dsrd (a copy handed over another
    /// way, a correction made by hand, a restriction); `note` says what
    /// was done, for the audit trail.
    case completedByOperator(note: String)
}

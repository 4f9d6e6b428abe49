import Requests

extension DaemonConfig {
    /// Carrying out requests on the customer database (`fulfilment`).
    public struct Fulfilment: Sendable, Equatable {
        /// The largest access copy sent by mail; a larger one goes to review.
        public var maximumAttachmentBytes: Int

        public static let standard = Fulfilment(maximumAttachmentBytes: 10 << 20)
    }

    /// Who is asking (`identity`): whose Authentication-Results count, which
    /// aliases are one mailbox, and how long a confirmation may take.
    public struct Identity: Sendable, Equatable {
        /// authserv-ids of the company's own receiving mail servers.
        public var trustedAuthservIDs: [String]
        /// `Received:` lines of the company's internal relays above the MX's own.
        public var internalReceivedHops: Int = 0
        /// Where the MX writes its Authentication-Results.
        public var resultsPosition: SenderTrust.ResultsPosition = .above
        /// Read Authentication-Results without an authserv-id (Exchange Online).
        public var resultsWithoutAuthservID = false
        public var aliasRules: AliasRules
        public var confirmationExpiryDays: Int
        /// Nil: no reminder.
        public var confirmationReminderDays: Int?

        public static let standard = Identity(trustedAuthservIDs: [], aliasRules: .exact, confirmationExpiryDays: 7,
                                              confirmationReminderDays: 3)

        /// Whose Authentication-Results count, as intake and fulfilment read them.
        public var senderTrust: SenderTrust {
            SenderTrust(trustedAuthservIDs: trustedAuthservIDs, internalReceivedHops: internalReceivedHops,
                        resultsPosition: resultsPosition, readsResultsWithoutAuthservID: resultsWithoutAuthservID)
        }

        public var confirmationPolicy: ConfirmationPolicy {
            ConfirmationPolicy(expiryDays: confirmationExpiryDays, reminderDays: confirmationReminderDays)
        }
    }

    /// Abuse limits on new requests (`limits`): the pure type intake's policy reads.
    public typealias Limits = AbuseLimits

    /// The operators' daily digest (`digest`); nil address: none is sent.
    public struct Digest: Sendable, Equatable {
        public var address: String?
        /// Hour of the day (Europe/Oslo) at or after which it is sent.
        public var hour: Int

        public static let standard = Digest(address: nil, hour: 7)
    }

    /// Who is told at once when a request needs a person (`operators`).
    public struct Operators: Sendable, Equatable {
        public var address: String?
        /// Notes sent in an hour at most; the rest wait for the digest.
        public var maxAlertsPerHour: Int = 30
    }

    /// What the daemon reports for monitoring (`metrics`).
    public struct Metrics: Sendable, Equatable {
        /// A Prometheus textfile rewritten after each round; nil: none.
        public var textfile: String?
    }
}

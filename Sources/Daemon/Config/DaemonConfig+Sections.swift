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
        public var aliasRules: AliasRules
        public var confirmationExpiryDays: Int
        /// Nil: no reminder.
        public var confirmationReminderDays: Int?

        public static let standard = Identity(trustedAuthservIDs: [], aliasRules: .exact, confirmationExpiryDays: 7,
                                              confirmationReminderDays: 3)

        public var confirmationPolicy: ConfirmationPolicy {
            ConfirmationPolicy(expiryDays: confirmationExpiryDays, reminderDays: confirmationReminderDays)
        }
    }

    /// Abuse limits on new requests (`limits`).
    public struct Limits: Sendable, Equatable {
        /// New requests one address may open per `senderWindowHours`.
        public var senderRequests: Int
        public var senderWindowHours: Int
        /// New requests all addresses together may open per `globalWindowMinutes`.
        public var globalRequests: Int
        public var globalWindowMinutes: Int
        /// A request identical to an open one from the same address within
        /// this many days is linked to it, not processed again.
        public var repeatWindowDays: Int

        public static let standard = Limits(senderRequests: 5, senderWindowHours: 24, globalRequests: 200,
                                            globalWindowMinutes: 60, repeatWindowDays: 30)
    }

    /// The operators' daily digest (`digest`); nil address: none is sent.
    public struct Digest: Sendable, Equatable {
        public var address: String?
        /// Hour of the day (Europe/Oslo) at or after which it is sent.
        public var hour: Int

        public static let standard = Digest(address: nil, hour: 7)
    }
}

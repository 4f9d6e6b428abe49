import Store
import Transport

/// dsrd's configuration, validated, with its secrets read.
public struct DaemonConfig: Sendable {
    public struct IMAP: Sendable {
        public var server: MailServerSettings
        public var mailbox: MailboxName
        /// Where handled mail is moved after it is recorded.
        public var processedMailbox: MailboxName
        /// Where unreadable or oversized mail is moved for a person.
        public var reviewMailbox: MailboxName
    }

    public struct Organisation: Sendable {
        public var name: String
        /// Where people reach the company about privacy: the privacy
        /// contact, or the data protection officer when one is designated.
        public var dpoAddress: String
        /// Whether a data protection officer is formally designated (GDPR
        /// Art. 37, notified to Datatilsynet). Only then do the replies use
        /// the title "personvernombud" / "data protection officer"; otherwise
        /// "personvernansvarlig" / "privacy contact" (WP243 rev.01).
        public var dpoDesignated: Bool

        public init(name: String, dpoAddress: String, dpoDesignated: Bool = false) {
            self.name = name
            self.dpoAddress = dpoAddress
            self.dpoDesignated = dpoDesignated
        }
    }

    /// Limits of intake: message size and the loop guard.
    public struct Intake: Sendable {
        public var maximumMessageBytes: Int
        public var loopGuardMessages: Int
        public var loopGuardWindowMinutes: Int
    }

    public var imap: IMAP
    public var intake: Intake
    public var smtp: MailServerSettings
    /// The address replies come from (and the envelope sender).
    public var sender: String
    public var postgres: PostgresConfiguration
    public var pollIntervalSeconds: Int
    public var templatesDirectory: String?
    public var dataMapPath: String?
    public var organisation: Organisation
    public var logLevel: LogLevel
    /// Key for `PersonRef`: the keyed hash that names people in logs.
    public var logIDKey: [UInt8]
    /// The file this was read from, when there was one.
    public var sourcePath: String?
    /// Delivery attempts of one reply before it is marked failed (`delivery.max_attempts`).
    public var deliveryMaxAttempts: Int = RetryPolicy.standard.maxAttempts
    public var fulfilment: Fulfilment = .standard
    public var identity: Identity = .standard
    public var limits: Limits = .standard
    public var digest: Digest = .standard
    /// Where the operators are told at once of a request that needs them
    /// (`operators.address`); nil: the digest's address.
    public var operatorsAddress: String?
    /// Operators' notes sent in an hour at most (`operators.max_alerts_per_hour`).
    public var maxOperatorAlertsPerHour = 30
    /// A Prometheus textfile written after each round (`metrics.textfile`); nil: none.
    public var metricsTextfile: String?
    /// Key of the suppression list's keyed hash (HMAC-SHA256 of addresses);
    /// required with a data map. Changing it orphans the list.
    public var suppressionKey: [UInt8]?

    /// Who is told when a request needs a person: `operators.address`,
    /// else `digest.address`; nil: nobody.
    public var operatorAlerts: OperatorAlerts? {
        (operatorsAddress ?? digest.address).map { OperatorAlerts(address: $0, maximumPerHour: maxOperatorAlertsPerHour) }
    }
}

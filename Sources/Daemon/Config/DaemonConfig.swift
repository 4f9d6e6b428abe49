import Requests
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

    /// Limits of intake: message size, storage per sender and the loop guard.
    public struct Intake: Sendable {
        public var maximumMessageBytes: Int
        public var loopGuardMessages: Int
        public var loopGuardWindowMinutes: Int
        /// Bytes of one sender's mail stored within 24 hours; further mail
        /// is recorded without its bytes and goes to review.
        public var maximumStoredBytesPerSenderPerDay: Int = Self.standardStoredBytesPerSenderPerDay

        public static let standardStoredBytesPerSenderPerDay = 50 << 20
    }

    /// The role that owns schema `dsr`, used only by `dsrd migrate`
    /// (`postgres.migration_user`, `postgres.migration_password`). Its
    /// password stays a reference until `dsrd migrate` reads it: the daemon
    /// never holds it.
    public struct SchemaOwner: Sendable, Equatable {
        public var user: String
        public var password: SecretReference?
    }

    public var imap: IMAP
    public var intake: Intake
    public var smtp: MailServerSettings
    /// The address replies come from (and the envelope sender).
    public var sender: String
    /// The daemon's own role and connection.
    public var postgres: PostgresConfiguration
    /// Nil: not configured (`dsrd migrate` refuses to run without it).
    public var schemaOwner: SchemaOwner?
    public var pollIntervalSeconds: Int
    public var templatesDirectory: String?
    /// The site's templates (`site_templates_dir`): a file there replaces
    /// the shipped file of the same name, one by one; nil: none.
    public var siteTemplatesDirectory: String? = nil
    public var dataMapPath: String?
    public var organisation: Organisation
    public var logLevel: LogLevel
    /// Key for `PersonRef`: the keyed hash that names people in logs.
    public var logIDKey: [UInt8]
    /// The file this was read from, when there was one.
    public var sourcePath: String?
    /// Delivery attempts of one reply before it is marked failed (`delivery.max_attempts`).
    public var deliveryMaxAttempts: Int = RetryPolicy.standard.maxAttempts
    /// How long a new receipt waits before delivery takes it
    /// (`delivery.receipt_grace_seconds`): an answer queued meanwhile stands
    /// in for it, so a request answered at once gets one mail, not two.
    public var receiptGraceSeconds: Int = DaemonConfig.defaultReceiptGraceSeconds
    public static let defaultReceiptGraceSeconds = 30
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
    /// How long dsrd's own records are kept (`retention`).
    public var retention: RetentionPolicy = .standard
    /// Key of the suppression list's keyed hash (HMAC-SHA256 of addresses);
    /// required with a data map. Changing it orphans the list.
    public var suppressionKey: [UInt8]?

    /// Who is told when a request needs a person: `operators.address`,
    /// else `digest.address`; nil: nobody.
    public var operatorAlerts: OperatorAlerts? {
        (operatorsAddress ?? digest.address).map { OperatorAlerts(address: $0, maximumPerHour: maxOperatorAlertsPerHour) }
    }
}

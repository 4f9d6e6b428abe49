/// A partner that received a person's data, to be told of an erasure or
/// rectification (GDPR Art. 19), or asked not to use a list after an
/// objection. One notice is queued per partner, in the partner's language.
public struct PartnerNotice: Sendable, Equatable {
    public struct Disclosure: Sendable, Equatable {
        public var day: Day
        /// The fields disclosed, as the customer database names them (may be empty).
        public var fields: [String]

        public init(day: Day, fields: [String]) {
            self.day = day
            self.fields = fields
        }
    }

    public var partnerName: String
    /// The partner's privacy contact; nil when the database has none (review).
    public var privacyAddress: String?
    /// Oldest first.
    public var disclosures: [Disclosure]
    /// The person's values in the subject table's columns that were
    /// disclosed to this partner (column → value; NULLs left out), read
    /// before anything changed: what the partner can find the person by.
    public var received: [String: String]
    /// The partner's language as the customer database holds it (the map's
    /// `partner_language_column`), if any.
    public var storedLanguage: String?

    public init(partnerName: String, privacyAddress: String?, disclosures: [Disclosure], received: [String: String] = [:],
                storedLanguage: String? = nil) {
        self.partnerName = partnerName
        self.privacyAddress = privacyAddress
        self.disclosures = disclosures
        self.received = received
        self.storedLanguage = storedLanguage
    }

    /// The language the notice is written in: the stored one, else bokmål
    /// for a privacy address under `.no` and English for any other.
    public var language: ReplyLanguage {
        ReplyLanguage.forPartner(stored: storedLanguage, address: privacyAddress)
    }

    /// The columns disclosed to the partner, in the order the disclosures
    /// name them, each once.
    public var disclosedColumns: [String] {
        var seen: Set<String> = []
        return disclosures.flatMap(\.fields).filter { seen.insert($0).inserted }
    }

    /// Whether the partner received the person's e-mail address: the
    /// disclosures name `emailColumn`, or one of them does not say what it
    /// held (then it may have been everything).
    public func receivedAddress(emailColumn: String) -> Bool {
        disclosures.isEmpty || disclosures.contains { $0.fields.isEmpty || $0.fields.contains(emailColumn) }
    }
}

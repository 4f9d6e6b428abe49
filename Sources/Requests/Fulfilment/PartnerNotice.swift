/// A partner that received a person's data, to be told of an erasure or
/// rectification (GDPR Art. 19). One notice is queued per partner.
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

    public init(partnerName: String, privacyAddress: String?, disclosures: [Disclosure]) {
        self.partnerName = partnerName
        self.privacyAddress = privacyAddress
        self.disclosures = disclosures
    }
}

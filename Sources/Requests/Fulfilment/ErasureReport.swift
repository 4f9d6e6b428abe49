/// What an erasure (GDPR Art. 17) did: the categories erased, and the
/// records kept because a law requires it, with the day they go.
public struct ErasureReport: Sendable, Equatable {
    /// Records kept for now.
    public struct Kept: Sendable, Equatable {
        public var category: LocalizedText
        public var reason: LocalizedText
        /// The first day the records may be (and will be) erased.
        public var until: Day
        public var rows: Int

        public init(category: LocalizedText, reason: LocalizedText, until: Day, rows: Int) {
            self.category = category
            self.reason = reason
            self.until = until
            self.rows = rows
        }
    }

    /// Categories whose rows were erased, in map order.
    public var erased: [LocalizedText]
    /// One entry per category and hold end, earliest first.
    public var kept: [Kept]
    /// Rows erased (deleted or cleared) per mapped table, for the audit trail.
    public var rowsErased: [String: Int]
    /// Rows held per mapped table.
    public var rowsHeld: [String: Int]

    public init(erased: [LocalizedText] = [], kept: [Kept] = [], rowsErased: [String: Int] = [:], rowsHeld: [String: Int] = [:]) {
        self.erased = erased
        self.kept = kept
        self.rowsErased = rowsErased
        self.rowsHeld = rowsHeld
    }

    /// The values of the `erase_completed` template in `language`.
    /// `consentOnly`: only the consent-based data was erased (consent withdrawn).
    public func templateValues(_ language: ReplyLanguage, consentOnly: Bool = false) -> TemplateValues {
        [
            "consent_only": .flag(consentOnly),
            "erased": .list(erased.map { ["category": .text($0.text(language))] }),
            "kept": .list(kept.map {
                ["category": .text($0.category.text(language)), "reason": .text($0.reason.text(language)),
                 "until": .text(language.dateText($0.until))]
            }),
        ]
    }
}

/// The result of an erasure request.
public enum ErasureOutcome: Sendable, Equatable {
    /// No subject row has the address (reply `no_data`).
    case noData
    /// Erased; `partners` received the person's data earlier and must be told (Art. 19).
    case erased(ErasureReport, partners: [PartnerNotice])
}

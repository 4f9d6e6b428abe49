/// One table of the customer database that holds personal data, with what
/// the access reply says about it and what erasure, rectification and
/// objection do to it.
public struct MappedTable: Sendable, Codable, Equatable {
    /// Schema-qualified name (`schema.table`).
    public var table: String
    /// Primary-key column(s) of this table.
    public var key: [String]
    /// Joins from this table to the subject table's key; empty for the subject table.
    public var path: [PathStep]
    /// The category of personal data, as the access reply names it.
    public var category: LocalizedText
    /// The columns exported on access; nil exports every column.
    public var columns: [String]?
    /// Each exported column's name for people (`{"needs": {"en": "Dietary
    /// needs", "nb": "Kostbehov"}}`): the readable copy and the partner
    /// notices show these, never the column names.
    public var labels: [String: LocalizedText]
    public var purpose: LocalizedText
    public var legalBasis: LocalizedText
    public var retention: LocalizedText
    public var source: LocalizedText?
    public var recipients: LocalizedText?
    public var erasure: ErasureAction
    /// Only on the subject table: rectifiable field name → column.
    public var rectification: [String: String]?
    /// Only on the subject table.
    public var objection: ObjectionColumns?
    /// Data held by consent (Art. 9(2)(a)): erased alone when consent is withdrawn.
    public var consentData: Bool
    /// Special categories of personal data (Art. 9: health data such as
    /// dietary needs): the access reply tells the person the copy holds them.
    public var specialCategory: Bool
    /// Set when this table records disclosures to partners.
    public var disclosures: DisclosureSource?
    /// Set when rows of this table (or of a table on its path) may belong
    /// to several people, through several foreign keys to the subject
    /// table (a referral names two customers): the map then says that the
    /// path's key alone makes a row the person's, for access and erasure.
    /// Without it such a table is refused.
    public var sharedRows: Bool

    public var isSubjectTable: Bool { path.isEmpty }

    /// The label of `column` in `language`, if the map gives one.
    public func label(_ column: String, _ language: ReplyLanguage) -> String? {
        labels[column]?.text(language)
    }

    public init(
        table: String, key: [String], path: [PathStep], category: LocalizedText, columns: [String]? = nil,
        labels: [String: LocalizedText] = [:],
        purpose: LocalizedText, legalBasis: LocalizedText, retention: LocalizedText,
        source: LocalizedText? = nil, recipients: LocalizedText? = nil, erasure: ErasureAction,
        rectification: [String: String]? = nil, objection: ObjectionColumns? = nil,
        consentData: Bool = false, specialCategory: Bool = false, disclosures: DisclosureSource? = nil,
        sharedRows: Bool = false
    ) {
        self.table = table
        self.key = key
        self.path = path
        self.category = category
        self.columns = columns
        self.labels = labels
        self.purpose = purpose
        self.legalBasis = legalBasis
        self.retention = retention
        self.source = source
        self.recipients = recipients
        self.erasure = erasure
        self.rectification = rectification
        self.objection = objection
        self.consentData = consentData
        self.specialCategory = specialCategory
        self.disclosures = disclosures
        self.sharedRows = sharedRows
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case table, key, path, category, columns, labels, purpose
        case legalBasis = "legal_basis"
        case retention, source, recipients, erasure, rectification, objection
        case consentData = "consent_data"
        case specialCategory = "special_category"
        case disclosures
        case sharedRows = "shared_rows"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        table = try container.decode(String.self, forKey: .table)
        key = try container.decode([String].self, forKey: .key)
        path = try container.decode([PathStep].self, forKey: .path)
        category = try container.decode(LocalizedText.self, forKey: .category)
        columns = try container.decodeIfPresent([String].self, forKey: .columns)
        labels = try container.decodeIfPresent([String: LocalizedText].self, forKey: .labels) ?? [:]
        purpose = try container.decode(LocalizedText.self, forKey: .purpose)
        legalBasis = try container.decode(LocalizedText.self, forKey: .legalBasis)
        retention = try container.decode(LocalizedText.self, forKey: .retention)
        source = try container.decodeIfPresent(LocalizedText.self, forKey: .source)
        recipients = try container.decodeIfPresent(LocalizedText.self, forKey: .recipients)
        erasure = try container.decode(ErasureAction.self, forKey: .erasure)
        rectification = try container.decodeIfPresent([String: String].self, forKey: .rectification)
        objection = try container.decodeIfPresent(ObjectionColumns.self, forKey: .objection)
        consentData = try container.decodeIfPresent(Bool.self, forKey: .consentData) ?? false
        specialCategory = try container.decodeIfPresent(Bool.self, forKey: .specialCategory) ?? false
        disclosures = try container.decodeIfPresent(DisclosureSource.self, forKey: .disclosures)
        sharedRows = try container.decodeIfPresent(Bool.self, forKey: .sharedRows) ?? false
    }
}

/// How a mapped table records disclosures: which partner received the
/// person's data, when, and which fields.
public struct DisclosureSource: Sendable, Codable, Equatable {
    /// Column of the mapped table pointing at the partner.
    public var partnerColumn: String
    /// Schema-qualified table of partners.
    public var partnerTable: String
    /// The partner table's key that `partnerColumn` references.
    public var partnerKey: String
    public var partnerNameColumn: String
    /// The partner's privacy contact address, if known (to pass on erasures).
    public var partnerAddressColumn: String?
    /// Column of the mapped table with the date of the disclosure.
    public var dateColumn: String
    /// Column of the mapped table listing the disclosed fields (a text array), if any.
    public var fieldsColumn: String?
    /// Column of the partner table with the language the partner is written
    /// to in (`nb`, `en`, `sv` …, read as a writer's language), if any.
    /// Without it, or where it is empty, a partner whose privacy address is
    /// under a `.no` domain is written to in bokmål and any other in English.
    public var partnerLanguageColumn: String?

    public init(
        partnerColumn: String, partnerTable: String, partnerKey: String, partnerNameColumn: String,
        partnerAddressColumn: String? = nil, dateColumn: String, fieldsColumn: String? = nil,
        partnerLanguageColumn: String? = nil
    ) {
        self.partnerColumn = partnerColumn
        self.partnerTable = partnerTable
        self.partnerKey = partnerKey
        self.partnerNameColumn = partnerNameColumn
        self.partnerAddressColumn = partnerAddressColumn
        self.dateColumn = dateColumn
        self.fieldsColumn = fieldsColumn
        self.partnerLanguageColumn = partnerLanguageColumn
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case partnerColumn = "partner_column"
        case partnerTable = "partner_table"
        case partnerKey = "partner_key"
        case partnerNameColumn = "partner_name_column"
        case partnerAddressColumn = "partner_address_column"
        case dateColumn = "date_column"
        case fieldsColumn = "fields_column"
        case partnerLanguageColumn = "partner_language_column"
    }
}

/// How rows are held back from erasure because a law requires keeping them
/// (accounting records), and what is cleared from them meanwhile.
public struct HoldRule: Sendable, Codable, Equatable {
    /// The record's date; its calendar year is the financial year.
    public var dateColumn: String?
    /// The rows become erasable on 1 January of (financial year + 1 + this).
    public var yearsAfterFinancialYear: Int?
    /// The columns the law needs; every other nullable non-key column is set NULL.
    public var keepColumns: [String]
    /// Columns set NULL now in any case.
    public var clearColumns: [String]
    /// The column pointing at the person, set NULL now so the held row no
    /// longer leads back to them.
    public var detachColumn: String?
    /// Why the rows are kept, as told to the person.
    public var reason: LocalizedText?
    /// A parent table (`schema.table`) whose held rows these rows are kept with,
    /// for as long as the parent rows are kept.
    public var with: String?

    public init(
        dateColumn: String? = nil, yearsAfterFinancialYear: Int? = nil, keepColumns: [String] = [],
        clearColumns: [String] = [], detachColumn: String? = nil, reason: LocalizedText? = nil, with: String? = nil
    ) {
        self.dateColumn = dateColumn
        self.yearsAfterFinancialYear = yearsAfterFinancialYear
        self.keepColumns = keepColumns
        self.clearColumns = clearColumns
        self.detachColumn = detachColumn
        self.reason = reason
        self.with = with
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case dateColumn = "date_column"
        case yearsAfterFinancialYear = "years_after_financial_year"
        case keepColumns = "keep_columns"
        case clearColumns = "clear_columns"
        case detachColumn = "detach_column"
        case reason, with
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        dateColumn = try container.decodeIfPresent(String.self, forKey: .dateColumn)
        yearsAfterFinancialYear = try container.decodeIfPresent(Int.self, forKey: .yearsAfterFinancialYear)
        keepColumns = try container.decodeIfPresent([String].self, forKey: .keepColumns) ?? []
        clearColumns = try container.decodeIfPresent([String].self, forKey: .clearColumns) ?? []
        detachColumn = try container.decodeIfPresent(String.self, forKey: .detachColumn)
        reason = try container.decodeIfPresent(LocalizedText.self, forKey: .reason)
        with = try container.decodeIfPresent(String.self, forKey: .with)
    }
}

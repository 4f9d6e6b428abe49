/// Where an objection is recorded on the subject table: the column and the
/// value that means "objected".
public struct ObjectionColumns: Sendable, Codable, Equatable {
    /// Objection to sharing data with partners (Art. 21(1)).
    public var sharing: ColumnValue?
    /// Objection to direct marketing (Art. 21(2)–(3)).
    public var marketing: ColumnValue?

    public init(sharing: ColumnValue? = nil, marketing: ColumnValue? = nil) {
        self.sharing = sharing
        self.marketing = marketing
    }
}

/// A column and the fixed value it is set to.
public struct ColumnValue: Sendable, Codable, Equatable {
    public var column: String
    public var value: FixedValue

    public init(column: String, value: FixedValue) {
        self.column = column
        self.value = value
    }
}

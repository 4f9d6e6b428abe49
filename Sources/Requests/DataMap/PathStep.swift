/// One join on the way from a mapped table to the data subject: this table's
/// (or the previous step's table's) `column` equals `references`, a
/// schema-qualified column (`schema.table.column`).
public struct PathStep: Sendable, Codable, Equatable {
    public var column: String
    public var references: String

    public init(column: String, references: String) {
        self.column = column
        self.references = references
    }

    /// `references` split into its table (`schema.table`) and column, or nil
    /// when it does not have exactly three dot-separated parts.
    public var referencedColumn: (table: String, column: String)? {
        let parts = references.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        return (parts[0] + "." + parts[1], String(parts[2]))
    }
}

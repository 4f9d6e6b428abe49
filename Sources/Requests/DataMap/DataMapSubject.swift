/// The table with one row per data subject, and how a person is found in it.
public struct DataMapSubject: Sendable, Codable, Equatable {
    /// Schema-qualified table name (`schema.table`).
    public var table: String
    /// Its primary-key column.
    public var key: String
    /// The column holding the person's e-mail address.
    public var emailColumn: String
    /// The columns that make up the person's name, in reading order.
    public var nameColumns: [String]
    /// The column with the person's preferred language, if the database has one.
    public var languageColumn: String?

    public init(table: String, key: String, emailColumn: String, nameColumns: [String], languageColumn: String? = nil) {
        self.table = table
        self.key = key
        self.emailColumn = emailColumn
        self.nameColumns = nameColumns
        self.languageColumn = languageColumn
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case table, key
        case emailColumn = "email_column"
        case nameColumns = "name_columns"
        case languageColumn = "language_column"
    }
}

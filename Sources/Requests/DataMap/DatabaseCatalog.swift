/// What a database holds, as far as checking a data map needs: tables with
/// their columns, and foreign keys. Filled from the database's catalog.
public struct DatabaseCatalog: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        /// The catalog's type name (`bigint`, `text`, `ARRAY`, `timestamp with time zone` …).
        public var dataType: String
        public var isNullable: Bool

        public init(dataType: String, isNullable: Bool) {
            self.dataType = dataType
            self.isNullable = isNullable
        }
    }

    /// `table.column` references `referencedTable.referencedColumn`: one
    /// column pair of a foreign-key constraint. PostgreSQL only lets a
    /// foreign key reference a primary key or unique constraint, so a
    /// single-column one (`columnCount` 1) points at one row at most.
    public struct ForeignKey: Sendable, Equatable {
        public var table: String
        public var column: String
        public var referencedTable: String
        public var referencedColumn: String
        /// How many column pairs the constraint has (1 for a single-column key).
        public var columnCount: Int

        public init(table: String, column: String, referencedTable: String, referencedColumn: String,
                    columnCount: Int = 1) {
            self.table = table
            self.column = column
            self.referencedTable = referencedTable
            self.referencedColumn = referencedColumn
            self.columnCount = columnCount
        }
    }

    /// `schema.table` → column name → column.
    public var tables: [String: [String: Column]]
    public var foreignKeys: [ForeignKey]

    public init(tables: [String: [String: Column]] = [:], foreignKeys: [ForeignKey] = []) {
        self.tables = tables
        self.foreignKeys = foreignKeys
    }

    public func column(_ table: String, _ column: String) -> Column? {
        tables[table]?[column]
    }

    /// Whether `table.column` is a single-column foreign key to
    /// `referencedTable.referencedColumn`: a join along it reaches at most
    /// one row.
    public func isForeignKey(_ table: String, _ column: String, to referencedTable: String, _ referencedColumn: String) -> Bool {
        foreignKeys.contains {
            $0.table == table && $0.column == column && $0.referencedTable == referencedTable
                && $0.referencedColumn == referencedColumn && $0.columnCount == 1
        }
    }

    /// Whether values of these two types can be compared in a join: the same
    /// type, or both integers, both exact numbers or both character strings.
    public static func joinable(_ left: String, _ right: String) -> Bool {
        if left == right { return true }
        for family in typeFamilies where family.contains(left) && family.contains(right) { return true }
        return false
    }

    /// Whether the type is a date or a timestamp.
    public static func isDateLike(_ type: String) -> Bool {
        type == "date" || type.hasPrefix("timestamp")
    }

    private static let typeFamilies: [Set<String>] = [
        ["smallint", "integer", "bigint"],
        ["smallint", "integer", "bigint", "numeric"],
        ["text", "character varying", "character", "name"],
    ]
}

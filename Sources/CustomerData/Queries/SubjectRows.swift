import Requests

/// Builds the SELECT that reads one data subject's rows of a table, following
/// the table's path of joins to the subject key:
///
///     SELECT t0.* FROM "shop"."items" t0
///       JOIN "shop"."baskets" t1 ON t1."id" = t0."basket_id"
///     WHERE t1."person_id" = $1 ORDER BY t0."id"
///
/// The last step's column is compared with the subject key (bound as `$1`), so
/// the subject table itself is not joined. Names are validated and quoted.
public struct SubjectRows: Sendable, Equatable {
    /// `schema.table` of the rows read.
    public var table: String
    /// Primary-key column(s), for a stable row order.
    public var key: [String]
    /// Joins to the subject key; empty when `table` is the subject table.
    public var path: [PathStep]
    /// The subject table's key, compared when `path` is empty.
    public var subjectKey: String

    public init(table: String, key: [String], path: [PathStep], subjectKey: String) {
        self.table = table
        self.key = key
        self.path = path
        self.subjectKey = subjectKey
    }

    /// The rows of a mapped table; `subjectKey` is the subject table's key
    /// column (`DataMap.subject.key`).
    public init(_ table: MappedTable, subjectKey: String) {
        self.init(table: table.table, key: table.key, path: table.path, subjectKey: subjectKey)
    }

    /// `FROM … JOIN … WHERE … = $1`: the rows' table is `t0`.
    public func fromAndWhere() throws -> String {
        let parts = try fromAndCondition()
        return parts.from + " WHERE " + parts.condition
    }

    /// The same in two parts, for a statement that joins more tables before
    /// the condition: `FROM … JOIN …`, and the comparison with `$1`.
    public func fromAndCondition() throws -> (from: String, condition: String) {
        var sql = "FROM \(try SQLIdentifier.quoted(table, parts: 2)) t0"
        var current = "t0"
        for (index, step) in path.enumerated() {
            let column = try SQLIdentifier.quoted(step.column)
            if index == path.count - 1 {
                return (sql, "\(current).\(column) = $1")
            }
            let target = try SQLIdentifier.splitColumn(step.references)
            let alias = "t\(index + 1)"
            sql += " JOIN \(try SQLIdentifier.quoted(target.table, parts: 2)) \(alias)"
            sql += " ON \(alias).\(try SQLIdentifier.quoted(target.column)) = \(current).\(column)"
            current = alias
        }
        return (sql, "t0.\(try SQLIdentifier.quoted(subjectKey)) = $1")
    }

    /// The rows, with `columns` (all columns of the table when nil) in text
    /// form, ordered by key. Bind the subject key as `$1`.
    public func select(columns: [String]?) throws -> String {
        let list: String
        if let columns, !columns.isEmpty {
            list = try columns.map { "t0.\(try SQLIdentifier.quoted($0))" }.joined(separator: ", ")
        } else {
            list = "t0.*"
        }
        return "SELECT \(list) \(try fromAndWhere())\(try orderBy())"
    }

    /// How many rows the subject has in the table. Bind the subject key as `$1`.
    public func count() throws -> String {
        "SELECT count(*) AS count \(try fromAndWhere())"
    }

    private func orderBy() throws -> String {
        guard !key.isEmpty else { return "" }
        return " ORDER BY " + (try key.map { "t0.\(try SQLIdentifier.quoted($0))" }.joined(separator: ", "))
    }
}

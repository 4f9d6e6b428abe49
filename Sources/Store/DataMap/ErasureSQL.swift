import Foundation
import Requests

/// SQL pieces built from the data map for changing a person's rows. Names
/// from the map are checked (`DataMapIdentifier`) and double-quoted; values
/// are always bound parameters.
enum ErasureSQL {
    /// `"name"`, or an error naming the map entry when the name is not a plain identifier.
    static func quote(_ name: String, at place: String) throws -> String {
        guard DataMapIdentifier.isValid(name) else {
            throw FulfilmentError.unusableMap(where: place, problem: "not a plain SQL identifier")
        }
        return "\"\(name)\""
    }

    /// `"schema"."table"` for `schema.table`.
    static func quoteTable(_ name: String, at place: String) throws -> String {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw FulfilmentError.unusableMap(where: place, problem: "not a schema-qualified table name")
        }
        return try parts.map { try quote(String($0), at: place) }.joined(separator: ".")
    }

    /// How one mapped table reaches the person: its rows are `t0`, each path
    /// step but the last joins the next table as `t1`, `t2`…; the last step's
    /// column is compared with the subject key (`$1`), so the subject table
    /// itself is never joined.
    struct Scope {
        /// `"crm"."orders" AS t0`
        let target: String
        /// The joined tables (`"crm"."orders" AS t1`) with their join conditions.
        let joins: [(table: String, condition: String)]
        /// The condition that ties the rows to the subject key `$1`.
        let subjectCondition: String
        /// The mapped table, by alias (t1 → `schema.table`), to find a `with` parent.
        let aliases: [String: String]

        /// `SELECT <columns> FROM … [extra join] WHERE …`
        func select(_ columns: String, extraJoin: String = "") -> String {
            var sql = "SELECT \(columns) FROM \(target)"
            for join in joins { sql += " JOIN \(join.table) ON \(join.condition)" }
            if !extraJoin.isEmpty { sql += " " + extraJoin }
            return sql + " WHERE \(subjectCondition)"
        }

        /// `DELETE FROM … USING … WHERE …`
        func delete() -> String {
            var sql = "DELETE FROM \(target)"
            if !joins.isEmpty { sql += " USING " + joins.map(\.table).joined(separator: ", ") }
            return sql + " WHERE " + conditions()
        }

        /// `UPDATE … SET <assignments> FROM … WHERE …`
        func update(_ assignments: String) -> String {
            var sql = "UPDATE \(target) SET \(assignments)"
            if !joins.isEmpty { sql += " FROM " + joins.map(\.table).joined(separator: ", ") }
            return sql + " WHERE " + conditions()
        }

        private func conditions() -> String {
            (joins.map(\.condition) + [subjectCondition]).joined(separator: " AND ")
        }
    }

    static func scope(of table: MappedTable, map: DataMap, place: String) throws -> Scope {
        let target = try quoteTable(table.table, at: place) + " AS t0"
        guard let last = table.path.last else {
            return Scope(target: target, joins: [], subjectCondition: "t0.\(try quote(map.subject.key, at: place)) = $1",
                         aliases: ["t0": table.table])
        }
        guard last.referencedColumn?.table == map.subject.table else {
            throw FulfilmentError.unusableMap(where: place + ".path", problem: "does not end at the subject table")
        }
        var joins: [(String, String)] = []
        var aliases = ["t0": table.table]
        for (index, step) in table.path.dropLast().enumerated() {
            guard let referenced = step.referencedColumn else {
                throw FulfilmentError.unusableMap(where: place + ".path[\(index)]", problem: "references is not schema.table.column")
            }
            let alias = "t\(index + 1)"
            aliases[alias] = referenced.table
            joins.append((try quoteTable(referenced.table, at: place + ".path[\(index)]") + " AS \(alias)",
                          "t\(index).\(try quote(step.column, at: place)) = \(alias).\(try quote(referenced.column, at: place))"))
        }
        let lastAlias = "t\(table.path.count - 1)"
        return Scope(target: target, joins: joins,
                     subjectCondition: "\(lastAlias).\(try quote(last.column, at: place)) = $1", aliases: aliases)
    }

    /// The calendar day of a date or timestamp value in PostgreSQL's text
    /// output (timestamps are read in Oslo time, the session runs in UTC).
    static func day(fromText text: String) -> Day? {
        if let day = Day(iso: text) { return day }
        return TimestampFormat.date(from: text).map { Day($0, timeZone: Day.osloTimeZone) }
    }

    /// The instant of a timestamp in text output, for `HoldDate`.
    static func instant(fromText text: String) -> Date? {
        TimestampFormat.date(from: text)
    }

    /// The map entry's place for error messages: `tables[3]`.
    static func place(of table: MappedTable, in map: DataMap) -> String {
        "tables[\(map.tables.firstIndex(of: table) ?? -1)]"
    }
}

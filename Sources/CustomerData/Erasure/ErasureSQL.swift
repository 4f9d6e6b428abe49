import Foundation
import Requests

/// SQL for changing one person's rows of a mapped table, built on
/// `SubjectRows` (the rows are `t0`, path step i joins its referenced table
/// as `t(i+1)`). Names from the map are validated and quoted by
/// `SQLIdentifier`; values are always bound parameters, the subject key `$1`.
struct ErasureSQL {
    let table: MappedTable
    /// `tables[3]`: where in the map errors point.
    let place: String
    let rows: SubjectRows
    /// `"schema"."table"`
    let target: String
    /// The key column(s), quoted: `"id"`, or several for a composite key.
    let keyColumns: [String]

    init(_ table: MappedTable, map: DataMap) throws {
        self.table = table
        let place = Self.place(of: table, in: map)
        self.place = place
        rows = SubjectRows(table, subjectKey: map.subject.key)
        target = try Self.quote(table.table, at: place + ".table", parts: 2)
        keyColumns = try table.key.map { try Self.quote($0, at: place + ".key") }
        guard !keyColumns.isEmpty else { throw FulfilmentError.unusableMap(where: place + ".key", problem: "no key columns") }
        if let last = table.path.last, last.referencedColumn?.table != map.subject.table {
            throw FulfilmentError.unusableMap(where: place + ".path", problem: "does not end at the subject table")
        }
    }

    /// `SELECT <columns> FROM … WHERE …` over the person's rows.
    func select(_ columns: String) throws -> String {
        "SELECT \(columns) \(try fromAndWhere())"
    }

    /// Deletes the person's rows.
    func delete() throws -> String {
        "DELETE FROM \(target) WHERE \(try ownRows())"
    }

    /// Updates the person's rows (`assignments` use unqualified column names).
    func update(_ assignments: String) throws -> String {
        "UPDATE \(target) SET \(assignments) WHERE \(try ownRows())"
    }

    /// `"k1" = $1 AND "k2" = $2`: one row by its key values.
    var byKey: String {
        keyColumns.enumerated().map { "\($0.element) = $\($0.offset + 1)" }.joined(separator: " AND ")
    }

    /// The alias of a table on the path (`t1`…), for a `with` parent. The last
    /// step's table (the subject table) is not joined and has none.
    func alias(of parent: String) -> String? {
        guard let index = table.path.dropLast().firstIndex(where: { $0.referencedColumn?.table == parent }) else { return nil }
        return "t\(index + 1)"
    }

    private func fromAndWhere() throws -> String {
        do { return try rows.fromAndWhere() } catch {
            throw FulfilmentError.unusableMap(where: place + ".path", problem: "\(error)")
        }
    }

    private func ownRows() throws -> String {
        let list = keyColumns.joined(separator: ", ")
        return "(\(list)) IN (SELECT \(keyColumns.map { "t0.\($0)" }.joined(separator: ", ")) \(try fromAndWhere()))"
    }

    /// A validated, quoted name, or an error naming the map entry.
    static func quote(_ name: String, at place: String, parts: Int = 1) throws -> String {
        do { return try SQLIdentifier.quoted(name, parts: parts) } catch {
            throw FulfilmentError.unusableMap(where: place, problem: "\(error)")
        }
    }

    /// The map entry's place for error messages: `tables[3]`.
    static func place(of table: MappedTable, in map: DataMap) -> String {
        "tables[\(map.tables.firstIndex(of: table) ?? -1)]"
    }
}

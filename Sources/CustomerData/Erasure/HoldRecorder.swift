import Foundation
import Records
import Requests
import Store

/// Carries out a `hold` erasure action on one mapped table: each of the
/// person's rows is either recorded in `dsr.holds` and stripped down to what
/// the law needs, or, when its hold has already ended, deleted at once.
struct HoldRecorder {
    let map: DataMap
    let connection: PostgresConnection
    let today: Day
    let subjectRef: String

    struct Outcome {
        var held: [Day: Int] = [:]
        var deleted = 0
    }

    /// The rule's own date column and years, or its `with` parent's, with the
    /// SQL expression for the record date over the person's rows (`t0`, `t1`…).
    struct DateSource {
        let expression: String
        let years: Int
    }

    func hold(_ table: MappedTable, rule: HoldRule, subjectKey: String) throws -> Outcome {
        let sql = try ErasureSQL(table, map: map)
        let date = try Self.dateSource(of: table, rule: rule, sql: sql, map: map)
        let keyJSON = zip(table.key, sql.keyColumns).map { "'\($0.0)', t0.\($0.1)" }.joined(separator: ", ")
        let keyColumns = sql.keyColumns.enumerated().map { "t0.\($0.element)::text AS k\($0.offset)" }.joined(separator: ", ")
        let rows = try connection.execute(try sql.select(
            "jsonb_build_object(\(keyJSON))::text AS row_key, \(keyColumns), (\(date.expression))::text AS record_date"
        ) + " FOR UPDATE OF t0", [.text(subjectKey)])

        let cleared = try clearedColumns(of: table, rule: rule, place: sql.place)
        let reason = rule.reason?.en ?? Self.parentRule(of: rule, in: map)?.reason?.en
        var outcome = Outcome()
        for row in rows.rows {
            let keyValues: [SQLValue] = sql.keyColumns.indices.map { .string(row["k\($0)"]) }
            guard let text = row["record_date"], let recorded = Day(postgresText: text) else {
                throw FulfilmentError.unusableMap(where: sql.place + ".erasure", problem: "a held row has no readable date")
            }
            let erasableOn = HoldDate.erasableOn(financialYear: recorded.year, years: date.years)
            if erasableOn <= today {
                try connection.execute("DELETE FROM \(sql.target) WHERE \(sql.byKey)", keyValues)
                outcome.deleted += 1
                continue
            }
            try Holds(connection).hold(subjectRef: subjectRef, table: table.table, rowKeyJSON: row["row_key"],
                                       erasableOn: erasableOn, reason: reason)
            if !cleared.isEmpty {
                let assignments = cleared.map { "\($0) = NULL" }.joined(separator: ", ")
                try connection.execute("UPDATE \(sql.target) SET \(assignments) WHERE \(sql.byKey)", keyValues)
            }
            outcome.held[erasableOn, default: 0] += 1
        }
        return outcome
    }

    /// The hold rule of the `with` parent, if any.
    static func parentRule(of rule: HoldRule, in map: DataMap) -> HoldRule? {
        guard let parent = rule.with, let table = map.table(named: parent), case .hold(let parentRule) = table.erasure else {
            return nil
        }
        return parentRule
    }

    static func dateSource(of table: MappedTable, rule: HoldRule, sql: ErasureSQL, map: DataMap) throws -> DateSource {
        let place = sql.place + ".erasure"
        if let parent = rule.with {
            guard let parentRule = parentRule(of: rule, in: map), let column = parentRule.dateColumn else {
                throw FulfilmentError.unusableMap(where: place + ".with", problem: "not a held table with a date column")
            }
            guard let alias = sql.alias(of: parent) else {
                throw FulfilmentError.unusableMap(where: place + ".with", problem: "the parent is not on the table's path")
            }
            let years = rule.yearsAfterFinancialYear ?? parentRule.yearsAfterFinancialYear ?? 0
            return DateSource(expression: "\(alias).\(try ErasureSQL.quote(column, at: place + ".with"))", years: years)
        }
        guard let column = rule.dateColumn else {
            throw FulfilmentError.unusableMap(where: place + ".date_column", problem: "missing")
        }
        return DateSource(expression: "t0.\(try ErasureSQL.quote(column, at: place + ".date_column"))",
                          years: rule.yearsAfterFinancialYear ?? 0)
    }

    /// Every nullable column that is neither a key nor kept, plus the clear
    /// and detach columns: what the held row must lose now.
    func clearedColumns(of table: MappedTable, rule: HoldRule, place: String) throws -> [String] {
        let parts = table.table.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { throw FulfilmentError.unusableMap(where: place + ".table", problem: "not schema.table") }
        let nullable = try connection.execute("""
            SELECT column_name::text AS name FROM information_schema.columns
            WHERE table_schema = $1 AND table_name = $2 AND is_nullable = 'YES' ORDER BY ordinal_position
            """, [.text(parts[0]), .text(parts[1])]).rows.compactMap { $0["name"] }
        let kept = Set(rule.keepColumns + table.key)
        var names = nullable.filter { !kept.contains($0) }
        for name in rule.clearColumns + [rule.detachColumn].compactMap({ $0 }) where !names.contains(name) {
            names.append(name)
        }
        return try names.map { try ErasureSQL.quote($0, at: place + ".erasure") }
    }
}

import Foundation
import Requests

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
    /// SQL expression for the record date in the table's `Scope`.
    struct DateSource {
        let expression: String
        let years: Int
    }

    func hold(_ table: MappedTable, rule: HoldRule, subjectKey: String) throws -> Outcome {
        let place = ErasureSQL.place(of: table, in: map)
        let scope = try ErasureSQL.scope(of: table, map: map, place: place)
        let date = try dateSource(of: table, rule: rule, scope: scope, place: place)
        let keys = try table.key.map { try ErasureSQL.quote($0, at: place + ".key") }
        guard !keys.isEmpty else { throw FulfilmentError.unusableMap(where: place + ".key", problem: "no key columns") }
        let keyJSON = zip(table.key, keys).map { "'\($0.0)', t0.\($0.1)" }.joined(separator: ", ")
        let keyColumns = keys.enumerated().map { "t0.\($0.element)::text AS k\($0.offset)" }.joined(separator: ", ")
        let rows = try connection.execute(scope.select(
            "jsonb_build_object(\(keyJSON))::text AS row_key, \(keyColumns), (\(date.expression))::text AS record_date"
        ) + " FOR UPDATE OF t0", [.text(subjectKey)])

        let cleared = try clearedColumns(of: table, rule: rule, place: place)
        let byKey = keys.enumerated().map { "\($0.element) = $\($0.offset + 1)" }.joined(separator: " AND ")
        let target = try ErasureSQL.quoteTable(table.table, at: place)
        let reason = rule.reason?.en ?? parentRule(of: rule)?.reason?.en
        var outcome = Outcome()
        for row in rows.rows {
            let keyValues: [SQLValue] = keys.indices.map { .string(row["k\($0)"]) }
            guard let text = row["record_date"], let erasableOn = erasableOn(text, years: date.years) else {
                throw FulfilmentError.unusableMap(where: place + ".erasure", problem: "a held row has no readable date")
            }
            if erasableOn <= today {
                try connection.execute("DELETE FROM \(target) WHERE \(byKey)", keyValues)
                outcome.deleted += 1
                continue
            }
            try connection.execute("""
                INSERT INTO dsr.holds (subject_ref, table_name, row_key, erasable_on, reason)
                VALUES ($1, $2, $3::jsonb, $4::date, $5)
                ON CONFLICT (table_name, row_key) WHERE purged_at IS NULL DO NOTHING
                """, [.text(subjectRef), .text(table.table), .string(row["row_key"]), .text(erasableOn.description),
                      .string(reason)])
            if !cleared.isEmpty {
                let assignments = cleared.map { "\($0) = NULL" }.joined(separator: ", ")
                try connection.execute("UPDATE \(target) SET \(assignments) WHERE \(byKey)", keyValues)
            }
            outcome.held[erasableOn, default: 0] += 1
        }
        return outcome
    }

    /// The hold rule of the `with` parent, if any.
    func parentRule(of rule: HoldRule) -> HoldRule? {
        guard let parent = rule.with, let table = map.table(named: parent), case .hold(let parentRule) = table.erasure else {
            return nil
        }
        return parentRule
    }

    func dateSource(of table: MappedTable, rule: HoldRule, scope: ErasureSQL.Scope, place: String) throws -> DateSource {
        if let parent = rule.with {
            guard let parentRule = parentRule(of: rule), let column = parentRule.dateColumn else {
                throw FulfilmentError.unusableMap(where: place + ".erasure.with", problem: "not a held table with a date column")
            }
            guard let alias = scope.aliases.first(where: { $0.value == parent && $0.key != "t0" })?.key else {
                throw FulfilmentError.unusableMap(where: place + ".erasure.with", problem: "the parent is not on the table's path")
            }
            let years = rule.yearsAfterFinancialYear ?? parentRule.yearsAfterFinancialYear ?? 0
            return DateSource(expression: "\(alias).\(try ErasureSQL.quote(column, at: place))", years: years)
        }
        guard let column = rule.dateColumn else {
            throw FulfilmentError.unusableMap(where: place + ".erasure.date_column", problem: "missing")
        }
        return DateSource(expression: "t0.\(try ErasureSQL.quote(column, at: place))", years: rule.yearsAfterFinancialYear ?? 0)
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

    func erasableOn(_ text: String, years: Int) -> Day? {
        if let day = Day(iso: text) { return HoldDate.erasableOn(recordDay: day, yearsAfterFinancialYear: years) }
        return ErasureSQL.instant(fromText: text).map { HoldDate.erasableOn(recordDate: $0, yearsAfterFinancialYear: years) }
    }
}

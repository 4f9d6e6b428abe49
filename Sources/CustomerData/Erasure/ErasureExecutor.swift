import Records
import Requests
import Store

/// Erases a person's data (GDPR Art. 17) as the data map says, in one
/// transaction: every mapped table in dependency order (deepest path first,
/// the subject table last), rows the accounting law needs held in
/// `dsr.holds`, the address on the suppression list.
public struct ErasureExecutor: Sendable {
    public let map: DataMap
    /// How the address finds its subject row(s).
    public let matcher: AddressMatcher

    public init(map: DataMap, matcher: AddressMatcher = AddressMatcher()) {
        self.map = map
        self.matcher = matcher
    }

    /// Erases inside a transaction the caller has begun (and ends).
    /// - Parameters:
    ///   - addressHash: the keyed hash of the address (HMAC-SHA256 hex): the
    ///     suppression entry and the holds' `subject_ref`. The address itself
    ///     is never stored.
    ///   - today: the day in Oslo, from the clock (holds that ended by then delete at once).
    public func erase(address: String, addressHash: String, today: Day,
                      in connection: PostgresConnection) throws -> ErasureOutcome {
        try checkMap()
        guard let subjectKey = try ErasureSubjectLookup.singleKey(of: address, map: map, matcher: matcher, connection: connection) else {
            return .noData
        }
        // Collected first: erasure deletes the disclosure rows.
        let partners = try PartnerNotices(map: map).collect(subjectKey: subjectKey, connection: connection)
        let holds = HoldRecorder(map: map, connection: connection, today: today, subjectRef: addressHash)
        var report = ErasureReport()
        var kept: [ErasureReport.Kept] = []
        for table in erasureOrder(map.tables) {
            switch table.erasure {
            case .delete:
                let count = try connection.execute(try ErasureSQL(table, map: map).delete(), [.text(subjectKey)]).affectedRows
                record(count, of: table, in: &report)
            case .nullify(let columns, let set):
                let count = try nullify(table, columns: columns, set: set, subjectKey: subjectKey, connection: connection)
                record(count, of: table, in: &report)
            case .hold(let rule):
                let outcome = try holds.hold(table, rule: rule, subjectKey: subjectKey)
                let heldRows = outcome.held.values.reduce(0, +)
                if heldRows > 0 { report.rowsHeld[table.table] = heldRows }
                if outcome.deleted > 0 {
                    report.rowsErased[table.table] = outcome.deleted
                    if heldRows == 0 { report.erased.append(table.category) }
                }
                let reason = rule.reason ?? HoldRecorder.parentRule(of: rule, in: map)?.reason ?? Self.defaultHoldReason
                for (day, rows) in outcome.held {
                    kept.append(.init(category: table.category, reason: reason, until: day, rows: rows))
                }
            }
        }
        report.kept = kept.sorted { ($0.until, mapIndex($0.category)) < ($1.until, mapIndex($1.category)) }
        report.erased.sort { mapIndex($0) < mapIndex($1) }
        try SuppressionList(connection).add(addressHash: addressHash, reason: .erased)
        return .erased(report, partners: partners)
    }

    /// Withdrawal of consent (Art. 7(3)): deletes only the tables held by
    /// consent (`consent_data`), nothing else, inside the caller's
    /// transaction. Returns the categories erased (empty when there was
    /// nothing), or nil when the address is unknown.
    public func eraseConsentData(address: String, in connection: PostgresConnection) throws -> ErasureReport? {
        guard let subjectKey = try ErasureSubjectLookup.singleKey(of: address, map: map, matcher: matcher, connection: connection) else {
            return nil
        }
        var report = ErasureReport()
        for table in erasureOrder(map.tables) where table.consentData && !table.isSubjectTable {
            let count = try connection.execute(try ErasureSQL(table, map: map).delete(), [.text(subjectKey)]).affectedRows
            record(count, of: table, in: &report)
        }
        return report
    }

    /// Builds every table's SQL once without running it, so a map that
    /// cannot be carried out stops the erasure before its first change.
    func checkMap() throws {
        for table in map.tables {
            let sql = try ErasureSQL(table, map: map)
            switch table.erasure {
            case .delete:
                break
            case .nullify(let columns, let set):
                for column in columns + set.keys.sorted() { _ = try ErasureSQL.quote(column, at: sql.place + ".erasure") }
            case .hold(let rule):
                _ = try HoldRecorder.dateSource(of: table, rule: rule, sql: sql, map: map)
                for column in rule.clearColumns + [rule.detachColumn].compactMap({ $0 }) {
                    _ = try ErasureSQL.quote(column, at: sql.place + ".erasure")
                }
            }
        }
    }

    /// Deepest path first (children before parents), the subject table last;
    /// map order within a depth.
    func erasureOrder(_ tables: [MappedTable]) -> [MappedTable] {
        tables.enumerated().sorted { lhs, rhs in
            if lhs.element.path.count != rhs.element.path.count { return lhs.element.path.count > rhs.element.path.count }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    static let defaultHoldReason = LocalizedText(
        en: "The law requires us to keep these records for a time.",
        nb: "Loven krever at vi oppbevarer disse opplysningene en tid.")

    private func record(_ count: Int, of table: MappedTable, in report: inout ErasureReport) {
        guard count > 0 else { return }
        report.rowsErased[table.table, default: 0] += count
        if !report.erased.contains(table.category) { report.erased.append(table.category) }
    }

    private func mapIndex(_ category: LocalizedText) -> Int {
        map.tables.firstIndex { $0.category == category } ?? Int.max
    }

    private func nullify(_ table: MappedTable, columns: [String], set: [String: FixedValue], subjectKey: String,
                         connection: PostgresConnection) throws -> Int {
        let place = ErasureSQL.place(of: table, in: map) + ".erasure"
        var assignments: [String] = []
        var values: [SQLValue] = [.text(subjectKey)]
        for column in columns where set[column] == nil {
            assignments.append("\(try ErasureSQL.quote(column, at: place)) = NULL")
        }
        for (column, value) in set.sorted(by: { $0.key < $1.key }) {
            values.append(.string(value.sqlText))
            assignments.append("\(try ErasureSQL.quote(column, at: place)) = $\(values.count)")
        }
        guard !assignments.isEmpty else { return 0 }
        let sql = try ErasureSQL(table, map: map)
        return try connection.execute(try sql.update(assignments.joined(separator: ", ")), values).affectedRows
    }
}

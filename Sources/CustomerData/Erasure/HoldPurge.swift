import Records
import Requests
import Store

/// Ends holds: deletes the held rows whose `erasable_on` has come and marks
/// their holds purged. Children go before parents (tables held `with` a
/// parent, and deeper paths, first). Running it again the same day does nothing.
public enum HeldRowPurge {
    public struct Report: Sendable, Equatable {
        /// Rows deleted per mapped table.
        public var deleted: [String: Int]
        /// Holds marked purged (also those whose row was already gone).
        public var holdsClosed: Int

        public init(deleted: [String: Int] = [:], holdsClosed: Int = 0) {
            self.deleted = deleted
            self.holdsClosed = holdsClosed
        }
    }

    /// Purges inside a transaction the caller has begun.
    public static func purge(map: DataMap, today: Day, in connection: PostgresConnection) throws -> Report {
        var report = Report()
        let holds = Holds(connection)
        for table in purgeOrder(map) {
            let sql = try ErasureSQL(table, map: map)
            for hold in try holds.ended(table: table.table, keyColumns: table.key, by: today) {
                let values: [SQLValue] = hold.key.map { .string($0) }
                let deleted = try connection.execute("DELETE FROM \(sql.target) WHERE \(sql.byKey)", values).affectedRows
                if deleted > 0 { report.deleted[table.table, default: 0] += deleted }
                try holds.markPurged(hold.id)
                report.holdsClosed += 1
            }
        }
        return report
    }

    /// The held tables, those held `with` a parent and deeper paths first.
    static func purgeOrder(_ map: DataMap) -> [MappedTable] {
        map.tables.enumerated().compactMap { offset, table -> (Int, Int, Int, MappedTable)? in
            guard case .hold(let rule) = table.erasure else { return nil }
            return (rule.with == nil ? 1 : 0, -table.path.count, offset, table)
        }
        .sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        .map(\.3)
    }
}

import Records
import Requests
import Store

/// Puts an objection (GDPR Art. 21) into effect: sets the map's objection
/// columns on the subject row(s) and, for direct marketing, puts the address
/// on the suppression list. A marketing objection is absolute (Art. 21(3)):
/// it is never refused, also when the address matches no customer or several.
public struct ObjectionExecutor: Sendable {
    public let map: DataMap
    /// How the address finds its subject row(s).
    public let matcher: AddressMatcher

    public init(map: DataMap, matcher: AddressMatcher = AddressMatcher()) {
        self.map = map
        self.matcher = matcher
    }

    /// Applies the objection inside a transaction the caller has begun.
    public func apply(scope: ObjectionScope, address: String, addressHash: String, today: Day,
                      in connection: PostgresConnection) throws -> ObjectionReport {
        // Every row with the address: the objection is the address owner's.
        let keys = try ErasureSubjectLookup.keys(of: address, map: map, matcher: matcher, connection: connection)
        let columns = map.subjectTable?.objection
        var changes: [ObjectionReport.Change] = []
        if scope.includesSharing {
            changes.append(.init(purpose: .sharing, state: try set(columns?.sharing, keys: keys, connection: connection)))
        }
        var suppressed = false
        if scope.includesMarketing {
            changes.append(.init(purpose: .marketing, state: try set(columns?.marketing, keys: keys, connection: connection)))
            try SuppressionList(connection).add(addressHash: addressHash, reason: .marketingObjection)
            suppressed = true
        }
        return ObjectionReport(scope: scope, changes: changes, subjectRows: keys.count, suppressed: suppressed, effectiveFrom: today)
    }

    /// Sets the column to its "objected" value on every row that does not have it yet.
    private func set(_ target: ColumnValue?, keys: [String], connection: PostgresConnection) throws -> ObjectionReport.State {
        guard let target, !keys.isEmpty else { return .notRecorded }
        let place = "tables[\(map.tables.firstIndex { $0.isSubjectTable } ?? -1)].objection"
        let table = try ErasureSQL.quote(map.subject.table, at: place, parts: 2)
        let key = try ErasureSQL.quote(map.subject.key, at: place)
        let column = try ErasureSQL.quote(target.column, at: place)
        var changed = 0
        for subjectKey in keys {
            changed += try connection.execute(
                "UPDATE \(table) SET \(column) = $2 WHERE \(key) = $1 AND \(column) IS DISTINCT FROM $2",
                [.text(subjectKey), .string(target.value.sqlText)]).affectedRows
        }
        return changed > 0 ? .changed : .alreadyInEffect
    }
}

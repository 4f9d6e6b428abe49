import Requests
import Store

/// Corrects a person's data (GDPR Art. 16) through the map's `rectification`
/// columns on the subject table, in one transaction, after validating every
/// value first. A new e-mail address is never applied here: it needs a
/// confirmation from the new address and goes to review.
public struct RectificationExecutor: Sendable {
    public let map: DataMap
    /// How the address finds its subject row(s).
    public let matcher: AddressMatcher

    public init(map: DataMap, matcher: AddressMatcher = AddressMatcher()) {
        self.map = map
        self.matcher = matcher
    }

    /// The fields a person may ask to change (the map's rectification keys).
    public var rectifiableFields: [String] {
        (map.subjectTable?.rectification ?? [:]).keys.sorted()
    }

    /// Applies the corrections inside a transaction the caller has begun.
    public func apply(fields: [RectificationField: String], language: Language?, address: String,
                      in connection: PostgresConnection) throws -> RectificationOutcome {
        let plan = RectificationValidation.plan(fields: fields, columns: map.subjectTable?.rectification ?? [:],
                                                language: language)
        guard plan.problems.isEmpty else {
            return .needsMoreInformation(problems: plan.problems, rectifiable: rectifiableFields)
        }
        guard let subjectKey = try ErasureSubjectLookup.singleKey(of: address, map: map, matcher: matcher, connection: connection) else {
            return .noData
        }
        let place = "tables[\(map.tables.firstIndex { $0.isSubjectTable } ?? -1)].rectification"
        let table = try ErasureSQL.quote(map.subject.table, at: place, parts: 2)
        let key = try ErasureSQL.quote(map.subject.key, at: place)
        var report = RectificationReport(changes: [], unchanged: [], pendingEmailChange: plan.pendingEmail,
                                         unmapped: plan.unmapped)
        guard !plan.changes.isEmpty else { return .applied(report) }
        let quoted = try plan.changes.map { try ErasureSQL.quote($0.column, at: place) }
        let current = try connection.execute(
            "SELECT " + quoted.enumerated().map { "\($0.element)::text AS c\($0.offset)" }.joined(separator: ", ")
                + " FROM \(table) WHERE \(key) = $1", [.text(subjectKey)])
        guard let row = current.first else { return .noData }
        var assignments: [String] = []
        var values: [SQLValue] = [.text(subjectKey)]
        for (index, planned) in plan.changes.enumerated() {
            let old = row["c\(index)"]
            let change = RectificationReport.Change(field: planned.field, column: planned.column, oldValue: old,
                                                    newValue: planned.value)
            if old == planned.value {
                report.unchanged.append(change)
                continue
            }
            values.append(.text(planned.value))
            assignments.append("\(quoted[index]) = $\(values.count)")
            report.changes.append(change)
        }
        if !assignments.isEmpty {
            try connection.execute("UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE \(key) = $1", values)
        }
        return .applied(report)
    }
}

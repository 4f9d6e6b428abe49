import Foundation
import Requests
import Store

/// The partners a person's data was disclosed to (the map's `disclosures`
/// tables), so each can be told of an erasure or correction (GDPR Art. 19).
/// Collect them before erasing: erasure deletes the disclosure rows.
public struct PartnerNotices: Sendable {
    public let map: DataMap

    public init(map: DataMap) {
        self.map = map
    }

    /// One notice per partner (by name), partners in name order, disclosures oldest first.
    public func collect(subjectKey: String, connection: PostgresConnection) throws -> [PartnerNotice] {
        var notices: [String: PartnerNotice] = [:]
        for table in map.tables {
            guard let source = table.disclosures else { continue }
            let sql = try ErasureSQL(table, map: map)
            let rows = DisclosureRows(rows: sql.rows, source: source)
            let select: String
            do { select = try rows.select() } catch {
                throw FulfilmentError.unusableMap(where: sql.place + ".disclosures", problem: "\(error)")
            }
            for row in try connection.execute(select, [.text(subjectKey)]).rows {
                guard let partnerName = row["partner"], let text = row["date"],
                      let day = Day(postgresText: text) else { continue }
                var notice = notices[partnerName]
                    ?? PartnerNotice(partnerName: partnerName, privacyAddress: row["address"], disclosures: [],
                                     storedLanguage: row["language"])
                notice.disclosures.append(.init(day: day, fields: Self.fields(row["fields"])))
                notices[partnerName] = notice
            }
        }
        var sorted = notices.keys.sorted().compactMap { notices[$0] }
        let values = try subjectValues(Set(sorted.flatMap(\.disclosedColumns)), subjectKey: subjectKey,
                                       connection: connection)
        for index in sorted.indices {
            let disclosed = Set(sorted[index].disclosedColumns)
            sorted[index].received = values.filter { disclosed.contains($0.key) }
        }
        return sorted
    }

    /// The subject row's values (as text, NULLs left out) of those `columns`
    /// the map knows as the subject's own (name and rectification columns):
    /// the disclosures' field lists come from the database, so only names
    /// the map vouches for are read.
    func subjectValues(_ columns: Set<String>, subjectKey: String,
                       connection: PostgresConnection) throws -> [String: String] {
        let known = Set(map.subject.nameColumns).union((map.subjectTable?.rectification ?? [:]).values)
            .union([map.subject.emailColumn])
        let wanted = columns.intersection(known).sorted()
        guard !wanted.isEmpty else { return [:] }
        let quoted = try wanted.map { try ErasureSQL.quote($0, at: "subject") }
        let table = try ErasureSQL.quote(map.subject.table, at: "subject.table", parts: 2)
        let key = try ErasureSQL.quote(map.subject.key, at: "subject.key")
        guard let row = try connection.execute(
            "SELECT " + quoted.enumerated().map { "\($0.element)::text AS c\($0.offset)" }.joined(separator: ", ")
                + " FROM \(table) WHERE \(key) = $1", [.text(subjectKey)]).first else { return [:] }
        var values: [String: String] = [:]
        for (index, column) in wanted.enumerated() {
            if let value = row["c\(index)"] { values[column] = value }
        }
        return values
    }

    /// A JSON array of strings, or one string, as a list.
    static func fields(_ json: String?) -> [String] {
        guard let json, let data = json.data(using: .utf8) else { return [] }
        if let list = try? JSONDecoder().decode([String].self, from: data) { return list }
        if let one = try? JSONDecoder().decode(String.self, from: data) { return [one] }
        return []
    }
}

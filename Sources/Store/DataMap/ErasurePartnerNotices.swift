import Foundation
import Requests

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
            let place = ErasureSQL.place(of: table, in: map) + ".disclosures"
            let scope = try ErasureSQL.scope(of: table, map: map, place: ErasureSQL.place(of: table, in: map))
            let partner = try ErasureSQL.quoteTable(source.partnerTable, at: place)
            let name = try ErasureSQL.quote(source.partnerNameColumn, at: place)
            let address = try source.partnerAddressColumn.map { "p.\(try ErasureSQL.quote($0, at: place))::text" } ?? "NULL"
            let fields = try source.fieldsColumn.map { "to_jsonb(t0.\(try ErasureSQL.quote($0, at: place)))::text" } ?? "NULL"
            let date = try ErasureSQL.quote(source.dateColumn, at: place)
            let condition = "p.\(try ErasureSQL.quote(source.partnerKey, at: place)) = t0.\(try ErasureSQL.quote(source.partnerColumn, at: place))"
            let sql = scope.select(
                "p.\(name)::text AS partner_name, \(address) AS partner_address, t0.\(date)::text AS disclosed, \(fields) AS fields",
                extraJoin: "JOIN \(partner) AS p ON \(condition)") + " ORDER BY t0.\(date)"
            for row in try connection.execute(sql, [.text(subjectKey)]).rows {
                guard let partnerName = row["partner_name"], let text = row["disclosed"],
                      let day = ErasureSQL.day(fromText: text) else { continue }
                var notice = notices[partnerName]
                    ?? PartnerNotice(partnerName: partnerName, privacyAddress: row["partner_address"], disclosures: [])
                notice.disclosures.append(.init(day: day, fields: Self.fields(row["fields"])))
                notices[partnerName] = notice
            }
        }
        return notices.keys.sorted().compactMap { notices[$0] }
    }

    /// A JSON array of strings, or one string, as a list.
    static func fields(_ json: String?) -> [String] {
        guard let json, let data = json.data(using: .utf8) else { return [] }
        if let list = try? JSONDecoder().decode([String].self, from: data) { return list }
        if let one = try? JSONDecoder().decode(String.self, from: data) { return [one] }
        return []
    }
}

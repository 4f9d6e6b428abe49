import Foundation
import Requests

/// Finds the subject rows of an address, as the data map says: the subject
/// table's e-mail column compared without regard to letter case.
enum ErasureSubjectLookup {
    /// The subject keys (as text) of every row with the address; `forUpdate`
    /// locks them for the rest of the transaction.
    static func keys(of address: String, map: DataMap, connection: PostgresConnection, forUpdate: Bool = true) throws -> [String] {
        let place = "subject"
        let table = try ErasureSQL.quoteTable(map.subject.table, at: place)
        let key = try ErasureSQL.quote(map.subject.key, at: place)
        let email = try ErasureSQL.quote(map.subject.emailColumn, at: place)
        let trimmed = address.trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try connection.execute(
            "SELECT \(key)::text AS subject_key FROM \(table) WHERE lower(\(email)) = lower($1) ORDER BY 1"
                + (forUpdate ? " FOR UPDATE" : ""),
            [.text(trimmed)])
        return result.rows.compactMap { $0["subject_key"] }
    }

    /// The one subject key, nil when none, or `ambiguousSubject` for several.
    static func singleKey(of address: String, map: DataMap, connection: PostgresConnection,
                          forUpdate: Bool = true) throws -> String? {
        let keys = try keys(of: address, map: map, connection: connection, forUpdate: forUpdate)
        guard keys.count <= 1 else { throw FulfilmentError.ambiguousSubject(matches: keys.count) }
        return keys.first
    }
}

import Foundation
import Requests

/// Finds the subject rows of an address with `SubjectLookup` (the e-mail
/// column compared without regard to letter case), locking them for the
/// rest of the transaction when it will change them.
public enum ErasureSubjectLookup {
    /// The subject keys (as text) of the rows with the address.
    public static func keys(of address: String, map: DataMap, connection: PostgresConnection, forUpdate: Bool = true) throws -> [String] {
        let lookup = SubjectLookup(table: map.subject.table, key: map.subject.key, emailColumn: map.subject.emailColumn)
        let sql: String
        do { sql = try lookup.select() } catch {
            throw FulfilmentError.unusableMap(where: "subject", problem: "\(error)")
        }
        let trimmed = address.trimmingCharacters(in: .whitespacesAndNewlines)
        let result = try connection.execute(sql + (forUpdate ? " FOR UPDATE" : ""), [.text(trimmed)])
        return result.rows.compactMap { $0["key"] }
    }

    /// The one subject key, nil when none, or `ambiguousSubject` for several.
    static func singleKey(of address: String, map: DataMap, connection: PostgresConnection,
                          forUpdate: Bool = true) throws -> String? {
        let keys = try keys(of: address, map: map, connection: connection, forUpdate: forUpdate)
        guard keys.count <= 1 else { throw FulfilmentError.ambiguousSubject(matches: keys.count) }
        return keys.first
    }
}

import Foundation
import Requests
import Store

/// Finds the subject rows of an address with `SubjectLookup`: a row is the
/// address's when its stored address is one of the address's stored forms
/// (`AddressMatcher.storedForms`), so it has the same canonical form. Locks
/// the rows for the rest of the transaction when it will change them.
public enum ErasureSubjectLookup {
    /// One subject row: its key and its address as stored, both as text.
    public struct Subject: Sendable, Equatable {
        public var key: String
        public var address: String
    }

    /// The subject rows with the address, in key order.
    public static func subjects(of address: String, map: DataMap, matcher: AddressMatcher,
                                connection: PostgresConnection, forUpdate: Bool = true) throws -> [Subject] {
        let forms = matcher.storedForms(address)
        guard !forms.isEmpty else { return [] }
        let lookup = SubjectLookup(table: map.subject.table, key: map.subject.key, emailColumn: map.subject.emailColumn)
        let sql: String
        do { sql = try lookup.select() } catch {
            throw FulfilmentError.unusableMap(where: "subject", problem: "\(error)")
        }
        let result = try connection.execute(sql + (forUpdate ? " FOR UPDATE" : ""), [.textArray(forms)])
        return result.rows.compactMap { row in
            guard let key = row["key"], let stored = row["address"] else { return nil }
            return Subject(key: key, address: stored)
        }
    }

    /// The subject keys (as text) of the rows with the address.
    public static func keys(of address: String, map: DataMap, matcher: AddressMatcher = AddressMatcher(),
                            connection: PostgresConnection, forUpdate: Bool = true) throws -> [String] {
        try subjects(of: address, map: map, matcher: matcher, connection: connection, forUpdate: forUpdate).map(\.key)
    }

    /// The one subject key, nil when none, or `ambiguousSubject` for several.
    static func singleKey(of address: String, map: DataMap, matcher: AddressMatcher, connection: PostgresConnection,
                          forUpdate: Bool = true) throws -> String? {
        let keys = try keys(of: address, map: map, matcher: matcher, connection: connection, forUpdate: forUpdate)
        guard keys.count <= 1 else { throw FulfilmentError.ambiguousSubject(matches: keys.count) }
        return keys.first
    }
}

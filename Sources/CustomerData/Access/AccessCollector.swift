import Foundation
import LogSafety
import Requests
import Store

/// Reads everything the data map leads to for one e-mail address, inside
/// the caller's transaction (at REPEATABLE READ the copy is one snapshot).
public struct AccessCollector: Sendable {
    public let map: DataMap
    /// How the address finds its subject row (`AddressMatcher.storedForms`).
    public let matcher: AddressMatcher

    /// - Throws: `AccessError.unusableMap` when the map has structural problems.
    public init(map: DataMap, matcher: AddressMatcher = AddressMatcher()) throws {
        let problems = map.problems()
        guard problems.isEmpty else { throw AccessError.unusableMap(problems: problems.count) }
        self.map = map
        self.matcher = matcher
    }

    /// Collects on `connection`, inside a transaction the caller opened.
    public func collect(address: String, on connection: PostgresConnection) throws -> AccessOutcome {
        let subject = map.subject
        let lookup = SubjectLookup(table: subject.table, key: subject.key, emailColumn: subject.emailColumn,
                                   languageColumn: subject.languageColumn)
        let forms = matcher.storedForms(address)
        guard !forms.isEmpty else { return .noData }
        let found = try connection.execute(try lookup.select(), [.textArray(forms)])
        guard let first = found.first else { return .noData }
        guard found.rows.count == 1 else { return .ambiguous(subjects: found.rows.count) }
        let key = try first.string("key")
        var categories: [CategoryRows] = []
        var disclosures: [Disclosure] = []
        for mapped in map.tables {
            let rows = SubjectRows(mapped, subjectKey: subject.key)
            let result = try connection.execute(try rows.select(columns: mapped.columns), [.text(key)])
            if !result.rows.isEmpty {
                categories.append(CategoryRows(mapped, columns: result.columns, booleanColumns: result.booleanColumns,
                                               rows: result.rows.map(\.values)))
            }
            if let source = mapped.disclosures, !result.rows.isEmpty {
                disclosures += try readDisclosures(source, rows: rows, key: key, on: connection)
            }
        }
        disclosures.sort { ($0.date, $0.partner) < ($1.date, $1.partner) }
        return .found(AccessReport(subjectKey: key, storedLanguage: first["language"],
                                   categories: categories, disclosures: disclosures))
    }

    private func readDisclosures(
        _ source: DisclosureSource, rows: SubjectRows, key: String, on connection: PostgresConnection
    ) throws -> [Disclosure] {
        let result = try connection.execute(try DisclosureRows(rows: rows, source: source).select(), [.text(key)])
        return try result.rows.map { row in
            guard let date = try? Date(try row.string("date"), strategy: .iso8601) else {
                throw AccessError.unreadableDisclosure
            }
            let fieldsJSON = row["fields"] ?? "[]"
            let data = Data(fieldsJSON.utf8)
            let fields = (try? JSONDecoder().decode([String].self, from: data))
                ?? (try? JSONDecoder().decode(String.self, from: data)).map { [$0] } ?? []
            return Disclosure(partner: try row.string("partner"), date: date, fields: fields)
        }
    }
}

/// Why an access copy could not be made. No personal data in the messages.
public enum AccessError: LogSafeError, Sendable, Equatable {
    case unusableMap(problems: Int)
    case unreadableDisclosure

    public var description: String {
        switch self {
        case .unusableMap(let count): return "the data map has \(count) problem(s); run dsrd check-config"
        case .unreadableDisclosure: return "a disclosure row has no readable date"
        }
    }
}

import Requests

/// Builds the SELECT that lists to whom a data subject's data was disclosed:
/// the partner's name (and privacy address), the date, and the disclosed
/// fields as a JSON array text (empty array when the map names no fields column).
public struct DisclosureRows: Sendable, Equatable {
    /// The disclosure table's rows of the subject.
    public var rows: SubjectRows
    /// Where the map says the partner, the date and the fields are.
    public var source: DisclosureSource

    public init(rows: SubjectRows, source: DisclosureSource) {
        self.rows = rows
        self.source = source
    }

    /// Columns `partner`, `address` and `language` (maybe NULL), `date` (ISO
    /// timestamp text) and `fields` (JSON array text), oldest first. Bind the
    /// subject key as `$1`.
    public func select() throws -> String {
        let address = try source.partnerAddressColumn.map { "p.\(try SQLIdentifier.quoted($0))" } ?? "NULL"
        let language = try source.partnerLanguageColumn.map { "p.\(try SQLIdentifier.quoted($0))" } ?? "NULL"
        let fields = try source.fieldsColumn.map { "to_jsonb(t0.\(try SQLIdentifier.quoted($0)))::text" } ?? "'[]'"
        let date = "t0.\(try SQLIdentifier.quoted(source.dateColumn))"
        let own = try rows.fromAndCondition()
        let name = "p.\(try SQLIdentifier.quoted(source.partnerNameColumn))"
        return "SELECT \(name)::text AS partner, \(address)::text AS address, \(language)::text AS language,"
            + " to_char(\(date) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS date, \(fields) AS fields"
            + " \(own.from) JOIN \(try SQLIdentifier.quoted(source.partnerTable, parts: 2)) p"
            + " ON p.\(try SQLIdentifier.quoted(source.partnerKey)) = t0.\(try SQLIdentifier.quoted(source.partnerColumn))"
            + " WHERE \(own.condition) ORDER BY \(date), \(name)"
    }
}

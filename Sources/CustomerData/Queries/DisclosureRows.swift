/// Builds the SELECT that lists to whom a data subject's data was disclosed:
/// the partner's name (and privacy address), the date, and the disclosed
/// fields as a JSON array text (empty array when the map names no fields column).
public struct DisclosureRows: Sendable, Equatable {
    /// The disclosure table's rows of the subject.
    public var rows: SubjectRows
    public var partnerColumn: String
    /// `schema.table` of partners.
    public var partnerTable: String
    public var partnerKey: String
    public var partnerNameColumn: String
    public var partnerAddressColumn: String?
    public var dateColumn: String
    public var fieldsColumn: String?

    public init(
        rows: SubjectRows, partnerColumn: String, partnerTable: String, partnerKey: String, partnerNameColumn: String,
        partnerAddressColumn: String?, dateColumn: String, fieldsColumn: String?
    ) {
        self.rows = rows
        self.partnerColumn = partnerColumn
        self.partnerTable = partnerTable
        self.partnerKey = partnerKey
        self.partnerNameColumn = partnerNameColumn
        self.partnerAddressColumn = partnerAddressColumn
        self.dateColumn = dateColumn
        self.fieldsColumn = fieldsColumn
    }

    /// Columns `partner`, `address` (maybe NULL), `date` (ISO timestamp text)
    /// and `fields` (JSON array text), oldest first. Bind the subject key as `$1`.
    public func select() throws -> String {
        let address = try partnerAddressColumn.map { "p.\(try SQLIdentifier.quoted($0))" } ?? "NULL"
        let fields = try fieldsColumn.map { "to_jsonb(t0.\(try SQLIdentifier.quoted($0)))::text" } ?? "'[]'"
        let date = "t0.\(try SQLIdentifier.quoted(dateColumn))"
        let fromAndWhere = try rows.fromAndWhere()
        guard let whereRange = fromAndWhere.range(of: " WHERE ") else {
            throw SQLIdentifierError(name: rows.table, expectedParts: 2)
        }
        let joins = fromAndWhere[..<whereRange.lowerBound]
        let condition = fromAndWhere[whereRange.lowerBound...]
        return "SELECT p.\(try SQLIdentifier.quoted(partnerNameColumn))::text AS partner, \(address)::text AS address,"
            + " to_char(\(date) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS date, \(fields) AS fields"
            + " \(joins) JOIN \(try SQLIdentifier.quoted(partnerTable, parts: 2)) p"
            + " ON p.\(try SQLIdentifier.quoted(partnerKey)) = t0.\(try SQLIdentifier.quoted(partnerColumn))"
            + "\(condition) ORDER BY \(date), p.\(try SQLIdentifier.quoted(partnerNameColumn))"
    }
}

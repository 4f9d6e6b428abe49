/// Builds the SELECT that finds the data subject(s) with an e-mail address:
/// `lower(email) = lower($1)`. More than one row means the address is
/// ambiguous and the request needs a person to look at it.
public struct SubjectLookup: Sendable, Equatable {
    /// `schema.table` with one row per data subject.
    public var table: String
    public var key: String
    public var emailColumn: String
    /// At most this many keys are returned (enough to see there are several).
    public var limit: Int

    public init(table: String, key: String, emailColumn: String, limit: Int = 10) {
        self.table = table
        self.key = key
        self.emailColumn = emailColumn
        self.limit = limit
    }

    /// Returns column `key` (text). Bind the address as `$1`.
    public func select() throws -> String {
        let key = try SQLIdentifier.quoted(self.key)
        let email = try SQLIdentifier.quoted(emailColumn)
        return "SELECT s.\(key)::text AS key FROM \(try SQLIdentifier.quoted(table, parts: 2)) s"
            + " WHERE lower(s.\(email)) = lower($1) ORDER BY s.\(key) LIMIT \(max(limit, 1))"
    }
}

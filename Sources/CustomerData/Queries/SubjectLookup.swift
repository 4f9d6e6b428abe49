/// Builds the SELECT that finds the data subject(s) with an e-mail address:
/// `lower(email COLLATE "C") = ANY($1)`, where `$1` holds the forms the
/// address may be stored in (`AddressMatcher.storedForms`). The "C" collation
/// folds ASCII letters only: under a UTF-8 collation `lower()` would also make
/// `İ` (U+0130) an `i` and `K` (U+212A) a `k`, so a look-alike address could
/// find another person's row. More than one row means the address is
/// ambiguous and the request needs a person to look at it.
public struct SubjectLookup: Sendable, Equatable {
    /// `schema.table` with one row per data subject.
    public var table: String
    public var key: String
    public var emailColumn: String
    /// The subject's preferred language, returned as column `language` when set.
    public var languageColumn: String?
    /// At most this many keys are returned (enough to see there are several).
    public var limit: Int

    public init(table: String, key: String, emailColumn: String, languageColumn: String? = nil, limit: Int = 10) {
        self.table = table
        self.key = key
        self.emailColumn = emailColumn
        self.languageColumn = languageColumn
        self.limit = limit
    }

    /// Returns columns `key`, `address` (the address as stored) and
    /// `language` (text; NULL without a language column). Bind the stored
    /// forms of the address as a text array `$1`.
    public func select() throws -> String {
        let key = try SQLIdentifier.quoted(self.key)
        let email = try SQLIdentifier.quoted(emailColumn)
        let language = try languageColumn.map { "s.\(try SQLIdentifier.quoted($0))::text" } ?? "NULL::text"
        return "SELECT s.\(key)::text AS key, s.\(email)::text AS address, \(language) AS language"
            + " FROM \(try SQLIdentifier.quoted(table, parts: 2)) s"
            + " WHERE lower(s.\(email)::text COLLATE \"C\") = ANY($1::text[]) ORDER BY s.\(key) LIMIT \(max(limit, 1))"
    }
}

import Store

/// `dsr.retention_policy`: the fewest years a closed case is kept, as the
/// owner last set it (`retention.case_years`, written by `dsrd migrate`).
/// The daemon's role can read it, not change it, and
/// `dsr.delete_closed_cases` never deletes a case younger than it.
public struct RetentionFloor {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Sets the floor (as the owner); the same value again changes nothing.
    public func set(caseYears: Int) throws {
        try connection.execute("""
            UPDATE dsr.retention_policy SET case_years = $1::int, updated_at = now()
            WHERE case_years IS DISTINCT FROM $1::int
            """, [.int(caseYears)])
    }

    public func caseYears() throws -> Int? {
        try connection.execute("SELECT case_years FROM dsr.retention_policy").first?.optionalInt("case_years")
    }
}

import Requests
import Store

/// `dsr.holds`: one row per customer-database row an erasure had to keep
/// for the accounting law, until its hold ends. The person is named only
/// by the keyed hash of the address (`subject_ref`); the row by its table
/// and its key values as a JSON object.
public struct Holds {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// A held row whose hold has ended.
    public struct Ended: Sendable, Equatable {
        public var id: Int
        /// The row's key values as text, in the order of the key columns
        /// asked for (nil where the key has no such member).
        public var key: [String?]
    }

    /// Records that `table`'s row `rowKeyJSON` is held for `subjectRef`
    /// until `erasableOn`, for `reason`; a row already held stays as it is.
    public func hold(subjectRef: String, table: String, rowKeyJSON: String?, erasableOn: Day, reason: String?) throws {
        try connection.execute("""
            INSERT INTO dsr.holds (subject_ref, table_name, row_key, erasable_on, reason)
            VALUES ($1, $2, $3::jsonb, $4::date, $5)
            ON CONFLICT (table_name, row_key) WHERE purged_at IS NULL DO NOTHING
            """, [.text(subjectRef), .text(table), .string(rowKeyJSON), .text(erasableOn.description), .string(reason)])
    }

    /// The open holds of `table` that end on or before `day`, oldest
    /// first, locked until the transaction ends, each with the values of
    /// `keyColumns` from its row key.
    public func ended(table: String, keyColumns: [String], by day: Day) throws -> [Ended] {
        // The key columns' names are bound ($3, $4, …), never written into the statement.
        let columns = ["id"] + keyColumns.indices.map { "row_key ->> $\($0 + 3)::text AS k\($0)" }
        let result = try connection.execute("""
            SELECT \(columns.joined(separator: ", ")) FROM dsr.holds
            WHERE table_name = $1 AND purged_at IS NULL AND erasable_on <= $2::date
            ORDER BY id FOR UPDATE
            """, [.text(table), .text(day.description)] + keyColumns.map { .text($0) })
        return try result.rows.map { row in
            Ended(id: try row.int("id"), key: keyColumns.indices.map { row["k\($0)"] })
        }
    }

    /// Marks the hold purged: its row is gone.
    public func markPurged(_ id: Int) throws {
        try connection.execute("UPDATE dsr.holds SET purged_at = now() WHERE id = $1", [.int(id)])
    }
}

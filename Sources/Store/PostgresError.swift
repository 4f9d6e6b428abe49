import LogSafety

/// A failure talking to PostgreSQL.
///
/// It carries the SQLSTATE and the names of the objects involved, never the
/// server's message text: that text can quote parameter values (`invalid
/// input syntax for type integer: "…"`, `Key (email)=(…)`), and parameter
/// values are personal data.
public struct PostgresError: LogSafeError, Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// No connection could be made (server down, bad credentials, …).
        case connectionFailed
        /// The connection broke while a statement ran: its outcome is unknown.
        case connectionLost
        /// The server rejected the statement; see `sqlState`.
        case statementFailed
        /// A result did not have the shape the caller expected.
        case unexpectedResult
    }

    public var kind: Kind
    public var sqlState: String?
    public var constraint: String?
    public var table: String?
    public var column: String?
    /// What dsrd was doing, written by dsrd (never server text).
    public var context: String

    public init(
        kind: Kind, sqlState: String? = nil, constraint: String? = nil,
        table: String? = nil, column: String? = nil, context: String
    ) {
        self.kind = kind
        self.sqlState = sqlState
        self.constraint = constraint
        self.table = table
        self.column = column
        self.context = context
    }

    /// 23505: the idempotency signal of inserts keyed by a unique constraint.
    public var isUniqueViolation: Bool { sqlState == "23505" }

    /// Serialization failures and deadlocks: run the transaction again.
    public var isRetryableTransactionFailure: Bool { sqlState == "40001" || sqlState == "40P01" }

    public var description: String {
        var parts = ["postgres \(kind.rawValue)", "context=\(context)"]
        if let sqlState { parts.append("sqlstate=\(sqlState)") }
        if let constraint { parts.append("constraint=\(constraint)") }
        if let table { parts.append("table=\(table)") }
        if let column { parts.append("column=\(column)") }
        return parts.joined(separator: " ")
    }
}

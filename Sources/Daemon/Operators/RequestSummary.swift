import Foundation
import Store

/// One line of `dsrd requests list`: a request and its deadline.
public struct RequestSummary: Sendable, Equatable {
    public var reference: String
    public var kinds: [String]
    public var state: String
    public var receivedAt: Date
    /// The deadline: the extended one when there is one (`YYYY-MM-DD`).
    public var dueOn: String
    public var extended: Bool
    public var language: String

    public init(reference: String, kinds: [String], state: String, receivedAt: Date, dueOn: String,
                extended: Bool, language: String) {
        self.reference = reference
        self.kinds = kinds
        self.state = state
        self.receivedAt = receivedAt
        self.dueOn = dueOn
        self.extended = extended
        self.language = language
    }

    /// The columns `init(row:)` reads, for a SELECT on `dsr.requests r`.
    static let columns = """
        r.reference, array_to_json(r.kinds)::text AS kinds_json, r.state, r.received_at,
        coalesce(r.extended_due_on, r.due_on)::text AS due_at, r.extended_due_on IS NOT NULL AS extended,
        r.language
        """

    init(row: QueryResult.Row) throws {
        self.init(reference: try row.string("reference"), kinds: try JSONText.strings(row.string("kinds_json")),
                  state: try row.string("state"), receivedAt: try row.date("received_at"),
                  dueOn: try row.string("due_at"), extended: try row.bool("extended"),
                  language: try row.string("language"))
    }
}

/// Reading JSON that PostgreSQL built (`array_to_json`, `jsonb`).
enum JSONText {
    static func strings(_ text: String) throws -> [String] {
        guard let values = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
            throw PostgresError(kind: .unexpectedResult, context: "reading a text array")
        }
        return values
    }
}

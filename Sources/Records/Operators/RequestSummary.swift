import Foundation
import Store

/// One line of `dsrd requests list`: a request and its deadline, as the
/// operator reads them (text, as stored).
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

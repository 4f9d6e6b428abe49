import Foundation
import Store

/// One event of a request's audit trail.
public struct AuditEntry: Sendable, Equatable {
    public var at: Date
    public var actor: String
    public var action: String
    public var fromState: String?
    public var toState: String?
    public var reason: String?
    /// The event's `details` as JSON text.
    public var detailsJSON: String
}

extension AuditEntry {
    init(row: QueryResult.Row) throws {
        self.init(at: try row.date("at"), actor: try row.string("actor"), action: try row.string("action"),
                  fromState: row["from_state"], toState: row["to_state"], reason: row["reason"],
                  detailsJSON: try row.string("details_json"))
    }
}

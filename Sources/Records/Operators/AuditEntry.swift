import Foundation

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

import Foundation
import Requests
import Store

/// One request as `dsrd requests export` hands it to an inspector: when it
/// came, when it was due, when and how it was closed, and by whom. No
/// address and nothing from the mail.
public struct ExportedRequest: Sendable, Equatable {
    public var reference: String
    public var receivedAt: Date
    /// The first due day.
    public var dueOn: Day
    /// The extended due day, when an operator extended the deadline.
    public var extendedDueOn: Day?
    public var state: RequestState
    public var kinds: [String]
    /// When it moved into its closed state (completed, rejected, ignored);
    /// nil while it is open.
    public var closedAt: Date?
    /// The audit actor of that move (`operator:kari`, `dsrd:fulfil`, …).
    public var closedBy: String?
    /// The operator who approved it, when one did.
    public var approvedBy: String?

    public init(reference: String, receivedAt: Date, dueOn: Day, extendedDueOn: Day?, state: RequestState,
                kinds: [String], closedAt: Date?, closedBy: String?, approvedBy: String?) {
        self.reference = reference
        self.receivedAt = receivedAt
        self.dueOn = dueOn
        self.extendedDueOn = extendedDueOn
        self.state = state
        self.kinds = kinds
        self.closedAt = closedAt
        self.closedBy = closedBy
        self.approvedBy = approvedBy
    }
}

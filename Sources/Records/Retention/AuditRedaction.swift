import Store

/// The one way personal values leave the audit trail: the owner's
/// `dsr.redact_audit_values`, which clears them (a correction's old and new
/// values, attachment names) in the events of closed requests whose mail is
/// already cleared, and leaves every action, actor, time, state and reason.
public struct AuditRedaction {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Returns how many events changed.
    public func redact(requestIDs: [Int]) throws -> Int {
        guard !requestIDs.isEmpty else { return 0 }
        return try connection.execute("SELECT dsr.redact_audit_values($1::bigint[]) AS changed",
                                      [.textArray(requestIDs.map(String.init))]).first?.optionalInt("changed") ?? 0
    }
}

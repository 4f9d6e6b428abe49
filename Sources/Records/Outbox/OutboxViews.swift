import Store

/// The reads behind `dsrd outbox list|show` and the outbox counts of
/// `dsrd status`: read-only, bound parameters only.
public struct OutboxViews {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Up to `limit` messages in one of `states`, newest first.
    public func entries(in states: [OutboxState], limit: Int) throws -> [OutboxEntry] {
        try connection.execute("""
            SELECT \(OutboxEntry.columns) FROM \(OutboxEntry.source)
            WHERE o.state = ANY($1::text[])
            ORDER BY o.id DESC
            LIMIT $2::int
            """, [.textArray(states.map(\.rawValue)), .int(limit)]).rows.map(OutboxEntry.init(row:))
    }

    /// How many messages are in each state; states without any are left out.
    public func counts() throws -> [OutboxState: Int] {
        var counts: [OutboxState: Int] = [:]
        for row in try connection.execute("SELECT state, count(*) AS n FROM dsr.outbox GROUP BY state").rows {
            if let state = OutboxState(rawValue: try row.string("state")) { counts[state] = try row.int("n") }
        }
        return counts
    }

    /// The message with this id; nil when there is none.
    public func entry(id: Int) throws -> OutboxEntry? {
        try connection.execute("SELECT \(OutboxEntry.columns) FROM \(OutboxEntry.source) WHERE o.id = $1::bigint",
                               [.int(id)]).first.map(OutboxEntry.init(row:))
    }

    /// The message's bytes as queued; nil when there is no such message.
    public func raw(id: Int) throws -> [UInt8]? {
        try connection.execute("SELECT raw FROM dsr.outbox WHERE id = $1::bigint", [.int(id)]).first?.bytes("raw")
    }

    /// The audit events about this message (`details.outbox_id`), in order.
    public func audit(of id: Int) throws -> [AuditEntry] {
        try connection.execute("""
            SELECT at, actor, action, from_state, to_state, reason, details::text AS details_json
            FROM dsr.audit_events
            WHERE details ? 'outbox_id' AND (details->>'outbox_id') = $1::text
            ORDER BY id
            """, [.text(String(id))]).rows.map(AuditEntry.init(row:))
    }
}

import Foundation
import MailCore
import Records
import Store

/// What `dsrd outbox list|show` shows: the reads of `OutboxViews`, each
/// sent once more on a new connection when the connection was lost.
public struct OutboxQueries: Sendable {
    public let client: PostgresClient

    public init(client: PostgresClient) {
        self.client = client
    }

    /// A listing and whether it was cut.
    public struct Listing: Sendable {
        public var entries: [OutboxEntry]
        /// How many there are in all, when the limit cut the list.
        public var total: Int?
    }

    /// Up to `limit` messages (nil: all) in one of `states`, newest first.
    public func listing(states: [OutboxState], limit: Int?) async throws -> Listing {
        try await client.withConnection(retryOnConnectionLoss: true) { connection in
            let views = OutboxViews(connection)
            guard let limit else { return Listing(entries: try views.entries(in: states, limit: Int(Int32.max))) }
            var entries = try views.entries(in: states, limit: limit + 1)
            guard entries.count > limit else { return Listing(entries: entries) }
            entries.removeLast(entries.count - limit)
            let counts = try views.counts()
            return Listing(entries: entries, total: states.reduce(0) { $0 + (counts[$1] ?? 0) })
        }
    }

    /// One message: its row, what its header says, its bytes and the audit
    /// events about it.
    public struct Detail: Sendable {
        public var entry: OutboxEntry
        public var message: ParsedMessage
        public var raw: [UInt8]
        public var audit: [AuditEntry]
    }

    public func detail(id: Int) async throws -> Detail {
        let found = try await client.withConnection(retryOnConnectionLoss: true) { connection in
            let views = OutboxViews(connection)
            guard let entry = try views.entry(id: id), let raw = try views.raw(id: id) else {
                return nil as (OutboxEntry, [UInt8], [AuditEntry])?
            }
            return (entry, raw, try views.audit(of: id))
        }
        guard let (entry, raw, audit) = found else { throw OperatorError.unknownOutboxID(id) }
        return Detail(entry: entry, message: MessageReader.read(raw), raw: raw, audit: audit)
    }
}

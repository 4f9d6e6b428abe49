import Requests
import Store

/// The follow-ups intake attached to requests (`dsr.request_messages` in
/// the role `follow_up`) as fulfilment reads them: each once, marked
/// `checked_at` in the transaction that read it.
public struct FollowUps {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// One follow-up not yet read: its link and its request.
    public struct Unread: Sendable, Equatable {
        public var linkID: Int
        public var requestID: Int
    }

    /// Up to `limit` unread follow-ups of requests in `state`, oldest first.
    public func unread(ofRequestsIn state: RequestState, limit: Int) throws -> [Unread] {
        try connection.execute("""
            SELECT m.id, m.request_id FROM dsr.request_messages m JOIN dsr.requests r ON r.id = m.request_id
            WHERE m.role = 'follow_up' AND m.checked_at IS NULL AND r.state = $2
            ORDER BY m.id LIMIT $1
            """, [.int(limit), .text(state.rawValue)]).rows.map {
            Unread(linkID: try $0.int("id"), requestID: try $0.int("request_id"))
        }
    }

    /// The bytes of the follow-up `linkID`; nil when it has been read
    /// meanwhile (or is gone).
    public func unreadMessage(linkID: Int) throws -> [UInt8]? {
        try connection.execute("""
            SELECT i.raw FROM dsr.request_messages m JOIN dsr.inbound i ON i.id = m.inbound_id
            WHERE m.id = $1 AND m.checked_at IS NULL
            """, [.int(linkID)]).first?.bytes("raw")
    }

    /// Marks the follow-up read.
    public func markRead(linkID: Int) throws {
        try connection.execute("UPDATE dsr.request_messages SET checked_at = now() WHERE id = $1", [.int(linkID)])
    }
}

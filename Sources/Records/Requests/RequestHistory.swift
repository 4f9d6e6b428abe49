import Foundation
import Requests
import Store

/// What the database knows of earlier requests, for the abuse limits and
/// repeats: counts of requests opened in a window (by one address, or by
/// everyone in one budget), and an open request a new one repeats. An
/// address counts for the requests it SENT (`requester_address`), never for
/// those that named it: nobody can use up another person's limits, or make
/// their request a "repeat" of one they did not send. Bound parameters only.
public struct RequestHistory {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Serialises intake of one address's mail until the transaction ends,
    /// so two daemons cannot both open the "first" of a repeated request or
    /// both slip under the sender limit. (Keys of two int4 never collide with
    /// the migrator's single bigint key.) `canonical`: the address's
    /// canonical form, so every spelling of it takes the same lock.
    public func lockSender(canonical: String) throws {
        try connection.execute("SELECT pg_advisory_xact_lock(\(Self.lockClass), hashtext($1))", [.text(canonical)])
    }

    /// "dsri": intake's advisory lock class.
    static let lockClass: Int32 = 0x6473_7269

    /// Requests (other than `ignored`) sent by this address (`forms`:
    /// `AddressMatcher.storedForms`, compared with ASCII letters folded
    /// only), received after `since`.
    public func requests(from forms: [String], since: Date) throws -> Int {
        try connection.execute("""
            SELECT count(*) AS n FROM dsr.requests
            WHERE lower(requester_address COLLATE "C") = ANY($1::text[]) AND received_at > $2 AND state <> 'ignored'
            """, [.textArray(forms), .timestamp(since)]).first?.int("n") ?? 0
    }

    /// Requests (other than `ignored`) opened by authenticated (or by
    /// other) senders received after `since`, counted up to `limit` (the
    /// policy only asks whether the limit is reached), so the count stays
    /// cheap however full the window.
    public func requests(since: Date, authenticated: Bool, upTo limit: Int) throws -> Int {
        try connection.execute("""
            SELECT count(*) AS n FROM (
                SELECT 1 FROM dsr.requests
                WHERE received_at > $1 AND state <> 'ignored' AND sender_authenticated = $3 LIMIT $2
            ) recent
            """, [.timestamp(since), .int(limit), .bool(authenticated)]).first?.int("n") ?? 0
    }

    /// The oldest open request this address sent (and that still acts on
    /// it) received after `since` with exactly these kinds and these
    /// extracted fields (`fieldsJSON`, as intake stores them).
    public func openRequest(from forms: [String], kinds: Set<RequestKind>, fieldsJSON: String, since: Date) throws -> Int? {
        try connection.execute("""
            SELECT id FROM dsr.requests
            WHERE lower(requester_address COLLATE "C") = ANY($1::text[])
              AND lower(subject_address COLLATE "C") = ANY($1::text[]) AND received_at > $2
              AND state = ANY($5::text[])
              AND kinds @> $3::text[] AND kinds <@ $3::text[] AND fields = $4::jsonb
            ORDER BY id LIMIT 1
            """, [.textArray(forms), .timestamp(since), .textArray(kinds.sorted().map(\.rawValue)), .text(fieldsJSON),
                  .textArray(RequestState.open.map(\.rawValue))]).first?.int("id")
    }

    /// How many messages have been linked to the request as repeats.
    public func repeats(of requestID: Int) throws -> Int {
        try connection.execute("""
            SELECT count(*) AS n FROM dsr.request_messages WHERE request_id = $1 AND role = 'repeat'
            """, [.int(requestID)]).first?.int("n") ?? 0
    }
}

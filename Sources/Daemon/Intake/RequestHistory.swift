import Foundation
import Store

/// What the database knows of earlier requests, for the abuse limits and
/// repeats: counts of requests opened in a window (by one address, or by
/// everyone), and an open request a new one repeats. Bound parameters only.
struct RequestHistory {
    let connection: PostgresConnection

    init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Serialises intake of one address's mail until the transaction ends,
    /// so two daemons cannot both open the "first" of a repeated request or
    /// both slip under the sender limit. (Keys of two int4 never collide with
    /// the migrator's single bigint key.) `canonical`: the address's
    /// canonical form, so every spelling of it takes the same lock.
    func lockSender(canonical: String) throws {
        try connection.execute("SELECT pg_advisory_xact_lock(\(Self.lockClass), hashtext($1))", [.text(canonical)])
    }

    /// "dsri": intake's advisory lock class.
    static let lockClass: Int32 = 0x6473_7269

    /// Requests (other than `ignored`) opened by this address (`forms`:
    /// `AddressMatcher.storedForms`, compared with ASCII letters folded
    /// only), received after `since`.
    func requests(from forms: [String], since: Date) throws -> Int {
        try connection.execute("""
            SELECT count(*) AS n FROM dsr.requests
            WHERE lower(subject_address COLLATE "C") = ANY($1::text[]) AND received_at > $2 AND state <> 'ignored'
            """, [.textArray(forms), .timestamp(since)]).first?.int("n") ?? 0
    }

    /// Requests (other than `ignored`) opened by anyone received after
    /// `since`, counted up to `limit` (the policy only asks whether the
    /// limit is reached), so the count stays cheap however full the window.
    func requests(since: Date, upTo limit: Int) throws -> Int {
        try connection.execute("""
            SELECT count(*) AS n FROM (
                SELECT 1 FROM dsr.requests WHERE received_at > $1 AND state <> 'ignored' LIMIT $2
            ) recent
            """, [.timestamp(since), .int(limit)]).first?.int("n") ?? 0
    }

    /// The oldest open request of this address received after `since` with
    /// exactly these kinds (as a set) and these extracted fields.
    func openRequest(from forms: [String], kinds: [String], fieldsJSON: String, since: Date) throws -> Int? {
        try connection.execute("""
            SELECT id FROM dsr.requests
            WHERE lower(subject_address COLLATE "C") = ANY($1::text[]) AND received_at > $2
              AND state IN ('received', 'awaiting_confirmation', 'needs_review')
              AND kinds @> $3::text[] AND kinds <@ $3::text[] AND fields = $4::jsonb
            ORDER BY id LIMIT 1
            """, [.textArray(forms), .timestamp(since), .textArray(kinds), .text(fieldsJSON)]).first?.int("id")
    }

    /// How many messages have been linked to the request as repeats.
    func repeats(of requestID: Int) throws -> Int {
        try connection.execute("""
            SELECT count(*) AS n FROM dsr.request_messages WHERE request_id = $1 AND role = 'repeat'
            """, [.int(requestID)]).first?.int("n") ?? 0
    }
}

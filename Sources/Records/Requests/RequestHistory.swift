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

    /// What a sender has asked before, in one statement: how many requests
    /// (other than `ignored`) this address (`forms`: `AddressMatcher.storedForms`,
    /// compared with ASCII letters folded only) sent after `since`, and,
    /// with `repeating`, the oldest open request it sent (and that still
    /// acts on it) after `repeating.since` with exactly these kinds and
    /// these extracted fields (`fieldsJSON`, as intake stores them).
    ///
    /// The matches are found first (`OFFSET 0` keeps them apart) and then
    /// ordered, as in every "the first link of" lookup of the schema: with
    /// `ORDER BY id LIMIT 1` beside the match, a plan made while the table
    /// was small walks the primary key in order and reads every row when
    /// nothing matches (`InboundLedger.insertFindingEarlierCopy`).
    public func sender(_ forms: [String], since: Date, repeating: Repeat?) throws -> (requests: Int, openRepeat: Int?) {
        let row = try connection.execute("""
            SELECT (SELECT count(*) FROM dsr.requests
                    WHERE lower(requester_address COLLATE "C") = ANY($1::text[]) AND received_at > $2
                      AND state <> 'ignored') AS n,
                   CASE WHEN $3::boolean THEN
                       (SELECT id FROM (
                            SELECT id FROM dsr.requests
                            WHERE lower(requester_address COLLATE "C") = ANY($1::text[])
                              AND lower(subject_address COLLATE "C") = ANY($1::text[]) AND received_at > $4
                              AND state = ANY($7::text[])
                              AND kinds @> $5::text[] AND kinds <@ $5::text[] AND fields = $6::jsonb
                            OFFSET 0) matching
                        ORDER BY id LIMIT 1)
                   END AS repeat_id
            """, [.textArray(forms), .timestamp(since), .bool(repeating != nil),
                  repeating.map { .timestamp($0.since) } ?? .null,
                  .textArray((repeating?.kinds ?? []).sorted().map(\.rawValue)), .text(repeating?.fieldsJSON ?? "{}"),
                  .textArray(RequestState.open.map(\.rawValue))]).first
        return (try row?.int("n") ?? 0, row?.optionalInt("repeat_id"))
    }

    /// The request a new one would repeat: these kinds and fields, since.
    public struct Repeat: Sendable {
        public var kinds: Set<RequestKind>
        public var fieldsJSON: String
        public var since: Date

        public init(kinds: Set<RequestKind>, fieldsJSON: String, since: Date) {
            self.kinds = kinds
            self.fieldsJSON = fieldsJSON
            self.since = since
        }
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

    /// How many messages have been linked to the request as repeats.
    public func repeats(of requestID: Int) throws -> Int {
        try connection.execute("""
            SELECT count(*) AS n FROM dsr.request_messages WHERE request_id = $1 AND role = 'repeat'
            """, [.int(requestID)]).first?.int("n") ?? 0
    }
}

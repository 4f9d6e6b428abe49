import Foundation
import Records
import Requests
import Store
import Testing

/// `RequestStates.apply` with the state a caller expects: written at once
/// when the request is in it, read and applied as usual when it is not.
extension LiveStackTests {
    @Suite struct RequestStatesIntegrationTests {
        @Test func anExpectedStateSavesTheReadAndAWrongOneIsReadAgain() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let actor = "test:expecting-\(UUID().uuidString.prefix(8))"
            let now = Date()
            let ids = try await client.transaction { connection in
                let states = RequestStates(connection)
                let right = try TestData.open(TestData.Request(subject: "kari.nordmann@example.no"), in: connection).id
                let wrong = try TestData.open(TestData.Request(subject: "ola.nordmann@example.no"), in: connection).id
                // Expected right: received → completed.
                let first = try states.apply(.completed(reason: "answered"), to: right, actor: actor, at: now,
                                             expecting: .received)
                #expect(first?.from == .received && first?.to == .completed)
                // Expected wrong (it is received): read, then the usual transition.
                let second = try states.apply(.sentToReview(reason: "to a person"), to: wrong, actor: actor, at: now,
                                              expecting: .awaitingConfirmation)
                #expect(second?.from == .received && second?.to == .needsReview)
                // Expected received, but it is completed now: no transition from there, nothing written.
                let third = try states.apply(.completed(reason: "again"), to: right, actor: actor, at: now,
                                             expecting: .received)
                #expect(third == nil)
                return [right, wrong]
            }
            let rows = try await client.query("""
                SELECT r.id, r.state, r.completed_at IS NOT NULL AS stamped, e.from_state, e.to_state, e.reason
                FROM dsr.requests r JOIN dsr.audit_events e ON e.request_id = r.id AND e.actor = $2
                WHERE r.id = ANY($1::bigint[]) ORDER BY r.id, e.id
                """, [.textArray(ids.map(String.init)), .text(actor)]).rows
            #expect(rows.map { $0["state"] } == ["completed", "needs_review"])
            #expect(rows.map { $0["from_state"] } == ["received", "received"])
            #expect(rows.map { $0["reason"] } == ["answered", "to a person"])
            #expect(rows.first?["stamped"] == "t")
            await client.close()
        }

        /// Fulfilment's state change ends its attempt in the same statement:
        /// the owed receipt and the attempt count are cleared there, in both
        /// the expected-state and the read-first paths; any other change
        /// (an answer to a confirmation, an operator's) leaves them as they
        /// were, and the sweep still sends an owed receipt.
        @Test func onlyAChangeThatEndsFulfilmentsAttemptClearsTheOwedReceiptAndTheCount() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let actor = "test:ending-\(UUID().uuidString.prefix(8))"
            let now = Date()
            let ids = try await client.transaction { connection in
                let states = RequestStates(connection)
                var ids: [Int] = []
                for name in ["kari", "ola", "per"] {
                    let id = try TestData.open(TestData.Request(subject: "\(name).nordmann@example.no"), in: connection).id
                    try connection.execute("""
                        UPDATE dsr.requests SET receipt_due_at = now() + interval '1 hour', fulfil_attempts = 2 WHERE id = $1
                        """, [.int(id)])
                    ids.append(id)
                }
                try states.apply(.completed(reason: "answered"), to: ids[0], actor: actor, at: now,
                                 expecting: .received, endingFulfilAttempt: true)
                // Expected wrong: read first, then written with the same columns.
                try states.apply(.sentToReview(reason: "to a person"), to: ids[1], actor: actor, at: now,
                                 expecting: .awaitingConfirmation, endingFulfilAttempt: true)
                try states.apply(.sentToReview(reason: "to a person"), to: ids[2], actor: actor, at: now,
                                 expecting: .received)
                return ids
            }
            let rows = try await client.query("""
                SELECT state, receipt_due_at IS NOT NULL AS owed, fulfil_attempts FROM dsr.requests
                WHERE id = ANY($1::bigint[]) ORDER BY id
                """, [.textArray(ids.map(String.init))]).rows
            #expect(rows.map { $0["state"] } == ["completed", "needs_review", "needs_review"])
            #expect(rows.map { $0["owed"] } == ["f", "f", "t"])
            #expect(rows.map { $0["fulfil_attempts"] } == ["0", "0", "2"])
            await client.close()
        }
    }
}

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
    }
}

import Daemon
import Foundation
import MailCore
import Records
import Store
import Testing

/// One mail instead of two: a receipt still waiting when the answer is
/// queued is withdrawn; one a delivery has claimed, or one followed by a
/// reply that does not answer, still goes.
extension LiveStackTests {
    @Suite struct ReceiptWithdrawalIntegrationTests {
        let fixture: OutboxFixture

        init() async throws { fixture = try await OutboxFixture.prepare(LocalStack()) }

        private func queue(_ template: String, for requestID: Int) async throws -> Int {
            let messageID = "<dsrd-test-\(UUID().uuidString)@janteloppet.test>"
            let mail = ComposedMail(raw: Array("Subject: test\r\n\r\nHei\r\n".utf8), envelopeFrom: "notices@janteloppet.test",
                                    recipients: ["kari.withdrawal@example.no"], messageID: messageID, template: template)
            return try await fixture.client.transaction { connection in
                try Outbox(connection).enqueue(mail, for: requestID, actor: "dsrd:test")
            }
        }

        private func states(_ requestID: Int) async throws -> [String] {
            try await fixture.client.query(
                "SELECT template || ' ' || state AS row FROM dsr.outbox WHERE request_id = $1::bigint ORDER BY id",
                [.int(requestID)]).rows.compactMap { $0["row"] }
        }

        private func withdrawals(_ requestID: Int) async throws -> Int {
            try await fixture.client.query(
                "SELECT count(*) AS n FROM dsr.audit_events WHERE request_id = $1::bigint AND action = 'receipt_withdrawn'",
                [.int(requestID)]).first?.int("n") ?? -1
        }

        @Test func anAnswerQueuedBeforeTheReceiptLeftWithdrawsIt() async throws {
            let request = try await fixture.insertRequest(subject: "kari.withdrawal@example.no")
            let receipt = try await queue("receipt", for: request.id)
            // A reply that does not answer the request leaves the receipt to go.
            _ = try await queue("more_information", for: request.id)
            #expect(try await states(request.id) == ["receipt pending", "more_information pending"])
            #expect(try await withdrawals(request.id) == 0)
            let answer = try await queue("object_completed", for: request.id)
            #expect(try await states(request.id) == ["receipt cancelled", "more_information pending", "object_completed pending"])
            let event = try #require(try await fixture.client.query("""
                SELECT actor, reason, details->>'outbox_id' AS receipt, details->>'answered_by' AS answer
                FROM dsr.audit_events WHERE request_id = $1::bigint AND action = 'receipt_withdrawn'
                """, [.int(request.id)]).first)
            #expect(event["actor"] == "dsrd:test" && event["reason"] == "object_completed")
            #expect(event["receipt"] == String(receipt) && event["answer"] == String(answer))
        }

        @Test func aReceiptADeliveryHasClaimedStillGoes() async throws {
            let request = try await fixture.insertRequest(subject: "kari.withdrawal@example.no")
            let receipt = try await queue("receipt", for: request.id)
            // As a delivery's claim leaves it: leased, so it may be on its way.
            try await fixture.client.query("UPDATE dsr.outbox SET next_attempt_at = now() + interval '5 minutes' WHERE id = $1::bigint",
                                           [.int(receipt)])
            _ = try await queue("no_data", for: request.id)
            #expect(try await states(request.id) == ["receipt pending", "no_data pending"])
            #expect(try await withdrawals(request.id) == 0)
        }

        @Test func aReceiptThatFailedOnceIsNotWithdrawn() async throws {
            let request = try await fixture.insertRequest(subject: "kari.withdrawal@example.no")
            let receipt = try await queue("receipt", for: request.id)
            try await fixture.client.query("UPDATE dsr.outbox SET attempts = 1 WHERE id = $1::bigint", [.int(receipt)])
            _ = try await queue("access_completed", for: request.id)
            #expect(try await states(request.id) == ["receipt pending", "access_completed pending"])
        }
    }
}

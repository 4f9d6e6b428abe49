import Daemon
import DaemonTesting
import Foundation
import MailCore
import Records
import Store
import Testing

/// The operators are told at once when a request needs a person: by
/// intake, by fulfilment and by delivery, in the transaction that moves
/// the request, and never more often than the hourly cap.
extension LiveStackTests {
    @Suite struct OperatorAlertIntegrationTests {
        /// The notes about `requestID`, parsed.
        func notes(_ harness: IntakeHarness, _ requestID: Int) async throws -> [ParsedMessage] {
            try await harness.operatorNotes(requestID: requestID).map { MessageReader.read(try $0.bytes("raw")) }
        }

        @Test func mailThatNeedsAPersonTellsTheOperatorsInTheSameRound() async throws {
            let harness = try IntakeHarness()
            let writer = LocalStack.uniqueAddress("per.hansen", domain: "example.net")
            try await harness.deliver(requestMail(from: writer, to: harness.notices, subject: "Spørsmål",
                                                  body: "Hei, kan noen ringe meg om konferansen i mai?",
                                                  messageID: "alert-\(UUID().uuidString)@example.net"),
                                      from: writer, expectInbox: 1)
            _ = try await harness.stage().runOnce()
            let request = try #require(try await harness.requests().first)
            #expect(request["state"] == "needs_review")
            let notes = try await notes(harness, try request.int("id"))
            #expect(notes.count == 1)
            let note = try #require(notes.first)
            #expect(note.to.map(\.address) == ["operators@janteloppet.test"])
            #expect(note.text.contains(try request.string("reference")) && note.text.contains("no request recognised"))
            #expect(note.text.contains("dsrd requests show \(try request.string("reference"))"))
            // Nothing of the person: not the address, not the words.
            #expect(!note.text.contains(writer) && !note.text.contains("ringe meg"))
            // …and nothing to the person, who asked no privacy question.
            #expect(try await harness.outbox(requestID: try request.int("id")).isEmpty)
        }

        @Test func aFloodOfSuchMailIsCappedPerHour() async throws {
            let harness = try IntakeHarness()
            let already = try await harness.rows(
                "SELECT count(*) AS n FROM dsr.outbox WHERE template = 'operator_note' AND created_at > now() - interval '1 hour'")
                .first?.int("n") ?? 0
            // One more note fits under the cap; the second message finds it full.
            var settings = harness.components.intake
            settings.operatorAlerts = OperatorAlerts(address: "operators@janteloppet.test", maximumPerHour: already + 1)
            let writer = LocalStack.uniqueAddress("spam", domain: "example.net")
            for index in 0..<2 {
                try await harness.deliver(requestMail(from: writer, to: harness.notices, subject: "Offer \(index)",
                                                      body: "Buy our conference chairs, best prices in Norway.",
                                                      messageID: "flood-\(index)-\(UUID().uuidString)@example.net"),
                                          from: writer, expectInbox: index + 1)
            }
            _ = try await harness.stage(settings: settings).runOnce()
            let requests = try await harness.requests()
            #expect(requests.count == 2 && requests.allSatisfy { $0["state"] == "needs_review" })
            var told = 0
            for request in requests { told += try await harness.operatorNotes(requestID: try request.int("id")).count }
            #expect(told == 1)
        }

        @Test func aReplyThatFailsForGoodTellsTheOperators() async throws {
            let stack = try LocalStack()
            let fixture = try await OutboxFixture.prepare(stack)
            let request = try await fixture.insertRequest(subject: LocalStack.uniqueAddress("failed-subject"))
            _ = try await fixture.insertOutbox(requestID: request.id, recipient: "rejected@example.net")
            let writer = try IntakeHarness().components.writer
            let stage = DeliveryStage(
                outbox: PostgresOutboxDelivery(client: fixture.client, writer: writer,
                                               alerts: OperatorAlerts(address: "operators@janteloppet.test",
                                                                      maximumPerHour: 100_000)),
                sender: stack.smtp(), clock: fixture.clock, logger: Logger(level: .error), settings: .init())
            #expect(try await stage.runOnce().failed == 1)
            #expect(try await fixture.requestState(request.id) == "needs_review")
            let notes = try await fixture.client.query("""
                SELECT raw FROM dsr.outbox WHERE request_id = $1 AND template = 'operator_note'
                """, [.int(request.id)]).rows.map { MessageReader.read(try $0.bytes("raw")) }
            #expect(notes.count == 1)
            #expect(notes.first?.text.contains("smtp reply 550") == true)
        }
    }
}

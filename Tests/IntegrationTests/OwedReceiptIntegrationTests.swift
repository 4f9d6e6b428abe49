import Foundation
import MailCore
import Records
import Store
import Testing

/// With a receipt grace (`delivery.receipt_grace_seconds`), a request intake
/// hands to fulfilment owes its receipt instead of queuing it: an answer
/// within the grace stands in for it and no receipt is ever written; a
/// request fulfilment has not reached when the grace is over gets it then.
extension LiveStackTests {
    @Suite struct OwedReceiptIntegrationTests {
        private static func fixture() throws -> PipelineFixture {
            try PipelineFixture { object in object["delivery"] = ["receipt_grace_seconds": 60] }
        }

        /// The templates queued for a request, in order, whether it still owes
        /// a receipt, and fulfilment's unfinished attempts at it.
        private static func mail(of requestID: Int, _ fixture: PipelineFixture) async throws
            -> (templates: [String], owed: Bool, attempts: Int) {
            let templates = try await fixture.database.query(
                "SELECT template FROM dsr.outbox WHERE request_id = $1::bigint ORDER BY id", [.int(requestID)]
            ).rows.compactMap { $0["template"] }
            let row = try #require(try await fixture.database.query(
                "SELECT receipt_due_at IS NOT NULL AS owed, fulfil_attempts FROM dsr.requests WHERE id = $1::bigint",
                [.int(requestID)]).first)
            return (templates, try row.bool("owed"), try row.int("fulfil_attempts"))
        }

        @Test func anAnswerWithinTheGraceLeavesNoReceiptToWithdraw() async throws {
            let fixture = try Self.fixture()
            let person = LocalStack.uniqueAddress("owed.answered", domain: "example.org")
            try await fixture.send("""
                From: Kari Nordmann <\(person)>\r
                To: \(fixture.notices)\r
                Subject: Personvern\r
                Message-ID: <owed-\(UUID().uuidString)@example.org>\r
                Date: Wed, 25 Nov 2026 10:00:00 +0100\r
                \r
                Please send me a copy of all personal data you hold about me.\r

                """, from: person)
            _ = try await fixture.stack.waitForMessages(fixture.stack.imap(user: fixture.notices), mailbox: .inbox, count: 1)
            let run = try await fixture.runOnce()
            #expect(run.status == 0, "\(run.log)")
            let request = try #require(try await fixture.database.query("""
                SELECT r.id FROM dsr.requests r JOIN dsr.request_messages m ON m.request_id = r.id AND m.role = 'request'
                JOIN dsr.inbound i ON i.id = m.inbound_id WHERE i.mailbox = $1
                """, [.text(fixture.notices + "/INBOX")]).first).int("id")
            let (templates, owed, attempts) = try await Self.mail(of: request, fixture)
            #expect(templates.count == 1 && !templates.contains("receipt"), "\(templates)")
            // Settled, and the attempt ended, in one write of the row.
            #expect(!owed && attempts == 0)
            let withdrawn = try await fixture.database.query(
                "SELECT count(*) AS n FROM dsr.audit_events WHERE request_id = $1::bigint AND action = 'receipt_withdrawn'",
                [.int(request)]).first?.int("n")
            #expect(withdrawn == 0)
            // One mail reaches the person: the answer.
            let received = try await fixture.mailbox(of: person, count: 1).map { MessageReader.read($0) }
            #expect(received.count == 1)
            await fixture.database.close()
        }

        @Test func aRequestNotReachedWithinTheGraceGetsItsReceipt() async throws {
            let fixture = try Self.fixture()
            let person = LocalStack.uniqueAddress("owed.late", domain: "example.org")
            // Opened a while ago, its grace over, fulfilment not there yet.
            let request = try await fixture.database.withConnection { connection in
                let id = try TestData.open(TestData.Request(subject: person), in: connection).id
                try connection.execute("UPDATE dsr.requests SET receipt_due_at = now() - interval '1 second' WHERE id = $1",
                                       [.int(id)])
                return id
            }
            let run = try await fixture.runOnce()
            #expect(run.status == 0, "\(run.log)")
            #expect(run.log.contains("msg=\"receipt queued after its grace\""), "\(run.log)")
            let (templates, owed, attempts) = try await Self.mail(of: request, fixture)
            // The receipt first, once; then whatever the round made of the
            // request (without its message it goes to a person, who is told).
            #expect(templates.first == "receipt" && templates.filter { $0 == "receipt" }.count == 1, "\(templates)")
            #expect(!owed && attempts == 0)
            let mail = try await fixture.mailbox(of: person, count: 1).map { MessageReader.read($0) }
            #expect(mail.count == 1 && mail.first?.messageID != nil)
            await fixture.database.close()
        }

        /// A request that left `received` within its grace some other way
        /// (a follow-up from the person sent it to review) gets its receipt
        /// all the same; one closed meanwhile owes nothing any more.
        @Test func aRequestThatLeftReceivedGetsItsReceiptWhileOpenAndNoneOnceClosed() async throws {
            let fixture = try Self.fixture()
            let reviewed = LocalStack.uniqueAddress("owed.reviewed", domain: "example.org")
            let closed = LocalStack.uniqueAddress("owed.closed", domain: "example.org")
            let (open, done) = try await fixture.database.withConnection { connection in
                var inReview = TestData.Request(subject: reviewed)
                inReview.state = .needsReview
                var completed = TestData.Request(subject: closed)
                completed.state = .completed
                let ids = (try TestData.open(inReview, in: connection).id, try TestData.open(completed, in: connection).id)
                try connection.execute("""
                    UPDATE dsr.requests SET receipt_due_at = now() - interval '1 second' WHERE id = ANY($1::bigint[])
                    """, [.textArray([String(ids.0), String(ids.1)])])
                return ids
            }
            let run = try await fixture.runOnce()
            #expect(run.status == 0, "\(run.log)")
            let inReview = try await Self.mail(of: open, fixture)
            #expect(inReview.templates == ["receipt"] && !inReview.owed, "\(inReview)")
            let mail = try await fixture.mailbox(of: reviewed, count: 1).map { MessageReader.read($0) }
            #expect(mail.count == 1)
            let finished = try await Self.mail(of: done, fixture)
            #expect(finished.templates.isEmpty && !finished.owed, "\(finished)")
            #expect(run.log.contains("msg=\"owed receipt dropped: the request was closed first\""), "\(run.log)")
            await fixture.database.close()
        }
    }
}

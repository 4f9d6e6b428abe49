import Daemon
import DaemonTesting
import Foundation
import Records
import Requests
import Store
import Testing
import Transport

/// Requests and outbox rows these tests make for themselves. Each test's
/// clock stands at its own random moment in the year 2001, so its stage
/// claims only the rows the test inserted (due then), never anyone else's.
struct OutboxFixture {
    let client: PostgresClient
    let clock: ManualWallClock

    private init(stack: LocalStack) {
        client = PostgresClient(configuration: stack.postgres)
        clock = ManualWallClock(Date(timeIntervalSince1970: 978_307_200 + Double.random(in: 0..<30_000_000).rounded()))
    }

    /// A request in state `received`, for a fictional subject.
    func insertRequest(subject: String, state: String = "received") async throws -> (id: Int, reference: String) {
        var request = TestData.Request(subject: subject, receivedAt: clock.now())
        request.state = try #require(RequestState(rawValue: state))
        request.language = .nb
        let opened = request
        return try await client.transaction { try TestData.open(opened, in: $0) }
    }

    /// A pending reply to `recipient`, due at the fixture's clock.
    func insertOutbox(requestID: Int?, recipient: String, template: String = "receipt") async throws -> (id: Int, messageID: String) {
        let messageID = "dsrd-test-\(UUID().uuidString)@janteloppet.test"
        let raw = """
            From: Janteloppet personvern <notices@janteloppet.test>\r
            To: \(recipient)\r
            Subject: =?UTF-8?Q?Vi_har_mottatt_foresp=C3=B8rselen_din?=\r
            Message-ID: <\(messageID)>\r
            Date: Wed, 25 Nov 2026 10:00:00 +0100\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Hei, vi har mottatt forespørselen din.\r

            """
        let row = try await client.query("""
            INSERT INTO dsr.outbox (request_id, message_id, template, envelope_from, recipients, raw, next_attempt_at)
            VALUES ($1::bigint, $2, $3, 'notices@janteloppet.test', $4::text[], $5, $6::timestamptz)
            RETURNING id
            """, [.int(requestID), .text("<\(messageID)>"), .text(template), .textArray([recipient]),
                  .bytes(Array(raw.utf8)), .timestamp(clock.now())])
        return (try row.first?.int("id") ?? -1, messageID)
    }

    func outbox(_ id: Int) async throws -> QueryResult.Row {
        let result = try await client.query("""
            SELECT state, attempts, next_attempt_at, last_error, sent_at FROM dsr.outbox WHERE id = $1::bigint
            """, [.int(id)])
        return try #require(result.first)
    }

    func requestState(_ id: Int) async throws -> String? {
        try await client.query("SELECT state FROM dsr.requests WHERE id = $1::bigint", [.int(id)]).first?["state"]
    }

    func audit(_ requestID: Int) async throws -> [QueryResult.Row] {
        try await client.query("""
            SELECT actor, action, from_state, to_state, reason, details->>'outbox_id' AS outbox_id
            FROM dsr.audit_events WHERE request_id = $1::bigint ORDER BY id
            """, [.int(requestID)]).rows
    }

    /// Retires what earlier test runs left pending (their rows are due in
    /// 2001 and carry a test Message-ID), so no round picks them up.
    static func retireLeftovers(_ client: PostgresClient) async throws {
        try await client.query("""
            UPDATE dsr.outbox SET state = 'failed', last_error = 'test cleanup'
            WHERE state = 'pending' AND next_attempt_at < '2002-01-01' AND message_id LIKE '<dsrd-test-%'
            """)
    }

    /// A fixture with a clean slate.
    static func prepare(_ stack: LocalStack) async throws -> OutboxFixture {
        let fixture = OutboxFixture(stack: stack)
        try await retireLeftovers(fixture.client)
        return fixture
    }

    func stage(sender: any MailSender, stack: LocalStack, retry: RetryPolicy = .standard) -> DeliveryStage {
        DeliveryStage(outbox: PostgresOutboxDelivery(client: client), sender: sender, clock: clock,
                      logger: Logger(level: .error, journal: true) { _ in },
                      settings: DeliveryStage.Settings(retry: retry))
    }
}

/// Serialized: the runner tests (in an extension elsewhere) run a real
/// daemon on the same outbox.
extension LiveStackTests {
    @Suite struct OutboxIntegrationTests {
        @Test func aPendingReplyIsDeliveredAndMarkedSent() async throws {
            let stack = try LocalStack()
            let fixture = try await OutboxFixture.prepare(stack)
            let recipient = LocalStack.uniqueAddress("delivery", domain: "example.com")
            let request = try await fixture.insertRequest(subject: recipient)
            let row = try await fixture.insertOutbox(requestID: request.id, recipient: recipient)

            let report = try await fixture.stage(sender: stack.smtp(), stack: stack).runOnce()
            #expect(report.handled == 1)
            #expect(report.deferred == 0 && report.failed == 0)

            let stored = try await fixture.outbox(row.id)
            #expect(stored["state"] == "sent")
            #expect(stored["attempts"] == "1")
            #expect(stored.optionalDate("sent_at") == fixture.clock.now())
            #expect(stored["last_error"] == nil)

            let audit = try await fixture.audit(request.id)
            #expect(audit.count == 1)
            #expect(audit.first?["actor"] == "dsrd:delivery")
            #expect(audit.first?["action"] == "reply_sent")
            #expect(audit.first?["outbox_id"] == String(row.id))

            let imap = stack.imap(user: recipient)
            let status = try await stack.waitForMessages(imap, mailbox: .inbox, count: 1)
            #expect(status.messages == 1)
            let uid = try #require(try await imap.uids(in: .inbox, from: 1).first)
            let delivered = String(decoding: try await imap.fetch(uid: uid, in: .inbox), as: UTF8.self)
            #expect(delivered.contains(row.messageID))

            // A second round finds nothing more to do.
            #expect(try await fixture.stage(sender: stack.smtp(), stack: stack).runOnce().handled == 0)
        }

        /// A batch's sends are marked in one statement: each pending row with
        /// its own time and one audit event for its request; a row no longer
        /// pending stays as it is.
        @Test func aBatchOfSendsIsMarkedEachWithItsTimeAndAuditEvent() async throws {
            let stack = try LocalStack()
            let fixture = try await OutboxFixture.prepare(stack)
            let recipient = LocalStack.uniqueAddress("batchmark", domain: "example.com")
            let first = try await fixture.insertRequest(subject: recipient)
            let second = try await fixture.insertRequest(subject: recipient)
            let rows = [try await fixture.insertOutbox(requestID: first.id, recipient: recipient),
                        try await fixture.insertOutbox(requestID: second.id, recipient: recipient),
                        try await fixture.insertOutbox(requestID: nil, recipient: recipient),
                        try await fixture.insertOutbox(requestID: second.id, recipient: recipient)]
            // Cancelled meanwhile by an operator: not pending any more.
            try await fixture.client.query("UPDATE dsr.outbox SET state = 'cancelled' WHERE id = $1::bigint",
                                           [.int(rows[3].id)])
            let claimed = try await PostgresOutboxDelivery(client: fixture.client).claim(
                now: fixture.clock.now(), leaseUntil: fixture.clock.now().addingTimeInterval(600), limit: 10)
                .filter { message in rows.contains { $0.id == message.id } }
            #expect(claimed.count == 3)
            let cancelled = OutboxMessage(id: rows[3].id, requestID: second.id, mail: try #require(claimed.first).mail,
                                          attempts: 0)
            let times = (0..<4).map { fixture.clock.now().addingTimeInterval(Double($0) * 7) }
            try await PostgresOutboxDelivery(client: fixture.client).markSent(
                (claimed + [cancelled]).enumerated().map { SentMail(message: $0.element, at: times[$0.offset]) })

            for (index, row) in rows.prefix(3).enumerated() {
                let stored = try await fixture.outbox(row.id)
                #expect(stored["state"] == "sent" && stored["attempts"] == "1")
                #expect(stored.optionalDate("sent_at") == times[index])
            }
            let untouched = try await fixture.outbox(rows[3].id)
            #expect(untouched["state"] == "cancelled" && untouched["attempts"] == "0" && untouched["sent_at"] == nil)
            #expect(try await fixture.audit(first.id).map { $0["outbox_id"] } == [String(rows[0].id)])
            let secondAudit = try await fixture.audit(second.id)
            #expect(secondAudit.map { $0["outbox_id"] } == [String(rows[1].id)])
            #expect(secondAudit.allSatisfy { $0["action"] == "reply_sent" && $0["actor"] == "dsrd:delivery" })
        }

        @Test func aTemporaryRefusalIsDeferredWithBackoff() async throws {
            let stack = try LocalStack()
            let fixture = try await OutboxFixture.prepare(stack)
            let request = try await fixture.insertRequest(subject: LocalStack.uniqueAddress("tempfail-subject"))
            let row = try await fixture.insertOutbox(requestID: request.id, recipient: "tempfail@example.net")
            let stage = fixture.stage(sender: stack.smtp(), stack: stack)

            let report = try await stage.runOnce()
            #expect(report.deferred == 1)
            var stored = try await fixture.outbox(row.id)
            #expect(stored["state"] == "pending")
            #expect(stored["attempts"] == "1")
            #expect(stored.optionalDate("next_attempt_at") == fixture.clock.now().addingTimeInterval(60))
            #expect(stored["last_error"]?.contains("reply=450") == true)
            #expect(!(stored["last_error"]?.contains("@") ?? true))

            // Not due yet: left alone.
            #expect(try await stage.runOnce().deferred == 0)
            // Due after the first minute: deferred again, now for two.
            fixture.clock.advance(by: 60)
            #expect(try await stage.runOnce().deferred == 1)
            stored = try await fixture.outbox(row.id)
            #expect(stored["attempts"] == "2")
            #expect(stored.optionalDate("next_attempt_at") == fixture.clock.now().addingTimeInterval(120))
            #expect(try await fixture.requestState(request.id) == "received")
            #expect(try await fixture.audit(request.id).isEmpty)
        }

        @Test func aPermanentRefusalFailsTheReplyAndSendsTheRequestToReview() async throws {
            let stack = try LocalStack()
            let fixture = try await OutboxFixture.prepare(stack)
            let request = try await fixture.insertRequest(subject: LocalStack.uniqueAddress("rejected-subject"))
            let row = try await fixture.insertOutbox(requestID: request.id, recipient: "rejected@example.net")

            let report = try await fixture.stage(sender: stack.smtp(), stack: stack).runOnce()
            #expect(report.failed == 1)
            let stored = try await fixture.outbox(row.id)
            #expect(stored["state"] == "failed")
            #expect(stored["attempts"] == "1")
            #expect(stored["last_error"]?.contains("reply=550") == true)
            #expect(try await fixture.requestState(request.id) == "needs_review")

            let audit = try await fixture.audit(request.id)
            #expect(audit.count == 1)
            let event = try #require(audit.first)
            #expect(event["actor"] == "dsrd:delivery")
            #expect(event["action"] == "reply_failed")
            #expect(event["from_state"] == "received")
            #expect(event["to_state"] == "needs_review")
            #expect(event["reason"] == "smtp reply 550")
        }

        @Test func theLastTemporaryRefusalFailsTheReplyForReview() async throws {
            let stack = try LocalStack()
            let fixture = try await OutboxFixture.prepare(stack)
            let request = try await fixture.insertRequest(subject: LocalStack.uniqueAddress("give-up-subject"),
                                                          state: "awaiting_confirmation")
            let row = try await fixture.insertOutbox(requestID: request.id, recipient: "tempfail@example.net")
            let stage = fixture.stage(sender: stack.smtp(), stack: stack, retry: RetryPolicy(maxAttempts: 2))

            #expect(try await stage.runOnce().deferred == 1)
            fixture.clock.advance(by: 60)
            let report = try await stage.runOnce()
            #expect(report.failed == 1 && report.deferred == 0)
            let stored = try await fixture.outbox(row.id)
            #expect(stored["state"] == "failed")
            #expect(stored["attempts"] == "2")
            #expect(try await fixture.requestState(request.id) == "needs_review")
            let event = try #require(try await fixture.audit(request.id).first)
            #expect(event["action"] == "reply_failed")
            #expect(event["from_state"] == "awaiting_confirmation")
            #expect(event["reason"] == "smtp reply 450, gave up after 2 attempts")
        }

        @Test func smtpDownDefersWithoutLosingAndALaterRoundDelivers() async throws {
            let stack = try LocalStack()
            let fixture = try await OutboxFixture.prepare(stack)
            let recipient = LocalStack.uniqueAddress("outage", domain: "example.no")
            let first = try await fixture.insertOutbox(requestID: nil, recipient: recipient)
            let second = try await fixture.insertOutbox(requestID: nil, recipient: recipient)
            let closed = SMTPClient(settings: MailServerSettings(url: "smtp://127.0.0.1:1", tls: TLSSettings(mode: .none),
                                                                 connectTimeoutSeconds: 5, timeoutSeconds: 10))

            await #expect(throws: DeliveryStage.SMTPUnavailable.self) {
                try await fixture.stage(sender: closed, stack: stack).runOnce()
            }
            let tried = try await fixture.outbox(first.id)
            #expect(tried["state"] == "pending")
            #expect(tried["attempts"] == "1")
            #expect(tried["last_error"]?.contains("connection") == true)
            #expect(tried.optionalDate("next_attempt_at") == fixture.clock.now().addingTimeInterval(60))
            // The rest of the batch was not tried and is given back as it was.
            let untried = try await fixture.outbox(second.id)
            #expect(untried["state"] == "pending")
            #expect(untried["attempts"] == "0")
            #expect(untried.optionalDate("next_attempt_at") == fixture.clock.now())

            fixture.clock.advance(by: 61)
            let report = try await fixture.stage(sender: stack.smtp(), stack: stack).runOnce()
            #expect(report.handled == 2)
            #expect(try await fixture.outbox(first.id)["state"] == "sent")
            #expect(try await fixture.outbox(first.id)["attempts"] == "2")
            #expect(try await fixture.outbox(second.id)["state"] == "sent")
            let imap = stack.imap(user: recipient)
            #expect(try await stack.waitForMessages(imap, mailbox: .inbox, count: 2).messages == 2)
        }

        @Test func aClaimedRowIsLeasedAwayFromASecondDaemon() async throws {
            let stack = try LocalStack()
            let fixture = try await OutboxFixture.prepare(stack)
            let row = try await fixture.insertOutbox(requestID: nil, recipient: LocalStack.uniqueAddress("lease"))
            let queue = PostgresOutboxDelivery(client: fixture.client)
            let now = fixture.clock.now()
            let claimed = try await queue.claim(now: now, leaseUntil: now.addingTimeInterval(600), limit: 10)
            #expect(claimed.map(\.id) == [row.id])
            #expect(claimed.first?.mail.recipients.count == 1)
            let other = PostgresOutboxDelivery(client: PostgresClient(configuration: stack.postgres))
            #expect(try await other.claim(now: now, leaseUntil: now.addingTimeInterval(600), limit: 10).isEmpty)
            let afterLease = now.addingTimeInterval(601)
            #expect(try await other.claim(now: afterLease, leaseUntil: afterLease.addingTimeInterval(600), limit: 10)
                    .map(\.id) == [row.id])
        }
    }
}

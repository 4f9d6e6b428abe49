import Daemon
import DaemonTesting
import Foundation
import Hashing
import MailCore
import Records
import Requests
import Store
import Testing

/// The daily retention job on the live stack, with the clock moved: each
/// limit is reached on its day and not a day earlier. The rows are written
/// through the production repositories, at the times the test chooses.
private struct RetentionFixture {
    let stack: LocalStack
    let client: PostgresClient
    let suffix = UUID().uuidString.prefix(8).lowercased()
    var mailbox: String { "retention-\(suffix)@janteloppet.test/INBOX" }

    init() throws {
        stack = try LocalStack()
        client = PostgresClient(configuration: stack.postgres)
    }

    /// The daily stage with retention only, under a job name of its own.
    func stage(at date: Date) -> DailyJobsStage {
        var settings = DailyJobsStage.Settings(dataMap: nil, digestAddress: nil, digestHour: 7,
                                               sender: "notices@janteloppet.test", organisationName: "Janteloppet AS",
                                               retention: .standard)
        settings.retentionJobName = "test-retention-\(suffix)"
        return DailyJobsStage(database: client, clock: ManualWallClock(date), logger: Logger(level: .error),
                              settings: settings)
    }

    /// Removes this fixture's day in `dsr.daily_jobs` (as the owner: the
    /// daemon's role deletes nothing there).
    func forgetJob() async throws {
        let owner = PostgresClient(configuration: try stack.ownerPostgres())
        try await owner.query("DELETE FROM dsr.daily_jobs WHERE job = $1", [.text("test-retention-\(suffix)")])
        await owner.close()
    }

    /// A message recorded at `at` (linked to `request` when given); its id.
    func message(_ uid: UInt64, at: Date, from sender: String, body: String, request: Int? = nil,
                 connection: PostgresConnection) throws -> Int {
        let raw = Array(requestMail(from: sender, to: "notices@janteloppet.test", subject: "Retention",
                                    body: body, messageID: "ret-\(suffix)-\(uid)@example.org").utf8)
        let id = try #require(try InboundLedger(connection).insert(InboundLedger.NewMessage(
            mailbox: mailbox, uidValidity: 1, uid: uid, messageID: "ret-\(suffix)-\(uid)@example.org", receivedAt: at,
            raw: raw, sizeBytes: raw.count, rawSHA256: SHA256.hash(raw).hexString, fromAddress: sender)))
        if let request { try RequestRecords(connection).link(requestID: request, inboundID: id, role: .request) }
        return id
    }

    /// A request opened at `at`, in `state` (received, or needs_review so no
    /// other test's fulfilment takes it up).
    func request(at: Date, address: String, kinds: [String] = ["rectify"], fieldsJSON: String = "{}",
                 state: RequestState = .needsReview, connection: PostgresConnection) throws -> Int {
        let new = RequestRecords.NewRequest(
            kinds: kinds, language: "nb", replyLanguage: "nb", subjectAddress: address, state: state,
            stateReason: state == .needsReview ? "retention test" : nil, receivedAt: at,
            dueOn: DueDate.due(receivedAt: at).description, confidence: 0.9, onBehalf: false, autoKind: nil,
            evidence: [], fieldsJSON: fieldsJSON)
        return try #require(try RequestStates(connection).open(new, reference: "T-RET-\(suffix)-\(UUID().uuidString.prefix(6))"))
    }

    func close(_ request: Int, at: Date, connection: PostgresConnection) throws {
        try #require(try RequestStates(connection).apply(.rejected(reason: "retention test"), to: request,
                                                          actor: "operator:test", at: at) != nil)
    }

    struct Mail: Equatable {
        var size: Int
        var sha: String?
        var cleared: Bool
    }

    func inbound(_ id: Int) async throws -> Mail {
        let row = try #require(try await client.query("""
            SELECT octet_length(raw) AS stored, size_bytes, raw_sha256, raw_cleared_at IS NOT NULL AS cleared
            FROM dsr.inbound WHERE id = $1
            """, [.int(id)]).first)
        let stored = try row.int("stored")
        let size = try row.int("size_bytes")
        #expect(stored == 0 || stored == size)
        return Mail(size: stored, sha: row["raw_sha256"], cleared: try row.bool("cleared"))
    }

    func outbox(_ id: Int) async throws -> (stored: Int, size: Int, sha: String, cleared: Bool) {
        let row = try #require(try await client.query("""
            SELECT octet_length(raw) AS stored, size_bytes, raw_sha256, raw_cleared_at IS NOT NULL AS cleared
            FROM dsr.outbox WHERE id = $1
            """, [.int(id)]).first)
        return (try row.int("stored"), try row.int("size_bytes"), try row.string("raw_sha256"), try row.bool("cleared"))
    }

    func exists(_ table: String, _ id: Int) async throws -> Bool {
        try await client.query("SELECT 1 FROM dsr.\(table) WHERE id = $1", [.int(id)]).first != nil
    }
}

/// Noon in Oslo on `day`.
private func osloNoon(_ day: Day) throws -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = Day.osloTimeZone
    return try #require(calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)))
}

extension LiveStackTests {
    @Suite struct RetentionIntegrationTests {
        /// `raw_mail_days` (30): a closed request's mail and the values it
        /// asked for are cleared 30 days after it closed, the personal values
        /// of its audit events with them (field names stay); mail that opened
        /// no request 30 days after receipt; an open request's mail never.
        @Test func receivedMailGoesThirtyDaysAfterCloseAndNotADayEarlier() async throws {
            let fixture = try RetentionFixture()
            let closedOn = Day(Date())
            let closedAt = try osloNoon(closedOn)
            let person = LocalStack.uniqueAddress("retention.raw")
            let (closed, open, closedMail, openMail, lone, earlierLone) = try await fixture.client.transaction { c in
                let closed = try fixture.request(at: closedAt.addingTimeInterval(-2 * 86_400), address: person,
                                                 fieldsJSON: #"{"phone": "+4790011223"}"#, connection: c)
                let closedMail = try fixture.message(1, at: closedAt.addingTimeInterval(-2 * 86_400), from: person,
                                                     body: "Mitt nye nummer er 900 11 223.", request: closed, connection: c)
                try AuditTrail(c).append(requestID: closed, actor: "dsrd:fulfil", action: .rectified, detailsJSON: """
                    {"changes": [{"field": "phone", "column": "phone", "old": "+4790099887", "new": "+4790011223"}],
                     "unchanged": ["title"]}
                    """, at: closedAt)
                try AuditTrail(c).append(requestID: closed, inboundID: closedMail, actor: "dsrd:intake", action: .received,
                                         detailsJSON: #"{"attachments": [{"name": "pass-scan.pdf", "size": 10, "type": "application/pdf"}]}"#,
                                         at: closedAt)
                try fixture.close(closed, at: closedAt, connection: c)
                // Open for 40 days and still open: its mail stays.
                let open = try fixture.request(at: closedAt.addingTimeInterval(-40 * 86_400), address: person, connection: c)
                let openMail = try fixture.message(2, at: closedAt.addingTimeInterval(-40 * 86_400), from: person,
                                                   body: "Hei igjen.", request: open, connection: c)
                let lone = try fixture.message(3, at: closedAt, from: person, body: "", connection: c)
                let earlierLone = try fixture.message(4, at: closedAt.addingTimeInterval(-86_400), from: person, body: "",
                                                      connection: c)
                return (closed, open, closedMail, openMail, lone, earlierLone)
            }
            let original = try await fixture.inbound(closedMail)
            #expect(original.size > 0 && original.sha != nil && !original.cleared)

            // Day 29 after the close: only the message received a day earlier goes.
            _ = try await fixture.stage(at: try osloNoon(closedOn.adding(days: 29))).runOnce()
            #expect(try await fixture.inbound(closedMail) == original)
            #expect(try await fixture.inbound(lone).size > 0)
            let earlier = try await fixture.inbound(earlierLone)
            #expect(earlier.size == 0 && earlier.cleared && earlier.sha != nil)
            #expect(try await fixture.inbound(openMail).size > 0)
            let untouched = try #require(try await fixture.client.query(
                "SELECT fields::text AS fields FROM dsr.requests WHERE id = $1", [.int(closed)]).first?["fields"])
            #expect(untouched.contains("+4790011223"))

            // Day 30: the closed request's mail, values and audit values go; sizes and hashes stay.
            let report = try await fixture.stage(at: try osloNoon(closedOn.adding(days: 30))).runOnce()
            #expect(report.handled == 1)
            #expect(try await fixture.inbound(closedMail) == .init(size: 0, sha: original.sha, cleared: true))
            #expect(try await fixture.inbound(lone).cleared)
            #expect(try await fixture.inbound(openMail).size > 0)
            let request = try #require(try await fixture.client.query("""
                SELECT fields::text AS fields, mail_cleared_at IS NOT NULL AS cleared FROM dsr.requests WHERE id = $1
                """, [.int(closed)]).first)
            #expect(try request.bool("cleared") && request["fields"] == #"{"phone": null}"#)
            let trail = try await fixture.client.query("""
                SELECT action, details::text AS details FROM dsr.audit_events WHERE request_id = $1 ORDER BY id
                """, [.int(closed)]).rows
            let rectified = try #require(trail.first { $0["action"] == "rectified" }?["details"])
            #expect(rectified.contains(#""field": "phone""#) && rectified.contains(#""old": null"#)
                && rectified.contains(#""new": null"#) && rectified.contains(#""unchanged": ["title"]"#))
            #expect(!rectified.contains("+47900"))
            let received = try #require(trail.first { $0["action"] == "received" }?["details"])
            #expect(received.contains(#""size": 10"#) && !received.contains("pass-scan"))
            #expect(trail.contains { $0["action"] == "rejected" })
            let openRequest = try #require(try await fixture.client.query(
                "SELECT mail_cleared_at FROM dsr.requests WHERE id = $1", [.int(open)]).first)
            #expect(openRequest["mail_cleared_at"] == nil)
            // Counts, never an address, in the job's own audit event.
            let counts = try #require(try await fixture.client.query("""
                SELECT details::text AS details FROM dsr.audit_events
                WHERE action = 'retention_applied' AND actor = 'dsrd:daily' AND at = $1::timestamptz
                """, [.timestamp(try osloNoon(closedOn.adding(days: 30)))]).first?["details"])
            #expect(counts.contains("received_mail_cleared") && !counts.contains("@"))
            try await fixture.forgetJob()
        }

        /// `sent_mail_days` (7): a sent mail's bytes go 7 days after the mail
        /// server accepted it, a failed one's 7 days after it failed; a mail
        /// carrying an access copy loses its bytes at acceptance. Sizes and
        /// hashes stay; mail still to be sent keeps its bytes.
        @Test func sentMailGoesSevenDaysAfterAcceptanceAndCopiesAtOnce() async throws {
            let fixture = try RetentionFixture()
            let sentOn = Day(Date())
            let sentAt = try osloNoon(sentOn)
            let person = LocalStack.uniqueAddress("retention.sent")
            func mail(_ template: String, copy: Bool) -> ComposedMail {
                ComposedMail(raw: Array("To: \(person)\r\nSubject: \(template)\r\n\r\n\(String(repeating: "x", count: 500))\r\n".utf8),
                             envelopeFrom: "notices@janteloppet.test", recipients: [person],
                             messageID: "ret-out-\(fixture.suffix)-\(template)@janteloppet.test", template: template,
                             carriesCopy: copy)
            }
            let sends = [mail("receipt", copy: false), mail("access_completed", copy: true),
                         mail("more_information", copy: false), mail("refusal", copy: false)]
            let (request, ids) = try await fixture.client.transaction { c in
                let request = try fixture.request(at: sentAt, address: person, kinds: ["access"], connection: c)
                return (request, try sends.map { try Outbox(c).enqueue($0, for: request, actor: "test") })
            }
            let delivery = PostgresOutboxDelivery(client: fixture.client)
            try await delivery.markSent(OutboxMessage(id: ids[0], requestID: request, mail: sends[0], attempts: 0), at: sentAt)
            try await delivery.markSent(OutboxMessage(id: ids[1], requestID: request, mail: sends[1], attempts: 0), at: sentAt)
            try await delivery.markFailed(OutboxMessage(id: ids[2], requestID: request, mail: sends[2], attempts: 0),
                                          lastError: "550", reason: "refused", at: sentAt)
            // The copy went at acceptance; the rest is whole.
            let copy = try await fixture.outbox(ids[1])
            #expect(copy.stored == 0 && copy.cleared && copy.size == sends[1].raw.count
                && copy.sha == SHA256.hash(sends[1].raw).hexString)
            #expect(try await fixture.outbox(ids[0]).stored == sends[0].raw.count)

            _ = try await fixture.stage(at: try osloNoon(sentOn.adding(days: 6))).runOnce()
            #expect(try await fixture.outbox(ids[0]).stored == sends[0].raw.count)
            #expect(try await fixture.outbox(ids[2]).stored == sends[2].raw.count)

            _ = try await fixture.stage(at: try osloNoon(sentOn.adding(days: 7))).runOnce()
            for index in [0, 2] {
                let row = try await fixture.outbox(ids[index])
                #expect(row.stored == 0 && row.cleared && row.size == sends[index].raw.count
                    && row.sha == SHA256.hash(sends[index].raw).hexString, "\(sends[index].template)")
            }
            // Still waiting to be sent: never cleared, and never sent empty.
            let pending = try await fixture.outbox(ids[3])
            #expect(pending.stored == sends[3].raw.count && !pending.cleared)
            await #expect(throws: PostgresError.self) {
                try await fixture.client.query("UPDATE dsr.outbox SET state = 'pending' WHERE id = $1", [.int(ids[0])])
            }
            try await fixture.client.query("UPDATE dsr.outbox SET state = 'failed' WHERE id = $1", [.int(ids[3])])
            try await fixture.forgetJob()
        }

        /// `case_years` (3): a closed case goes with its audit events, links
        /// and mail on the day three years after it closed, not a day
        /// earlier; so does mail that opened no request, three years after
        /// receipt. The database's own clock bounds it: the cases are closed
        /// with the clock moved back, the job runs today.
        @Test func closedCasesGoThreeYearsAfterCloseAndNotADayEarlier() async throws {
            let fixture = try RetentionFixture()
            let today = Day(Date())
            let limit = today.adding(months: -36)
            let person = LocalStack.uniqueAddress("retention.case")
            struct Case: Sendable { var request: Int; var inbound: Int; var outbox: Int }
            @Sendable func openAndClose(on day: Day, uid: UInt64, c: PostgresConnection) throws -> Case {
                let at = try osloNoon(day)
                let request = try fixture.request(at: at.addingTimeInterval(-86_400), address: person, connection: c)
                let inbound = try fixture.message(uid, at: at.addingTimeInterval(-86_400), from: person, body: "Innsyn",
                                                  request: request, connection: c)
                let outbox = try Outbox(c).enqueue(ComposedMail(
                    raw: Array("Subject: x\r\n\r\nx\r\n".utf8), envelopeFrom: "notices@janteloppet.test",
                    recipients: [person], messageID: "ret-case-\(fixture.suffix)-\(uid)@janteloppet.test",
                    template: "receipt"), for: request, actor: "test")
                try c.execute("UPDATE dsr.outbox SET state = 'sent', sent_at = $2 WHERE id = $1", [.int(outbox), .timestamp(at)])
                try fixture.close(request, at: at, connection: c)
                return Case(request: request, inbound: inbound, outbox: outbox)
            }
            let (due, notYet, loneDue, loneNotYet) = try await fixture.client.transaction { c in
                (try openAndClose(on: limit, uid: 11, c: c), try openAndClose(on: limit.adding(days: 1), uid: 12, c: c),
                 try fixture.message(13, at: try osloNoon(limit), from: person, body: "", connection: c),
                 try fixture.message(14, at: try osloNoon(limit.adding(days: 1)), from: person, body: "", connection: c))
            }
            _ = try await fixture.stage(at: try osloNoon(today)).runOnce()
            #expect(try await !fixture.exists("requests", due.request))
            #expect(try await !fixture.exists("inbound", due.inbound))
            #expect(try await !fixture.exists("outbox", due.outbox))
            #expect(try await !fixture.exists("inbound", loneDue))
            let events = try await fixture.client.query("SELECT count(*) AS n FROM dsr.audit_events WHERE request_id = $1",
                                                        [.int(due.request)])
            #expect(try events.first?.int("n") == 0)
            #expect(try await fixture.exists("requests", notYet.request))
            #expect(try await fixture.exists("inbound", notYet.inbound))
            #expect(try await fixture.exists("outbox", notYet.outbox))
            #expect(try await fixture.exists("inbound", loneNotYet))
            let kept = try await fixture.client.query("SELECT count(*) AS n FROM dsr.audit_events WHERE request_id = $1",
                                                      [.int(notYet.request)])
            #expect(try kept.first?.int("n") ?? 0 >= 2)
            try await fixture.forgetJob()
        }
    }
}

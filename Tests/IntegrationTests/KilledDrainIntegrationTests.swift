import Foundation
import MailCore
import Store
import Testing

/// kill -9 in the middle of a drain, with the stages side by side: the
/// daemon started again loses nothing and does nothing twice.
extension LiveStackTests {
    @Suite struct KilledDrainIntegrationTests {
        static let messages = 150

        @Test func aDaemonKilledMidDrainLosesNothingAndDoesNothingTwice() async throws {
            let fixture = try PipelineFixture()
            let people = (1...Self.messages).map { LocalStack.uniqueAddress("drain\($0)", domain: "example.org") }
            let texts = ["Please send me a copy of all personal data you hold about me.",
                         "Please delete all personal data you hold about me.",
                         "Hei, jeg protesterer mot at dere deler navnet mitt med partnere."]
            for (index, person) in people.enumerated() {
                try await fixture.send(requestMail(from: person, to: fixture.notices, subject: "Personvern \(index)",
                                                   body: texts[index % texts.count],
                                                   messageID: "drain-\(UUID().uuidString)@example.org"), from: person)
            }
            _ = try await fixture.stack.waitForMessages(fixture.stack.imap(user: fixture.notices), mailbox: .inbox,
                                                        count: Self.messages)

            // Killed while intake records the first messages, then again once
            // the first replies have gone out (each time its log says so).
            try await runAndKill(fixture, when: "msg=\"message recorded\"")
            let inIntake = try await progress(fixture)
            #expect(inIntake.recorded < Self.messages, "killed at \(inIntake): intake was over")
            try await runAndKill(fixture, when: "msg=\"reply sent\"")
            let inDelivery = try await progress(fixture)
            // Something was left to do: answers not yet sent (fulfilment may have
            // closed every request already; a faster build gets further).
            #expect(inDelivery.sent < Self.messages, "killed at \(inDelivery): the drain was over")

            // Rows a delivery had claimed keep their lease (10 minutes); here it
            // runs out at once, as it would then.
            try await fixture.database.query("""
                UPDATE dsr.outbox SET next_attempt_at = now() WHERE state = 'pending' AND request_id IN
                  (SELECT m.request_id FROM dsr.request_messages m JOIN dsr.inbound i ON i.id = m.inbound_id
                   WHERE i.mailbox = $1)
                """, [.text(fixture.notices + "/INBOX")])
            for _ in 0..<5 {
                let run = try await fixture.runOnce()
                #expect(run.status == 0, "log: \(run.log)")
                let now = try await progress(fixture)
                if now.recorded == Self.messages && now.sent == Self.messages && now.open == 0 { break }
            }

            // Each message recorded once, each request answered once.
            let ledger = try #require(try await fixture.database.query(
                "SELECT count(*) AS rows, count(DISTINCT uid) AS uids FROM dsr.inbound WHERE mailbox = $1",
                [.text(fixture.notices + "/INBOX")]).first)
            #expect(try ledger.int("rows") == Self.messages && ledger.int("uids") == Self.messages)
            #expect(try await fixture.requestCount() == Self.messages)
            let answers = try await fixture.database.query("""
                SELECT r.id, count(o.id) FILTER (WHERE o.template <> 'receipt') AS answers,
                       count(o.id) FILTER (WHERE o.template <> 'receipt' AND o.state = 'sent') AS sent,
                       r.state
                FROM dsr.requests r JOIN dsr.request_messages m ON m.request_id = r.id AND m.role = 'request'
                JOIN dsr.inbound i ON i.id = m.inbound_id LEFT JOIN dsr.outbox o ON o.request_id = r.id
                WHERE i.mailbox = $1 GROUP BY r.id, r.state
                """, [.text(fixture.notices + "/INBOX")]).rows
            #expect(answers.count == Self.messages)
            #expect(answers.allSatisfy { $0["answers"] == "1" && $0["sent"] == "1" && $0["state"] == "completed" },
                    "\(answers.filter { $0["answers"] != "1" || $0["sent"] != "1" || $0["state"] != "completed" })")
            // In the mailboxes: one answer each (a mail sent twice, when the kill
            // fell between the server's acceptance and its mark, has one Message-ID).
            for person in people.prefix(12) {
                let mail = try await fixture.mailbox(of: person, count: 1).map { MessageReader.read($0) }
                let answerIDs = Set(mail.filter { $0.subject.contains("]:") }.map(\.messageID))
                #expect(answerIDs.count == 1, "\(mail.map(\.subject))")
            }
        }

        /// Starts `dsrd run` and kills it (SIGKILL) as soon as its log has `marker`.
        private func runAndKill(_ fixture: PipelineFixture, when marker: String) async throws {
            let daemon = try DaemonProcess(arguments: ["run", "--config", fixture.configPath], environment: [:])
            try daemon.start()
            // A loop that stops looking at once: a `for ... where` would go on
            // reading the growing log for every remaining turn before the
            // kill, long enough for a fast build to finish the drain.
            let deadline = Date().addingTimeInterval(7.5)
            while !daemon.log.contains(marker) && Date() < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
            daemon.signal(SIGKILL)
            #expect(await daemon.exitStatus(within: 10) == SIGKILL)
        }

        /// Messages recorded, answers accepted by the server, requests still open.
        private func progress(_ fixture: PipelineFixture) async throws -> (recorded: Int, sent: Int, open: Int) {
            let row = try await fixture.database.query("""
                SELECT (SELECT count(*) FROM dsr.inbound WHERE mailbox = $1) AS recorded,
                       (SELECT count(*) FROM dsr.outbox o JOIN dsr.request_messages m ON m.request_id = o.request_id
                          AND m.role = 'request' JOIN dsr.inbound i ON i.id = m.inbound_id
                        WHERE i.mailbox = $1 AND o.template <> 'receipt' AND o.state = 'sent') AS sent,
                       (SELECT count(*) FROM dsr.requests r JOIN dsr.request_messages m ON m.request_id = r.id
                          AND m.role = 'request' JOIN dsr.inbound i ON i.id = m.inbound_id
                        WHERE i.mailbox = $1 AND r.state <> 'completed') AS open
                """, [.text(fixture.notices + "/INBOX")])
            let first = try #require(row.first)
            return (try first.int("recorded"), try first.int("sent"), try first.int("open"))
        }
    }
}

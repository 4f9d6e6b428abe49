import Daemon
import Foundation
import Store
import Testing
import Transport

/// A message or a request that takes the daemon down is set aside after the
/// third time, with real crashes: `dsrd run --once` as a child process that
/// kills itself (SIGKILL, as the out-of-memory killer would) before the
/// COMMIT of the marked work, through the test hooks of `TestCrashHooks`.
extension LiveStackTests {
    @Suite struct CrashQuarantineIntegrationTests {
        @Test func aMessageThatKillsTheDaemonThreeTimesIsSetAsideUnreadAndTheNextIsHandled() async throws {
            let fixture = try PipelineFixture()
            let marker = "crash-marker-\(UUID().uuidString.prefix(8))"
            let victim = LocalStack.uniqueAddress("ola", domain: "example.com")
            let honest = LocalStack.uniqueAddress("kari", domain: "example.no")
            let notices = fixture.stack.imap(user: fixture.notices)
            // The killer first, so that until it is set aside nothing behind it is reached.
            try await fixture.send(requestMail(from: victim, to: fixture.notices, subject: "Delete",
                                               body: "Please delete all personal data you hold about me. \(marker)",
                                               messageID: "crash-\(UUID().uuidString)@example.com"), from: victim)
            _ = try await fixture.stack.waitForMessages(notices, mailbox: .inbox, count: 1)
            try await fixture.send(requestMail(from: honest, to: fixture.notices, subject: "Innsyn",
                                               body: "Hei, jeg ber om innsyn i alle personopplysninger dere har om meg.",
                                               messageID: "honest-\(UUID().uuidString)@example.no"), from: honest)
            _ = try await fixture.stack.waitForMessages(notices, mailbox: .inbox, count: 2)
            let hook = ["DSRD_TEST_CRASH_ON_MESSAGE": marker]
            let attempts = "SELECT attempts FROM dsr.intake_attempts WHERE mailbox = $1 ORDER BY uid"

            for run in 1...3 {
                let crashed = try await fixture.runOnce(environment: hook)
                #expect(crashed.status == SIGKILL, "run \(run): \(crashed.log)")
                // Rolled back: nothing recorded, both still in the mailbox; the attempts stay counted.
                // The first run read the two fresh messages together (one transaction), so both
                // have one; after that each is read alone, and the killer, first, stops each run.
                #expect(try await fixture.ledger().isEmpty)
                #expect(try await fixture.database.query(attempts, [.text(fixture.notices + "/INBOX")])
                    .rows.map { $0["attempts"] } == [String(run), "1"])
                await notices.disconnect()
                #expect(try await notices.status(of: .inbox).messages == 2)
            }

            // The fourth run (the hook still armed) does not read it again.
            let fourth = try await fixture.runOnce(environment: hook)
            #expect(fourth.status == 0, "log: \(fourth.log)")
            #expect(fourth.log.contains("msg=\"message set aside unread after stopping the daemon repeatedly\""))
            let ledger = try await fixture.ledger()
            #expect(ledger.map { $0["outcome"] } == ["quarantined", "request"])
            #expect(try ledger.allSatisfy { try $0.bool("moved") })
            let set = try #require(ledger.first)
            let stored = try #require(try await fixture.database.query("""
                SELECT message_id, length(raw) AS bytes, problem FROM dsr.inbound WHERE id = $1
                """, [.int(try set.int("id"))]).first)
            #expect(stored["message_id"] == nil && stored["bytes"] == "0")
            #expect(stored["problem"] == "stopped the daemon 3 times while being read")
            let audit = try await fixture.database.query(
                "SELECT actor, action, request_id, reason FROM dsr.audit_events WHERE inbound_id = $1",
                [.int(try set.int("id"))]).rows
            #expect(audit.map { $0["action"] } == ["quarantined"])
            #expect(audit.first?["request_id"] == nil && audit.first?["actor"] == "dsrd:intake")
            #expect(audit.first?["reason"] == "stopped the daemon 3 times while being read; moved unread to Review")
            // In the review folder for a person; no request, nothing sent to its sender.
            await notices.disconnect()
            #expect(try await notices.status(of: try #require(MailboxName("Review"))).messages == 1)
            #expect(try await fixture.requestCount() == 1)
            #expect(try await Self.mailTo(victim, fixture.database) == 0)
            // The honest message behind it was handled and answered (one mail: the
            // answer stood in for the receipt); no counts are left.
            let answers = try await fixture.mailbox(of: honest, count: 1)
            #expect(answers.count == 1, "subjects: \(answers.map(Self.subject))")
            #expect(try await fixture.database.query(attempts, [.text(fixture.notices + "/INBOX")]).rows.isEmpty)
        }

        /// The next chunk is fetched while one records, but nothing of it is
        /// counted or read before its turn: a crash in the first chunk leaves
        /// the second fresh, to be read together as before.
        @Test func aCrashInAChunkLeavesTheNextChunkUncountedAndUnread() async throws {
            let fixture = try PipelineFixture()
            let marker = "crash-marker-\(UUID().uuidString.prefix(8))"
            let notices = fixture.stack.imap(user: fixture.notices)
            let total = IntakeStage.chunkMessages + 2
            for index in 0..<total {
                let sender = LocalStack.uniqueAddress("chunk\(index)", domain: "example.com")
                try await fixture.send(requestMail(from: sender, to: fixture.notices, subject: "Copy",
                                                   body: "Please send me a copy of my personal data." + (index == 0 ? " \(marker)" : ""),
                                                   messageID: "chunk-\(index)-\(UUID().uuidString)@example.com"), from: sender)
                // In order: the killer gets the first UID.
                if index == 0 { _ = try await fixture.stack.waitForMessages(notices, mailbox: .inbox, count: 1) }
            }
            _ = try await fixture.stack.waitForMessages(notices, mailbox: .inbox, count: total)
            let hook = ["DSRD_TEST_CRASH_ON_MESSAGE": marker]
            let attempts = "SELECT attempts FROM dsr.intake_attempts WHERE mailbox = $1 ORDER BY uid"

            let crashed = try await fixture.runOnce(environment: hook)
            #expect(crashed.status == SIGKILL, "\(crashed.log)")
            #expect(try await fixture.ledger().isEmpty)
            // The first chunk's messages have one attempt each; the two of the
            // next chunk, fetched meanwhile, none.
            #expect(try await fixture.database.query(attempts, [.text(fixture.notices + "/INBOX")]).rows
                .map { $0["attempts"] } == Array(repeating: "1", count: IntakeStage.chunkMessages))

            // Two more crashes on the killer alone, then it is set aside and
            // every other message is recorded once.
            for run in 2...3 {
                let again = try await fixture.runOnce(environment: hook)
                #expect(again.status == SIGKILL, "run \(run): \(again.log)")
            }
            let last = try await fixture.runOnce(environment: hook)
            #expect(last.status == 0, "log: \(last.log)")
            let ledger = try await fixture.ledger()
            #expect(ledger.map { $0["outcome"] } == ["quarantined"] + Array(repeating: "request", count: total - 1))
            #expect(try await fixture.requestCount() == total - 1)
            #expect(try await fixture.database.query(attempts, [.text(fixture.notices + "/INBOX")]).rows.isEmpty)
        }

        @Test func aRequestThatKillsTheDaemonThreeTimesGoesToReviewAndTheNextIsCarriedOut() async throws {
            let fixture = try PipelineFixture()
            let killer = try await Self.insertReceivedRequest(fixture.database)
            let next = try await Self.insertReceivedRequest(fixture.database)
            let hook = ["DSRD_TEST_CRASH_ON_REQUEST": killer.reference]

            for run in 1...3 {
                let crashed = try await fixture.runOnce(environment: hook)
                #expect(crashed.status == SIGKILL, "run \(run): \(crashed.log)")
                // Its transaction rolled back: still received, nothing queued, the attempt counted.
                let row = try await Self.request(killer.id, fixture.database)
                #expect(row["state"] == "received" && row["fulfil_attempts"] == String(run))
                #expect(try await Self.mailTo(killer.address, fixture.database) == 0)
                // The one behind it was counted with it (the first attempts of a few
                // requests are counted together) and is never reached: it keeps that one.
                let behind = try await Self.request(next.id, fixture.database)
                #expect(behind["state"] == "received" && behind["fulfil_attempts"] == "1")
            }

            let fourth = try await fixture.runOnce(environment: hook)
            #expect(fourth.status != SIGKILL, "log: \(fourth.log)")
            #expect(fourth.log.contains("msg=\"request set aside after stopping the daemon repeatedly\""))
            let setAside = try await Self.request(killer.id, fixture.database)
            #expect(setAside["state"] == "needs_review")
            #expect(setAside["state_reason"] == "set aside: carrying it out stopped the daemon 3 times")
            #expect(setAside["fulfil_attempts"] == "0")
            let audit = try await fixture.database.query(
                "SELECT actor, action, from_state, to_state FROM dsr.audit_events WHERE request_id = $1 ORDER BY id",
                [.int(killer.id)]).rows
            // Set aside, and the operators told (the note is sent by the same run).
            #expect(audit.map { $0["action"] } == ["quarantined", "notice_queued", "reply_sent"])
            #expect(audit.first?["from_state"] == "received" && audit.first?["to_state"] == "needs_review")
            #expect(try await Self.mailTo(killer.address, fixture.database) == 0)
            // The request behind it was carried out, and leaves no count behind.
            let carried = try await Self.request(next.id, fixture.database)
            #expect(carried["state"] != "received" && carried["fulfil_attempts"] == "0")
            #expect(try await Self.mailTo(next.address, fixture.database) >= 1)

            // An operator who approves it gives it fresh attempts.
            let approve = try await dsrd(["requests", "approve", killer.reference], environment: ["SUDO_USER": "kari"])
            #expect(approve.status == 0, "\(approve.errors)")
            let approved = try await Self.request(killer.id, fixture.database)
            #expect(approved["state"] == "received" && approved["fulfil_attempts"] == "0")
            // Out of the way of other tests: closed.
            try await fixture.database.query("UPDATE dsr.requests SET state = 'rejected' WHERE id = $1", [.int(killer.id)])
        }

        static func request(_ id: Int, _ database: PostgresClient) async throws -> QueryResult.Row {
            try #require(try await database.query(
                "SELECT state, state_reason, fulfil_attempts::text AS fulfil_attempts FROM dsr.requests WHERE id = $1",
                [.int(id)]).first)
        }

        /// Outgoing mail queued to an address.
        /// A mail's raw Subject line, for a failure's message (test addresses only).
        static func subject(_ raw: [UInt8]) -> String {
            String(decoding: raw, as: UTF8.self).split(separator: "\r\n")
                .first { $0.lowercased().hasPrefix("subject:") }.map(String.init) ?? "(no subject)"
        }

        static func mailTo(_ address: String, _ database: PostgresClient) async throws -> Int {
            try await database.query("SELECT count(*) AS n FROM dsr.outbox WHERE $1 = ANY(recipients)",
                                     [.text(address)]).first?.int("n") ?? -1
        }

        /// A `received` request for a copy, from an address no customer has, with its opening message.
        static func insertReceivedRequest(_ database: PostgresClient) async throws
            -> (id: Int, reference: String, address: String) {
            let address = LocalStack.uniqueAddress("per.hansen", domain: "example.net")
            var request = TestData.Request(subject: address)
            request.reference = "T-CRASH-" + UUID().uuidString.prefix(8).uppercased()
            let reference = request.reference
            let messageID = "crash-request-\(reference.lowercased())@example.net"
            let raw = Array(requestMail(from: address, to: "notices@janteloppet.test", subject: "Copy",
                                        body: "Please send me a copy of all personal data you hold about me.",
                                        messageID: messageID).utf8)
            let opened = request
            let id = try await database.transaction { connection in
                let (id, _) = try TestData.open(opened, in: connection)
                try TestData.record(raw, messageID: messageID, for: id, mailbox: "test-crash", in: connection)
                return id
            }
            return (id, reference, address)
        }
    }
}

import Daemon
import DaemonTesting
import Foundation
import MailCore
import Records
import Requests
import Store
import Testing
import Transport

/// `dsrd outbox list|show|retry|cancel` on the stack, on replies the local
/// Postfix refuses for good (`rejected@example.net` answers 550).
extension LiveStackTests {
    @Suite struct OutboxCommandsIntegrationTests {
        /// A request waiting on a person, and a receipt to `recipient`
        /// queued through the production path (`ReplyWriter`, `Outbox.enqueue`),
        /// then made due at the fixture's clock (a moment in 2001), so only
        /// this test's delivery round claims it.
        private func queueReply(_ fixture: OutboxFixture, stack: LocalStack, to recipient: String) async throws
            -> (requestID: Int, reference: String, outboxID: Int, messageID: String) {
            let writer = try DaemonComponents.writer(try ConfigLoader.load(path: stack.configPath).get())
            var request = TestData.Request(subject: LocalStack.uniqueAddress("outbox.subject", domain: "example.com"),
                                           receivedAt: fixture.clock.now())
            request.state = .needsReview
            request.language = .en
            let opened = request
            let dueAt = fixture.clock.now()
            return try await fixture.client.transaction { connection in
                let (id, reference) = try TestData.open(opened, in: connection)
                let context = ReplyWriter.Context(requestID: id, reference: reference, language: .en, recipient: recipient,
                                                  receivedOn: Day(opened.receivedAt), dueOn: opened.dueOn,
                                                  inReplyTo: nil, references: [])
                let mail = try writer.reply(.receipt, context: context, values: ReplyWriter.receiptValues([.access], fields: [:], language: .en),
                                            date: dueAt)
                let outbox = Outbox(connection)
                let outboxID = try outbox.enqueue(mail, for: id, actor: "dsrd:intake")
                try outbox.release([outboxID], dueAt: dueAt)
                return (id, reference, outboxID, mail.messageID)
            }
        }

        private func row(_ client: PostgresClient, _ id: Int) async throws -> QueryResult.Row {
            try #require(try await client.query("""
                SELECT state, attempts, next_attempt_at, last_error, message_id, array_to_json(recipients)::text AS recipients
                FROM dsr.outbox WHERE id = $1
                """, [.int(id)]).first)
        }

        private func events(_ client: PostgresClient, outbox id: Int) async throws -> [QueryResult.Row] {
            try await client.query("""
                SELECT request_id, actor, action, reason, details::text AS details FROM dsr.audit_events
                WHERE details->>'outbox_id' = $1 ORDER BY id
                """, [.text(String(id))]).rows
        }

        private func details(_ row: QueryResult.Row) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(try row.string("details").utf8)) as? [String: Any])
        }

        @Test func aFailedReplyIsListedShownRetriedAndCancelled() async throws {
            let stack = try LocalStack()
            let fixture = try await OutboxFixture.prepare(stack)
            let queued = try await queueReply(fixture, stack: stack, to: "rejected@example.net")
            #expect(try await fixture.stage(sender: stack.smtp(), stack: stack).runOnce().failed == 1)
            #expect(try await row(fixture.client, queued.outboxID)["state"] == "failed")

            // list: failed ones, with the 550; the queue (pending and failed) by default; not among the sent.
            let failed = try await dsrd(["outbox", "list", "--state", "failed", "--all", "--json"])
            #expect(failed.status == 0, "\(failed.errors)")
            let entry = try #require(failed.output.split(separator: "\n").compactMap { line in
                try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            }.first { $0["id"] as? Int == queued.outboxID })
            #expect(entry["state"] as? String == "failed" && entry["recipients"] as? [String] == ["rejected@example.net"])
            #expect((entry["last_error"] as? String)?.contains("reply=550") == true)
            #expect(entry["reference"] as? String == queued.reference && entry["role"] as? String == "reply")
            #expect(entry["template"] as? String == "receipt" && entry["attempts"] as? Int == 1)
            #expect(entry["message_id"] as? String == queued.messageID)
            let queue = try await dsrd(["outbox", "list", "--all"])
            #expect(queue.output.hasPrefix("ID") && queue.output.contains("rejected@example.net"))
            #expect(queue.output.split(separator: "\n").contains { $0.hasPrefix("\(queued.outboxID) ") && $0.contains("failed") })
            let sent = try await dsrd(["outbox", "list", "--state", "sent", "--all", "--json"])
            #expect(!sent.output.contains("\"id\":\(queued.outboxID),"))

            // show: the row, the header, and the audit events about it.
            let shown = try await dsrd(["outbox", "show", String(queued.outboxID)])
            #expect(shown.status == 0, "\(shown.errors)")
            for text in ["message     \(queued.outboxID)", "state       failed", "request     \(queued.reference)  (reply)",
                         "template    receipt", "to          rejected@example.net", "last error  ",
                         "  To: rejected@example.net", "  Subject: Your privacy request [\(queued.reference)]",
                         "  Message-ID: \(queued.messageID)", "dsrd:delivery  reply_failed"] {
                #expect(shown.output.contains(text), "\(text)\n\(shown.output)")
            }
            let body = try await dsrd(["outbox", "show", String(queued.outboxID), "--body"])
            #expect(body.output.contains("message as queued") && body.output.contains("Auto-Submitted: auto-replied"))

            // retry: due now, a fresh count, audited in kari's name with what it was.
            let retried = try await dsrd(["outbox", "retry", String(queued.outboxID)], environment: ["SUDO_USER": "kari"])
            #expect(retried.status == 0, "\(retried.errors)")
            #expect(retried.output.contains("message \(queued.outboxID): failed -> pending, due now, by kari"))
            var stored = try await row(fixture.client, queued.outboxID)
            #expect(stored["state"] == "pending" && stored["attempts"] == "0" && stored["last_error"] == nil)
            let due = try #require(stored.optionalDate("next_attempt_at"))
            #expect(abs(due.timeIntervalSinceNow) < 120)
            var audit = try await events(fixture.client, outbox: queued.outboxID)
            #expect(audit.map { $0["action"] } == ["reply_failed", "outbox_retried"])
            let retry = try details(try #require(audit.last))
            #expect(audit.last?["actor"] == "operator:kari" && audit.last?["request_id"] == String(queued.requestID))
            #expect(retry["previous_state"] as? String == "failed" && retry["previous_attempts"] as? Int == 1)
            #expect((retry["previous_error"] as? String)?.contains("reply=550") == true)
            #expect(retry["template"] as? String == "receipt" && !(audit.last?["details"]?.contains("@example") ?? true))
            let request = try await dsrd(["requests", "show", queued.reference])
            #expect(request.output.contains("out reply receipt [pending]"))

            // cancel: out of the queue for good; only once; a cancelled message is not retried.
            let cancelled = try await dsrd(["outbox", "cancel", String(queued.outboxID)], environment: ["SUDO_USER": "kari"])
            #expect(cancelled.status == 0, "\(cancelled.errors)")
            #expect(cancelled.output.contains("message \(queued.outboxID): pending -> cancelled by kari"))
            stored = try await row(fixture.client, queued.outboxID)
            #expect(stored["state"] == "cancelled")
            audit = try await events(fixture.client, outbox: queued.outboxID)
            #expect(audit.map { $0["action"] } == ["reply_failed", "outbox_retried", "outbox_cancelled"])
            #expect(audit.last?["actor"] == "operator:kari")
            let twice = try await dsrd(["outbox", "cancel", String(queued.outboxID)], environment: ["SUDO_USER": "kari"])
            #expect(twice.status == 1 && twice.errors.contains("is cancelled: only a pending message can be cancelled"))
            let again = try await dsrd(["outbox", "retry", String(queued.outboxID)], environment: ["SUDO_USER": "kari"])
            #expect(again.status == 1 && again.errors.contains("is cancelled: only a pending or failed message can be retried"))
            #expect(try await events(fixture.client, outbox: queued.outboxID).count == 3)
            let cancelledList = try await dsrd(["outbox", "list", "--state", "cancelled", "--all", "--json"])
            #expect(cancelledList.output.contains("\"id\":\(queued.outboxID),"))

            let unknown = try await dsrd(["outbox", "show", "999999999"])
            #expect(unknown.status == 1 && unknown.errors.contains("no message with id 999999999 in the outbox"))
            let notANumber = try await dsrd(["outbox", "retry", "abc"])
            #expect(notANumber.status == 64)
            let badState = try await dsrd(["outbox", "list", "--state", "lost"])
            #expect(badState.status == 64 && badState.errors.contains("unknown state 'lost'"))
        }

        /// Failed mail loses its bytes after `retention.sent_mail_days`: then
        /// neither a retry nor a retry to another address can send it, and
        /// the operator is told why instead of being handed an empty mail.
        @Test func mailWhoseBytesRetentionClearedIsNotRetried() async throws {
            let stack = try LocalStack()
            let fixture = try await OutboxFixture.prepare(stack)
            let queued = try await queueReply(fixture, stack: stack, to: "rejected@example.net")
            // As the retention job leaves a failed mail: no bytes, its size and digest kept.
            try await fixture.client.query("""
                UPDATE dsr.outbox SET state = 'failed', failed_at = now(), last_error = 'smtp reply 550',
                       size_bytes = octet_length(raw), raw_sha256 = encode(sha256(raw), 'hex'),
                       raw = ''::bytea, raw_cleared_at = now()
                WHERE id = $1
                """, [.int(queued.outboxID)])
            for extra in [[], ["--to", "outbox.other@example.com"]] {
                let retried = try await dsrd(["outbox", "retry", String(queued.outboxID)] + extra,
                                             environment: ["SUDO_USER": "kari"])
                #expect(retried.status == 1, "\(extra): \(retried.errors)")
                #expect(retried.errors.contains("can no longer be sent: retention cleared its bytes"), "\(retried.errors)")
            }
            #expect(try await row(fixture.client, queued.outboxID)["state"] == "failed")
            #expect(try await events(fixture.client, outbox: queued.outboxID).isEmpty)
            let copies = try await fixture.client.query("""
                SELECT count(*) AS n FROM dsr.request_messages WHERE request_id = $1 AND outbox_id IS NOT NULL
                """, [.int(queued.requestID)])
            #expect(try copies.first?.int("n") == 1)
        }

        @Test func retryToAnotherRecipientQueuesACopyThatIsDeliveredThere() async throws {
            let stack = try LocalStack()
            let fixture = try await OutboxFixture.prepare(stack)
            let queued = try await queueReply(fixture, stack: stack, to: "rejected@example.net")
            #expect(try await fixture.stage(sender: stack.smtp(), stack: stack).runOnce().failed == 1)

            let bad = try await dsrd(["outbox", "retry", String(queued.outboxID), "--to", "Kari <kari@example.com>"],
                                     environment: ["SUDO_USER": "kari"])
            #expect(bad.status == 1 && bad.errors.contains("--to needs a plain address"))
            #expect(!bad.errors.contains("kari@example.com"))

            let corrected = LocalStack.uniqueAddress("corrected", domain: "example.com")
            let run = try await dsrd(["outbox", "retry", String(queued.outboxID), "--to", corrected],
                                     environment: ["SUDO_USER": "kari"])
            #expect(run.status == 0, "\(run.errors)")
            let words = run.output.split(separator: " ").map(String.init)
            let asIndex = try #require(words.firstIndex(of: "as"))
            let copyID = try #require(Int(words[asIndex + 2]))
            #expect(run.output.contains("queued again as message \(copyID) to the new recipient by kari; "
                                        + "message \(queued.outboxID) is failed"))
            // The original keeps its recipient, id and state; the copy has its own.
            let original = try await row(fixture.client, queued.outboxID)
            #expect(original["state"] == "failed" && original["recipients"] == "[\"rejected@example.net\"]")
            let copy = try await row(fixture.client, copyID)
            #expect(copy["state"] == "pending" && copy["recipients"] == "[\"\(corrected)\"]")
            let copyMessageID = try copy.string("message_id")
            #expect(copyMessageID != queued.messageID)
            let audit = try await events(fixture.client, outbox: queued.outboxID)
            #expect(audit.map { $0["action"] } == ["reply_failed", "outbox_retried"])
            let retry = try details(try #require(audit.last))
            #expect(retry["new_outbox_id"] as? Int == copyID && retry["recipient_changed"] as? Bool == true)
            #expect(!(audit.last?["details"]?.contains(corrected) ?? true))
            let linked = try await fixture.client.query("""
                SELECT role FROM dsr.request_messages WHERE request_id = $1 AND outbox_id = $2
                """, [.int(queued.requestID), .int(copyID)])
            #expect(linked.first?["role"] == "reply")

            // Delivered to the new address, as the same reply with its own Message-ID.
            try await fixture.client.transaction { try Outbox($0).release([copyID], dueAt: fixture.clock.now()) }
            #expect(try await fixture.stage(sender: stack.smtp(), stack: stack).runOnce().handled == 1)
            #expect(try await row(fixture.client, copyID)["state"] == "sent")
            let imap = stack.imap(user: corrected)
            #expect(try await stack.waitForMessages(imap, mailbox: .inbox, count: 1).messages == 1)
            let uid = try #require(try await imap.uids(in: .inbox, from: 1).first)
            let delivered = MessageReader.read(try await imap.fetch(uid: uid, in: .inbox))
            #expect(delivered.to.map(\.address) == [corrected])
            #expect(delivered.messageID == copyMessageID)
            #expect(delivered.subject == "Re: your privacy request [\(queued.reference)]: we have received it"
                    || delivered.subject.contains("[\(queued.reference)]"))
            await imap.disconnect()

            let shown = try await dsrd(["requests", "show", queued.reference, "--json"])
            let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any])
            let states = (object["messages"] as? [[String: Any]] ?? []).filter { $0["direction"] as? String == "out" }
                .compactMap { $0["delivery_state"] as? String }
            // (in the order of their times: the copy was sent at the fixture's clock, in 2001)
            #expect(states.sorted() == ["failed", "sent"])
        }

        @Test func retryToAnotherRecipientCancelsAStillPendingOriginal() async throws {
            let stack = try LocalStack()
            let fixture = try await OutboxFixture.prepare(stack)
            let queued = try await queueReply(fixture, stack: stack, to: "rejected@example.net")
            let corrected = LocalStack.uniqueAddress("corrected.pending", domain: "example.com")
            let run = try await dsrd(["outbox", "retry", String(queued.outboxID), "--to", corrected],
                                     environment: ["SUDO_USER": "kari"])
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output.contains("message \(queued.outboxID) is cancelled"))
            #expect(try await row(fixture.client, queued.outboxID)["state"] == "cancelled")
            let copyID = try #require(try await fixture.client.query("""
                SELECT max(outbox_id) AS id FROM dsr.request_messages WHERE request_id = $1
                """, [.int(queued.requestID)]).first?.int("id"))
            #expect(copyID != queued.outboxID)
            // Leave nothing pending behind.
            let cancel = try await dsrd(["outbox", "cancel", String(copyID)], environment: ["SUDO_USER": "kari"])
            #expect(cancel.status == 0, "\(cancel.errors)")
        }
    }
}

import Daemon
import Foundation
import MailCore
import Requests
import Store
import Testing
import Transport

extension LiveStackTests {
    @Suite struct IntakeIntegrationTests {
        @Test func newRequestIsRecordedOnceAndAcknowledged() async throws {
            let kari = LocalStack.uniqueAddress("kari.nordmann", domain: "example.no")
            let harness = try IntakeHarness()
            let mail = requestMail(from: "Kari Nordmann <\(kari)>", to: harness.notices, subject: "Innsyn",
                                   body: "Hei,\n\njeg ber om innsyn i alle personopplysninger dere har om meg.\n\nKari",
                                   messageID: "intake-new-\(UUID().uuidString)@example.no")
            try await harness.deliver(mail, from: kari, expectInbox: 1)
            let stage = try harness.stage()

            let report = try await stage.runOnce()
            #expect(report.handled == 1)
            let inbound = try await harness.inbound()
            #expect(inbound.count == 1)
            #expect(inbound.first?["outcome"] == "request")
            #expect(try inbound.first?.bool("moved") == true)

            let requests = try await harness.requests()
            let request = try #require(requests.first)
            #expect(requests.count == 1)
            #expect(request["state"] == "received")
            #expect(request["kinds"] == "{access}")
            #expect(request["reply_language"] == "nb")
            let reference = try request.string("reference")
            #expect(reference.hasPrefix("DSR-"))
            let dueOn = try #require(request["due_on"].flatMap { Day(iso: $0) })
            #expect(dueOn == DueDate.due(receivedAt: Date()) || dueOn > Day(Date()))

            let outbox = try await harness.outbox(requestID: try request.int("id"))
            #expect(outbox.count == 1)
            #expect(outbox.first?["template"] == "receipt")
            #expect(outbox.first?["recipients"] == "{\(kari)}")
            let receipt = MessageReader.read(try #require(outbox.first).bytes("raw"))
            #expect(receipt.subject.contains(reference))
            #expect(receipt.header("Auto-Submitted") == "auto-replied")
            #expect(receipt.inReplyTo.first?.hasPrefix("intake-new-") == true)

            // The mailbox is empty; the message sits in Processed with the keyword.
            #expect(try await harness.inboxCount() == 0)
            let processed = try #require(MailboxName("Processed"))
            let moved = try await harness.imap.uids(in: processed, from: 1)
            #expect(moved.count == 1)
            #expect(try await harness.imap.flags(uid: try #require(moved.first), in: processed).contains("$DsrdRecorded"))

            // A second round finds nothing new and writes nothing.
            let again = try await stage.runOnce()
            #expect(again.handled == 0)
            #expect(try await harness.inbound().count == 1)
            #expect(try await harness.requests().count == 1)
        }

        @Test func sameMessageIDDeliveredTwiceMakesOneRequest() async throws {
            let emma = LocalStack.uniqueAddress("emma.smith", domain: "example.org")
            let harness = try IntakeHarness()
            let id = "intake-dup-\(UUID().uuidString)@example.org"
            let mail = requestMail(from: emma, to: harness.notices, subject: "Delete my data",
                                   body: "Please erase all personal data you hold about me.", messageID: id)
            try await harness.deliver(mail, from: emma, expectInbox: 1)
            try await harness.deliver(mail, from: emma, expectInbox: 2)
            _ = try await harness.stage().runOnce()

            let inbound = try await harness.inbound()
            #expect(inbound.map { $0["outcome"] } == ["request", "duplicate"])
            let requests = try await harness.requests()
            #expect(requests.count == 1)
            #expect(try await harness.outbox(requestID: try #require(requests.first).int("id")).count == 1)
        }

        @Test func crashBetweenCommitAndMoveIsFinishedWithoutDuplicates() async throws {
            let ola = LocalStack.uniqueAddress("ola.hansen", domain: "example.com")
            let harness = try IntakeHarness()
            let mail = requestMail(from: ola, to: harness.notices, subject: "Reservasjon",
                                   body: "Jeg vil ikke lenger motta markedsføring fra dere.",
                                   messageID: "intake-crash-\(UUID().uuidString)@example.com")
            try await harness.deliver(mail, from: ola, expectInbox: 1)
            // What a run that died right after COMMIT leaves: recorded, not moved.
            try await harness.recordWithoutMoving()
            #expect(try await harness.inbound().first?.bool("moved") == false)

            let report = try await harness.stage().runOnce()
            #expect(report.summary.contains("resumed"))
            let inbound = try await harness.inbound()
            #expect(inbound.count == 1)
            #expect(try inbound.first?.bool("moved") == true)
            #expect(try await harness.requests().count == 1)
            #expect(try await harness.inboxCount() == 0)
        }

        @Test func autoRepliesAndBouncesAreRecordedButNeverAnswered() async throws {
            let nils = LocalStack.uniqueAddress("nils.berg", domain: "example.net")
            let harness = try IntakeHarness()
            let request = requestMail(from: nils, to: harness.notices, subject: "Slett meg",
                                      body: "Hei, jeg vil at dere sletter alle opplysninger om meg.",
                                      messageID: "intake-auto-\(UUID().uuidString)@example.net")
            try await harness.deliver(request, from: nils, expectInbox: 1)
            _ = try await harness.stage().runOnce()
            let original = try #require(try await harness.requests().first)
            let receipt = try #require(try await harness.outbox(requestID: try original.int("id")).first)
            let receiptID = try receipt.string("message_id")

            let outOfOffice = requestMail(from: nils, to: harness.notices,
                                          subject: "Automatisk svar: Din personvernforespørsel",
                                          body: "Jeg er på ferie og leser ikke e-post. Slett gjerne dette.",
                                          messageID: "intake-ooo-\(UUID().uuidString)@example.net",
                                          extraHeaders: ["Auto-Submitted: auto-replied"])
            let bounce = deliveryReport(to: harness.notices, recipient: nils, returned: receiptID)
            try await harness.deliver(outOfOffice, from: nils, expectInbox: 1)
            try await harness.deliver(bounce, from: "", expectInbox: 2)
            _ = try await harness.stage().runOnce()

            let outcomes = try await harness.inbound().map { $0["outcome"] }
            #expect(outcomes == ["request", "auto", "bounce"])
            let requests = try await harness.requests()
            // The out-of-office became an ignored request; the bounce joined the original.
            #expect(requests.count == 2)
            #expect(requests.first?["state"] == "needs_review")
            #expect(requests.last?["state"] == "ignored")
            #expect(try await harness.outbox(requestID: try #require(requests.last).int("id")).isEmpty)
            let outbox = try await harness.outbox(requestID: try original.int("id"))
            #expect(outbox.count == 1)
            #expect(outbox.first?["bounced_at"] != nil)
        }

        @Test func followUpQuotingTheReferenceJoinsTheRequest() async throws {
            let emma = LocalStack.uniqueAddress("emma.smith", domain: "example.org")
            let ola = LocalStack.uniqueAddress("ola.hansen", domain: "example.com")
            let harness = try IntakeHarness()
            let first = requestMail(from: emma, to: harness.notices, subject: "Access request",
                                    body: "Please send me a copy of all personal data you hold about me.",
                                    messageID: "intake-thread-\(UUID().uuidString)@example.org")
            try await harness.deliver(first, from: emma, expectInbox: 1)
            _ = try await harness.stage().runOnce()
            let request = try #require(try await harness.requests().first)
            let reference = try request.string("reference")

            let followUp = requestMail(from: emma, to: harness.notices,
                                       subject: "Re: your privacy request [\(reference)]",
                                       body: "Thanks. Also, could you tell me which partners received my data?",
                                       messageID: "intake-thread2-\(UUID().uuidString)@example.org")
            try await harness.deliver(followUp, from: emma, expectInbox: 1)
            _ = try await harness.stage().runOnce()

            #expect(try await harness.inbound().map { $0["outcome"] } == ["request", "follow_up"])
            let requests = try await harness.requests()
            #expect(requests.count == 1)
            #expect(requests.first?["state"] == "needs_review")
            #expect(try await harness.outbox(requestID: try request.int("id")).count == 1)

            // The same reference from another address does not attach.
            let stranger = requestMail(from: ola, to: harness.notices, subject: "About \(reference)",
                                       body: "Please delete everything you have on me.",
                                       messageID: "intake-thread3-\(UUID().uuidString)@example.com")
            try await harness.deliver(stranger, from: ola, expectInbox: 1)
            _ = try await harness.stage().runOnce()
            #expect(try await harness.requests().count == 2)
        }

        @Test func loopGuardHoldsBackAnswersToAFlood() async throws {
            let harness = try IntakeHarness(loopGuard: 2)
            let flood = LocalStack.uniqueAddress("flood", domain: "example.com")
            // Three different requests (the same one again would be a repeat).
            let bodies = ["Please delete all my personal data.",
                          "Please send me a copy of all personal data you hold about me.",
                          "I object to direct marketing: stop sending me newsletters and offers."]
            for index in 0..<3 {
                let mail = requestMail(from: flood, to: harness.notices, subject: "Request \(index)",
                                       body: bodies[index],
                                       messageID: "intake-flood-\(index)-\(UUID().uuidString)@example.com")
                try await harness.deliver(mail, from: flood, expectInbox: index + 1)
            }
            _ = try await harness.stage().runOnce()
            #expect(try await harness.inbound().map { $0["outcome"] } == ["request", "request", "loop_guard"])
            let requests = try await harness.requests()
            #expect(requests.map { $0["state"] } == ["received", "received", "needs_review"])
            #expect(try await harness.outbox(requestID: try #require(requests.last).int("id")).isEmpty)
        }

        @Test func oversizedMailGoesToReviewUnread() async throws {
            let harness = try IntakeHarness()
            let big = requestMail(from: "big@example.com", to: harness.notices, subject: "Attachment",
                                  body: String(repeating: "0123456789abcdef\n", count: 4096),
                                  messageID: "intake-big-\(UUID().uuidString)@example.com")
            try await harness.deliver(big, from: "big@example.com", expectInbox: 1)
            var settings = harness.components.intake
            settings.maximumMessageBytes = 16 * 1024
            let stage = try harness.stage(settings: settings)
            _ = try await stage.runOnce()
            #expect(try await harness.inbound().map { $0["outcome"] } == ["oversized"])
            let review = try #require(MailboxName("Review"))
            #expect(try await harness.imap.status(of: review).messages == 1)
            #expect(try await harness.requests().isEmpty)
        }

        @Test func newUIDValidityIsHandledByMessageIDNotByReprocessing() async throws {
            let kari = LocalStack.uniqueAddress("kari.nordmann", domain: "example.no")
            let harness = try IntakeHarness()
            let mail = requestMail(from: kari, to: harness.notices, subject: "Sletting",
                                   body: "Hei, jeg ber dere slette alle personopplysninger om meg.",
                                   messageID: "intake-uidv-\(UUID().uuidString)@example.no")
            try await harness.deliver(mail, from: kari, expectInbox: 1)
            // Recorded under an earlier UIDVALIDITY (the mailbox was rebuilt since):
            let status = try await harness.imap.status(of: .inbox)
            try await harness.recordWithoutMoving(uidValidity: status.uidValidity - 1)
            _ = try await harness.stage().runOnce()
            #expect(try await harness.inbound().map { $0["outcome"] } == ["request", "duplicate"])
            #expect(try await harness.requests().count == 1)
            #expect(try await harness.inboxCount() == 0)
            let state = try await harness.rows("SELECT uid_validity FROM dsr.mailbox_state WHERE mailbox = $1",
                                               [.text(harness.notices + "/INBOX")])
            #expect(state.first?["uid_validity"] == String(status.uidValidity))
        }

        @Test func unreadableMailGoesToReviewWithoutARequest() async throws {
            let harness = try IntakeHarness()
            // Nested deeper than the reader's limit.
            var lines = ["From: deep@example.com", "To: \(harness.notices)", "Subject: Nested",
                         "Message-ID: <intake-deep-\(UUID().uuidString)@example.com>", "MIME-Version: 1.0"]
            for depth in 0..<30 {
                lines += ["Content-Type: multipart/mixed; boundary=\"b\(depth)\"", "", "--b\(depth)"]
            }
            lines += ["Content-Type: text/plain", "", "Please delete my data.", ""]
            for depth in (0..<30).reversed() { lines += ["--b\(depth)--", ""] }
            try await harness.deliver(lines.joined(separator: "\r\n"), from: "deep@example.com", expectInbox: 1)
            _ = try await harness.stage().runOnce()
            #expect(try await harness.inbound().map { $0["outcome"] } == ["unreadable"])
            #expect(try await harness.requests().isEmpty)
            let review = try #require(MailboxName("Review"))
            await harness.imap.disconnect()
            #expect(try await harness.imap.status(of: review).messages == 1)
        }
    }
}

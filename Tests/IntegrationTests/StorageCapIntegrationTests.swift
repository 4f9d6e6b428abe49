import Daemon
import Foundation
import Hashing
import Store
import Testing

/// The storage cap at intake (`intake.max_stored_bytes_per_sender_per_day`),
/// on the live stack: beyond it, a sender's mail is recorded without its
/// bytes (size and SHA-256 kept) and goes to review.
extension LiveStackTests {
    @Suite struct StorageCapIntegrationTests {
        static func mail(from sender: String, to notices: String, _ index: Int) -> [UInt8] {
            Array(requestMail(from: sender, to: notices, subject: "Innsyn \(index)",
                              body: "Hei, jeg ber om innsyn i alle personopplysninger dere har om meg.\n"
                                  + String(repeating: "Lang tekst. ", count: 150),
                              messageID: "cap-\(index)-\(UUID().uuidString)@example.org").utf8)
        }

        @Test func aSendersMailBeyondTheCapIsRecordedWithoutItsBytesAndGoesToReview() async throws {
            let cap = 5_000
            let harness = try IntakeHarness(storedBytesPerSender: cap)
            let sender = LocalStack.uniqueAddress("cap.sender")
            let other = LocalStack.uniqueAddress("cap.other")
            let now = Date()
            let messages = (0..<3).map { Self.mail(from: sender, to: harness.notices, $0) }
            #expect(messages.allSatisfy { $0.count > cap / 3 && $0.count < cap / 2 })
            var outcomes: [String] = []
            for (index, raw) in messages.enumerated() {
                let outcome = try #require(try await harness.record(raw, uid: UInt64(index + 1), receivedAt: now))
                outcomes.append(outcome.outcome)
            }
            // The second is the same request again (a repeat): stored all the same.
            #expect(outcomes == ["request", "repeat", "over_storage_cap"])
            let capped = try #require(try await harness.rows("""
                SELECT id, octet_length(raw) AS stored, size_bytes, raw_sha256, from_address, problem FROM dsr.inbound
                WHERE mailbox = $1 AND uid = 3
                """, [.text(harness.notices + "/INBOX")]).first)
            #expect(try capped.int("stored") == 0 && capped.int("size_bytes") == messages[2].count)
            #expect(capped["raw_sha256"] == SHA256.hash(messages[2]).hexString && capped["from_address"] == sender)
            let events = try await harness.rows("SELECT action, request_id FROM dsr.audit_events WHERE inbound_id = $1",
                                                [.int(try capped.int("id"))])
            #expect(events.map { $0["action"] } == ["over_storage_cap"] && events.first?["request_id"] == nil)
            #expect(try await harness.rows("SELECT 1 FROM dsr.request_messages WHERE inbound_id = $1",
                                           [.int(try capped.int("id"))]).isEmpty)

            // Another sender has a cap of its own; a day later the sender has room again.
            #expect(try await harness.record(Self.mail(from: other, to: harness.notices, 4), uid: 4, receivedAt: now)?
                .outcome == "request")
            #expect(try await harness.record(Self.mail(from: sender, to: harness.notices, 5), uid: 5,
                                             receivedAt: now.addingTimeInterval(86_401))?.outcome == "repeat")
        }

        /// Through the intake stage: the capped message lands in the review folder.
        @Test func theCappedMessageIsMovedToTheReviewFolder() async throws {
            let sender = LocalStack.uniqueAddress("cap.stage")
            // Room for two as delivered (the MX and Dovecot add a few hundred bytes of headers), not three.
            let size = Self.mail(from: sender, to: "notices@janteloppet.test", 0).count
            let harness = try IntakeHarness(storedBytesPerSender: 2 * size + 1_500)
            for index in 0..<3 {
                try await harness.deliver(String(decoding: Self.mail(from: sender, to: harness.notices, index), as: UTF8.self),
                                          from: sender, expectInbox: index + 1)
            }
            _ = try await harness.stage().runOnce()
            #expect(try await harness.inbound().map { $0["outcome"] } == ["request", "repeat", "over_storage_cap"])
            #expect(try await harness.imap.status(of: harness.config.imap.reviewMailbox).messages == 1)
            #expect(try await harness.imap.status(of: harness.config.imap.processedMailbox).messages == 2)
        }
    }
}

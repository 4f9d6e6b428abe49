import Daemon
import Foundation
import Store
import Testing

/// Abuse limits and repeated requests at intake, on the live stack.
extension LiveStackTests {
    @Suite struct IntakeLimitsIntegrationTests {
        static let erase = "Please erase all personal data you hold about me."
        static let access = "Please send me a copy of all personal data you hold about me."
        static let object = "I object to direct marketing: stop sending me newsletters and offers."

        static func limits(sender: Int = 1_000, global: Int = 100_000, unauthenticated: Int = 100_000) -> DaemonConfig.Limits {
            var limits = DaemonConfig.Limits.standard
            limits.senderRequests = sender
            limits.globalRequests = global
            limits.globalUnauthenticatedRequests = unauthenticated
            return limits
        }

        static func details(_ row: QueryResult.Row?) throws -> [String: Any] {
            let text = try #require(row?["details"])
            return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }

        @Test func anAddressOverTheSenderLimitGetsNoReceiptAndItsRequestIsHeld() async throws {
            let harness = try IntakeHarness(limits: Self.limits(sender: 2))
            let person = LocalStack.uniqueAddress("kari.nordmann", domain: "example.no")
            // Three different requests; the third from the same address in capitals.
            let senders = [person, person, person.uppercased()]
            for (index, body) in [Self.erase, Self.access, Self.object].enumerated() {
                let mail = requestMail(from: senders[index], to: harness.notices, subject: "Request \(index)", body: body,
                                       messageID: "limits-sender-\(index)-\(UUID().uuidString)@example.no")
                try await harness.deliver(mail, from: person, expectInbox: index + 1)
            }
            _ = try await harness.stage().runOnce()

            #expect(try await harness.inbound().map { $0["outcome"] } == ["request", "request", "rate_limited"])
            let requests = try await harness.requests()
            #expect(requests.map { $0["state"] } == ["received", "received", "needs_review"])
            let held = try #require(requests.last)
            #expect(held["state_reason"] == "abuse limit: sender (2 requests within 24 hours)")
            #expect(held["kinds"] == "{object}")
            #expect(try await harness.outbox(requestID: try held.int("id")).isEmpty)
            for request in requests.prefix(2) {
                #expect(try await harness.outbox(requestID: try request.int("id")).count == 1)
            }
            let audit = try await harness.audit(requestID: try held.int("id"))
            // Held, and the operators told at once.
            #expect(audit.map { $0["action"] } == ["received", "rate_limited", "notice_queued"])
            let details = try Self.details(audit.first { $0["action"] == "rate_limited" })
            #expect(details["limit"] as? String == "sender")
            #expect(details["maximum"] as? Int == 2)
            #expect(audit.allSatisfy { !($0["reason"] ?? "").contains("@") })

            // A follow-up in an existing request's thread is never limited.
            let reference = try #require(requests.first).string("reference")
            let followUp = requestMail(from: person, to: harness.notices, subject: "Re: [\(reference)]",
                                       body: "Thank you. When will it be done?",
                                       messageID: "limits-sender-follow-\(UUID().uuidString)@example.no")
            try await harness.deliver(followUp, from: person, expectInbox: 1)
            _ = try await harness.stage().runOnce()
            #expect(try await harness.inbound().last?["outcome"] == "follow_up")
            #expect(try await harness.requests().count == 3)
        }

        @Test func overTheGlobalLimitRequestsAreHeldWithoutReceipt() async throws {
            // At least one request in the window: this one, from another mailbox.
            let first = try IntakeHarness(limits: Self.limits())
            let emma = LocalStack.uniqueAddress("emma.smith", domain: "example.org")
            try await first.deliver(requestMail(from: emma, to: first.notices, subject: "Erase", body: Self.erase,
                                                messageID: "limits-global-1-\(UUID().uuidString)@example.org"),
                                    from: emma, expectInbox: 1)
            _ = try await first.stage().runOnce()
            #expect(try await first.inbound().map { $0["outcome"] } == ["request"])

            // Neither sender is vouched for by the mail server: both count in the unauthenticated budget.
            let harness = try IntakeHarness(limits: Self.limits(unauthenticated: 1))
            let ola = LocalStack.uniqueAddress("ola.hansen", domain: "example.com")
            try await harness.deliver(requestMail(from: ola, to: harness.notices, subject: "Access", body: Self.access,
                                                  messageID: "limits-global-2-\(UUID().uuidString)@example.com"),
                                      from: ola, expectInbox: 1)
            _ = try await harness.stage().runOnce()

            #expect(try await harness.inbound().map { $0["outcome"] } == ["rate_limited"])
            let held = try #require(try await harness.requests().first)
            #expect(held["state"] == "needs_review")
            #expect(held["state_reason"] == "abuse limit: global, unauthenticated senders (1 requests within 60 minutes)")
            #expect(try await harness.outbox(requestID: try held.int("id")).isEmpty)
            let audit = try await harness.audit(requestID: try held.int("id"))
            #expect(audit.map { $0["action"] } == ["received", "rate_limited", "notice_queued"])
            let limited = audit.first { $0["action"] == "rate_limited" }
            #expect(try Self.details(limited)["limit"] as? String == "global")
            #expect(try Self.details(limited)["authenticated"] as? Bool == false)
        }

        @Test func aFloodOfUnauthenticatedMailCannotHoldBackAnAuthenticatedSender() async throws {
            // The unauthenticated budget is spent (by other tests' mail, or this one's first message) …
            let harness = try IntakeHarness(limits: Self.limits(global: 100_000, unauthenticated: 1))
            let forged = LocalStack.uniqueAddress("kari.nordmann", domain: "example.no")
            try await harness.deliver(requestMail(from: forged, to: harness.notices, subject: "Erase", body: Self.erase,
                                                  messageID: "flood-1-\(UUID().uuidString)@example.no"),
                                      from: forged, expectInbox: 1)
            try await harness.deliver(requestMail(from: forged, to: harness.notices, subject: "Access", body: Self.access,
                                                  messageID: "flood-2-\(UUID().uuidString)@example.no"),
                                      from: forged, expectInbox: 2)
            // … while a sender the MX vouches for is still acknowledged.
            let genuine = LocalStack.uniqueAddress("emma.smith", domain: "example.org")
            try await harness.deliver(requestMail(from: genuine, to: harness.notices, subject: "Access", body: Self.access,
                                                  messageID: "flood-3-\(UUID().uuidString)@example.org"),
                                      from: genuine, expectInbox: 3, mxResult: .dmarcPass)
            _ = try await harness.stage().runOnce()
            #expect(try await harness.inbound().map { $0["outcome"] } == ["rate_limited", "rate_limited", "request"])
            let requests = try await harness.requests()
            #expect(requests.prefix(2).allSatisfy {
                $0["state_reason"] == "abuse limit: global, unauthenticated senders (1 requests within 60 minutes)"
            })
            #expect(requests.last?["state"] == "received")
            #expect(try await harness.outbox(requestID: try #require(requests.last).int("id")).map { $0["template"] } == ["receipt"])
        }

        @Test func aRepeatedIdenticalRequestIsLinkedNotOpened() async throws {
            let harness = try IntakeHarness(limits: Self.limits())
            let person = LocalStack.uniqueAddress("nils.berg", domain: "example.net")
            // The same request three times in different words, once in capitals.
            let bodies = [Self.erase, "Delete all my personal data, please.", Self.erase]
            let senders = [person, person.uppercased(), person]
            for (index, body) in bodies.enumerated() {
                let mail = requestMail(from: senders[index], to: harness.notices, subject: "Erasure \(index)", body: body,
                                       messageID: "limits-repeat-\(index)-\(UUID().uuidString)@example.net")
                try await harness.deliver(mail, from: person, expectInbox: index + 1)
            }
            _ = try await harness.stage().runOnce()

            #expect(try await harness.inbound().map { $0["outcome"] } == ["request", "repeat", "repeat"])
            let requests = try await harness.requests()
            let request = try #require(requests.first)
            #expect(requests.count == 1)
            let requestID = try request.int("id")
            #expect(try await harness.links(requestID: requestID) == ["request", "reply", "repeat", "repeat"])
            #expect(try await harness.outbox(requestID: requestID).count == 1)
            let repeats = try await harness.audit(requestID: requestID).filter { $0["action"] == "repeat_received" }
            #expect(try repeats.map { try Self.details($0)["repeats"] as? Int } == [1, 2])
            #expect(try await harness.rows("SELECT count(*) AS n FROM dsr.requests WHERE lower(subject_address) = lower($1)",
                                           [.text(person)]).first?.int("n") == 1)

            // Another kind is a new request; so is the same request once the first is closed.
            try await harness.database.query("UPDATE dsr.requests SET state = 'completed' WHERE id = $1", [.int(requestID)])
            for (index, body) in [Self.access, Self.erase].enumerated() {
                let mail = requestMail(from: person, to: harness.notices, subject: "Again \(index)", body: body,
                                       messageID: "limits-repeat-new-\(index)-\(UUID().uuidString)@example.net")
                try await harness.deliver(mail, from: person, expectInbox: index + 1)
            }
            _ = try await harness.stage().runOnce()
            #expect(try await harness.inbound().suffix(2).map { $0["outcome"] } == ["request", "request"])
            let after = try await harness.requests()
            #expect(after.count == 3)
            for request in after.dropFirst() {
                #expect(try await harness.outbox(requestID: try request.int("id")).count == 1)
            }
        }
    }
}

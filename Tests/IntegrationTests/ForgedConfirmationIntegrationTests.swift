import Daemon
import Foundation
import MailCore
import Requests
import Store
import Testing

/// The attacks on confirmation by reply, sent as real mail through the
/// stack: each shows that nothing is changed, disclosed or sent where it
/// must not be — and the honest paths beside them still work.
extension LiveStackTests {
    @Suite struct ForgedConfirmationIntegrationTests {
        static let eraseClaiming = "Please delete all the personal data you hold about me. My registered address is "

        /// The attacker asks, from a domain of their own, to erase the
        /// customer's data by naming her address; returns the request.
        func claim(_ customer: FulfilmentFixture.Customer, from attacker: String,
                   _ harness: FulfilHarness) async throws -> FulfilHarness.Sent {
            try await harness.ask("Delete my data", Self.eraseClaiming + customer.address + ".", from: attacker)
        }

        /// Whether the customer's record and data are untouched.
        func untouched(_ customer: FulfilmentFixture.Customer, _ harness: FulfilHarness, request: Int) async throws -> Bool {
            let templates = try await harness.mail(of: request).map(\.template)
            let rows = try await harness.customerRows(customer)
            let erased = try await harness.audit(of: request).contains { $0["action"] == "erased" }
            return rows == 1 && !erased && !templates.contains("erase_completed") && !templates.contains("partner_notice")
        }

        // MARK: F1 — a forged "Yes." answering the confirmation's Message-ID, without the code

        @Test func aForgedYesThatAnswersTheConfirmationButLacksTheCodeErasesNothing() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let attacker = LocalStack.uniqueAddress("ola", domain: "example.net")
            let sent = try await claim(customer, from: attacker, harness)
            #expect(try await harness.row(sent)["state"] == "awaiting_confirmation")
            let mail = try await harness.mail(of: sent.id)
            #expect(mail.map(\.recipients) == ["{\(attacker)}", "{\(customer.address)}"])
            // The confirmation tells the customer who asked and what would happen.
            let confirmation = try await harness.confirmationMessage(of: sent.id)
            #expect(confirmation.text.contains(attacker))
            #expect(confirmation.text.contains("slette personopplysninger") || confirmation.text.contains("erase personal data"))
            // Its Message-ID is random: nothing in the receipt or the reference gives it away.
            let confirmationID = try #require(confirmation.messageID)
            #expect(!confirmationID.lowercased().contains(sent.reference.lowercased()))
            #expect(confirmationID.split(separator: "@").first?.count == 32)

            // The forged answer: From the customer, In-Reply-To our confirmation, "Yes.", no code.
            let forged = requestMail(
                from: customer.address, to: harness.notices, subject: "Re: " + confirmation.subject, body: "Yes.",
                messageID: "forged-\(UUID().uuidString)@example.net",
                extraHeaders: ["In-Reply-To: <\(confirmationID)>", "References: <\(confirmationID)>"])
            try await harness.process(forged, from: attacker)

            let request = try await harness.row(sent)
            #expect(request["state"] == "needs_review")
            #expect(request["state_reason"] == "a reply without a valid confirmation code")
            #expect(try await untouched(customer, harness, request: sent.id))
            #expect(try await harness.count("SELECT count(*) FROM dsr.confirmations WHERE request_id = $1 AND answer IS NOT NULL",
                                            [.int(sent.id)]) == 0)
            // The operators are told, by reference and reason, without the person's address.
            let notes = try await harness.intake.operatorNotes(requestID: sent.id)
            #expect(notes.count == 1 && notes.first?["recipients"] == "{operators@janteloppet.test}")
            let note = MessageReader.read(try #require(notes.first).bytes("raw"))
            #expect(note.text.contains(sent.reference) && note.text.contains("a reply without a valid confirmation code"))
            #expect(!note.text.contains(customer.address) && !note.text.contains(attacker))
            try await harness.removeCustomer(customer)
        }

        // MARK: F2 — the customer's own puzzled answer, quoting the code

        @Test func theCustomersOwnQuestionQuotingTheCodeErasesNothing() async throws {
            for answer in ["Who are you? I didn't request this.", "Hvem er dette? Jeg har ikke bedt om noe.", "Unsubscribe"] {
                let harness = try FulfilHarness()
                let customer = try await harness.customer()
                let sent = try await claim(customer, from: LocalStack.uniqueAddress("ola", domain: "example.net"), harness)
                let confirmation = try await harness.confirmationMessage(of: sent.id)
                // A real mail client's reply: the whole message, code included, quoted below her words.
                try await harness.process(harness.clientReply(to: confirmation, from: customer.address, answer: answer),
                                          from: customer.address)
                let request = try await harness.row(sent)
                #expect(request["state"] == "needs_review", "\(answer)")
                #expect(request["state_reason"] == "an answer to the confirmation that is not an explicit yes", "\(answer)")
                #expect(try await untouched(customer, harness, request: sent.id), "\(answer)")
                try await harness.removeCustomer(customer)
            }
        }

        @Test func aMailClientsReplySayingYesStillErasesAndCorrects() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let erasure = try await harness.ask(Asking.erase.0, Asking.erase.1, from: customer.address)
            let confirmation = try await harness.confirmationMessage(of: erasure.id)
            #expect(!confirmation.text.contains("sendt fra en annen e-postadresse"))
            try await harness.process(harness.clientReply(to: confirmation, from: customer.address,
                                                          answer: "Ja, det stemmer.\n\nMvh\nKari"),
                                      from: customer.address)
            #expect(try await harness.row(erasure)["state"] == "completed")
            #expect(try await harness.customerRows(customer) == 0)

            let other = try await harness.customer()
            let correction = try await harness.ask(Asking.phone.0, Asking.phone.1, from: other.address)
            let asked = try await harness.confirmationMessage(of: correction.id)
            // The confirmation names the new value.
            #expect(asked.text.contains("482 13 579") || asked.text.contains("+4748213579"))
            try await harness.process(harness.clientReply(to: asked, from: other.address, answer: "Ja, det stemmer"),
                                      from: other.address)
            #expect(try await harness.row(correction)["state"] == "completed")
            #expect(try await harness.intake.rows("SELECT phone FROM crm.customers WHERE id = $1::bigint",
                                                  [.text(other.id)]).first?["phone"] == "+4748213579")
            try await harness.removeCustomer(other)
        }

        // MARK: Expiry — a code past its expiry confirms nothing, whenever its answer is read

        @Test func aCodeReadAfterItExpiredConfirmsNothing() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let sent = try await harness.ask(Asking.erase.0, Asking.erase.1, from: customer.address)
            let token = try await harness.token(of: sent.id)
            // The answer arrives and is recorded while the code is valid; the
            // daemon is down until after the expiry, then reads it.
            let reply = harness.confirmationReply(from: customer.address, reference: sent.reference, token: token,
                                                  messageID: "late-\(UUID().uuidString)@example.org")
            let before = try await harness.intake.inboxCount() ?? 0
            try await harness.intake.deliver(reply, from: customer.address, expectInbox: before + 1)
            _ = try await harness.intake.stage().runOnce()
            harness.clock.advance(by: 7 * 86_400 + 60)
            _ = try await harness.fulfil().runOnce()

            let request = try await harness.row(sent)
            #expect(request["state"] == "needs_review")
            #expect(request["state_reason"] == "a reply whose confirmation code had expired")
            #expect(try await untouched(customer, harness, request: sent.id))
            try await harness.removeCustomer(customer)
        }

        // MARK: F5 — claimed addresses

        @Test func aClaimedAddressNoCustomerHasGetsNoMailAndIsNotNamedToTheSender() async throws {
            let harness = try FulfilHarness()
            let attacker = LocalStack.uniqueAddress("ola", domain: "example.net")
            let named = LocalStack.uniqueAddress("all-staff", domain: "example.com")
            let sent = try await harness.ask("Delete", Self.eraseClaiming + named + ".", from: attacker)
            #expect(try await harness.row(sent)["state"] == "completed")
            let mail = try await harness.mail(of: sent.id)
            #expect(mail.map(\.template) == ["receipt", "no_data"])
            #expect(mail.allSatisfy { $0.recipients == "{\(attacker)}" })
            #expect(mail.allSatisfy { !$0.message.text.contains(named) })
            #expect(try await harness.count("SELECT count(*) FROM dsr.outbox WHERE $1 = ANY(recipients)", [.text(named)]) == 0)
        }

        @Test func claimsCannotUseUpTheCustomersLimitsOrSwallowHerOwnRequest() async throws {
            var limits = DaemonConfig.Limits.standard
            limits.senderRequests = 2
            limits.globalRequests = 100_000
            limits.globalUnauthenticatedRequests = 100_000
            limits.claimsPerAddress = 2
            let harness = try FulfilHarness(limits: limits)
            let customer = try await harness.customer()
            var claims: [FulfilHarness.Sent] = []
            for _ in 0..<3 {
                claims.append(try await claim(customer, from: LocalStack.uniqueAddress("throwaway", domain: "example.net"), harness))
            }
            #expect(try await harness.row(claims[0])["state"] == "awaiting_confirmation")
            #expect(try await harness.row(claims[1])["state"] == "awaiting_confirmation")
            // The third claim of one address goes to a person: no third mail to her.
            let third = try await harness.row(claims[2])
            #expect(third["state"] == "needs_review")
            #expect(third["state_reason"] == "abuse limit: 2 requests named this address within 24 hours")
            #expect(try await harness.mail(of: claims[2].id).map(\.template) == ["receipt"])

            // Her own request (the same kinds, the same fields) is neither rate-limited nor a "repeat".
            let own = try await harness.ask("Slett", Asking.erase.1, from: customer.address)
            let row = try await harness.row(own)
            #expect(row["state"] == "awaiting_confirmation")
            #expect(try await harness.mail(of: own.id).map(\.template) == ["receipt", "confirmation_needed"])
            // …and her confirmation carries out her request, not the attackers'.
            try await harness.confirm(own, from: customer.address)
            #expect(try await harness.row(own)["state"] == "completed")
            #expect(try await harness.customerRows(customer) == 0)
        }

        // MARK: F6 — backscatter

        @Test func aRequestWithHundredsOfReferencesGetsRepliesWithTwentyAtMost() async throws {
            let harness = try FulfilHarness()
            let sender = LocalStack.uniqueAddress("target", domain: "example.net")
            var ids = (0..<300).map { "ref-\($0)-\(UUID().uuidString)@example.net" }
            ids[299] = String(repeating: "x", count: 300) + "@example.net"
            let references = stride(from: 0, to: ids.count, by: 4).map { start in
                ids[start..<min(start + 4, ids.count)].map { "<\($0)>" }.joined(separator: " ")
            }.joined(separator: "\r\n ")
            let messageID = "many-refs-\(UUID().uuidString)@example.net"
            try await harness.process(requestMail(from: sender, to: harness.notices, subject: "Innsyn",
                                                  body: Asking.access.1, messageID: messageID,
                                                  extraHeaders: ["References: " + references]),
                                      from: sender)
            let request = try await harness.request(messageID: messageID)
            let mail = try await harness.mail(of: try request.int("id"))
            #expect(mail.map(\.template) == ["receipt", "no_data"])
            for reply in mail {
                #expect(reply.message.references.count == ThreadReferences.maxIDs)
                #expect(reply.message.references.last == messageID)
                #expect(reply.message.references.allSatisfy { $0.utf8.count <= ThreadReferences.maxIDBytes })
                #expect(reply.message.references.dropLast().last == ids[298])
            }
        }

        // MARK: F8 — forged bounces

        @Test func aBounceNeverReopensAClosedRequestAndProseIsNoBounce() async throws {
            let harness = try FulfilHarness()
            let sender = LocalStack.uniqueAddress("stranger", domain: "example.net")
            let sent = try await harness.ask("Copy", "Hello, please send me a copy of all personal data you hold about me.",
                                             from: sender)
            #expect(try await harness.row(sent)["state"] == "completed")
            let replyID = try #require(try await harness.mail(of: sent.id).last?.message.messageID)

            // Prose from a "MAILER-DAEMON" of the attacker's naming our Message-ID.
            let prose = requestMail(
                from: "Mail Delivery System <MAILER-DAEMON@attacker.example.net>", to: harness.notices,
                subject: "Undelivered Mail Returned to Sender", body: "Your message could not be delivered.\n\nMessage-ID: <\(replyID)>",
                messageID: "prose-bounce-\(UUID().uuidString)@example.net")
            try await harness.process(prose, from: "bounces@example.net")
            #expect(try await harness.row(sent)["state"] == "completed")

            // A structured report with a null Return-Path is recorded, and the closed request stays closed.
            let report = deliveryReport(to: harness.notices, recipient: sender, returned: replyID)
            try await harness.process(report, from: "")
            #expect(try await harness.row(sent)["state"] == "completed")
            let actions = try await harness.audit(of: sent.id).compactMap { $0["action"] }
            #expect(actions.filter { $0 == "reply_bounced" }.count == 1)
            #expect(try await harness.intake.operatorNotes(requestID: sent.id).isEmpty)
        }
    }
}

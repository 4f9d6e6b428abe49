import Daemon
import Foundation
import MailCore
import Requests
import Store
import Testing

/// Look-alike addresses on the live stack: the database's own `lower()`
/// (collation C.UTF-8) takes `K` (U+212A) and `İ` (U+0130) for `k` and `i`;
/// dsrd's canonical form does not, so a look-alike gets no copy of the
/// customer's data and no mail, while the customer's own address in other
/// letter case still gets the copy.
extension LiveStackTests {
    @Suite struct AddressIdentityIntegrationTests {
        /// A customer whose address has a `k` and an `i` in its local part.
        private func customer(_ harness: FulfilHarness) async throws -> (FulfilmentFixture.Customer, local: String) {
            let customer = try await harness.customer()
            let local = "kari.nordmann-" + String(UInt64.random(in: 0..<UInt64.max) & 0xffff_ffff_ffff)
            try await harness.database.query("UPDATE crm.customers SET email = $2 WHERE id = $1::bigint",
                                             [.text(customer.id), .text(local + "@example.no")])
            return (customer, local)
        }

        /// Sends an access request whose header From is `from` (the envelope
        /// sender is a plain ASCII address, as a relay would have it).
        private func askForAccess(_ harness: FulfilHarness, from: String, body: String = Asking.access.1)
            async throws -> QueryResult.Row {
            let messageID = "lookalike-\(UUID().uuidString)@example.net"
            try await harness.process(requestMail(from: from, to: harness.notices, subject: Asking.access.0, body: body,
                                                  messageID: messageID), from: "relay-bounces@example.net")
            return try await harness.request(messageID: messageID)
        }

        /// Outgoing mail to `address` (as written), anywhere in the outbox.
        private func mailTo(_ address: String, _ harness: FulfilHarness) async throws -> Int {
            try await harness.count("SELECT count(*) FROM dsr.outbox WHERE $1 = ANY(recipients)", [.text(address)])
        }

        @Test func aLookalikeLocalPartGetsNoCopyAndNoMail() async throws {
            let harness = try FulfilHarness()
            let (customer, local) = try await customer(harness)
            let genuine = local + "@example.no"
            for lookalike in ["\u{212A}" + local.dropFirst() + "@example.no",
                              "kar\u{130}" + local.dropFirst(4) + "@example.no"] {
                // The database's lower() alone would have taken it for the customer.
                #expect(try await harness.count("SELECT count(*) FROM crm.customers WHERE lower(email) = lower($1)",
                                                [.text(lookalike)]) == 1)
                let request = try await askForAccess(harness, from: lookalike)
                #expect(request["state"] == "needs_review")
                #expect(request["state_reason"] == DataSubject.Reason.nonASCIILocalPart.rawValue)
                let id = try request.int("id")
                #expect(try await harness.mail(of: id).isEmpty, "no receipt, no copy")
                #expect(try await harness.audit(of: id).allSatisfy { $0["action"] != "access_sent" })
                #expect(try await mailTo(lookalike, harness) == 0)
            }
            // Claiming the look-alike as one's registered address sends no confirmation to it either.
            let claim = "\u{212A}" + local.dropFirst() + "@example.no"
            let claimed = try await askForAccess(
                harness, from: LocalStack.uniqueAddress("ola", domain: "example.net"),
                body: "Hello, my registered address is \(claim). Please send me a copy of all personal data you hold about me.")
            #expect(claimed["state"] == "needs_review")
            #expect(try await mailTo(claim, harness) == 0)
            #expect(try await mailTo(genuine, harness) == 0)
            try await erase(customer, genuine, harness)
        }

        @Test func aLookalikeDomainGetsNoCopy() async throws {
            let harness = try FulfilHarness()
            let (customer, local) = try await customer(harness)
            let genuine = local + "@example.no"
            let lookalike = local + "@exampİe.no"
            let request = try await askForAccess(harness, from: lookalike)
            // Another domain: nothing is held for it, and the answer says so, to that domain's A-label only.
            #expect(request["state"] == "completed")
            let mail = try await harness.mail(of: try request.int("id"))
            #expect(mail.map(\.template) == ["receipt", "no_data"])
            #expect(mail.allSatisfy { $0.recipients == "{\(local)@xn--exampie-cie.no}" && $0.message.attachments.isEmpty })
            #expect(try await mailTo(lookalike, harness) == 0)
            #expect(try await mailTo(genuine, harness) == 0)
            try await erase(customer, genuine, harness)
        }

        @Test func theCustomersOwnAddressInOtherCaseGetsTheCopyAtTheStoredAddress() async throws {
            let harness = try FulfilHarness()
            let (customer, local) = try await customer(harness)
            let written = "Kari.Nordmann" + local.dropFirst("kari.nordmann".count) + "@EXAMPLE.no"
            let request = try await askForAccess(harness, from: written)
            #expect(request["state"] == "completed")
            let mail = try await harness.mail(of: try request.int("id"))
            #expect(mail.map(\.template) == ["receipt", "access_completed"])
            // The receipt answers the sender as written (domain lowercased); the copy goes to the stored address.
            #expect(mail.first?.recipients == "{\(written.prefix { $0 != "@" })@example.no}")
            #expect(mail.last?.recipients == "{\(local)@example.no}")
            // The copy: the JSON file and the readable page.
            #expect(mail.last?.message.attachments.compactMap { $0.filename?.split(separator: ".").last } == ["json", "html"])
            try await erase(customer, local + "@example.no", harness)
        }

        private func erase(_ customer: FulfilmentFixture.Customer, _ address: String, _ harness: FulfilHarness) async throws {
            let actions = FulfilmentActions(map: harness.settings.map, client: harness.database,
                                            hashKey: FulfilmentFixture.hashKey)
            _ = try await actions.erase(address: address)
            #expect(try await harness.customerRows(customer) == 0)
        }
    }
}

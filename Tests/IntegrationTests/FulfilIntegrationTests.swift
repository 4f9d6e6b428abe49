import Daemon
import Foundation
import MailCore
import Requests
import Store
import Testing

/// The fulfil stage on the live stack: real mail through intake, requests
/// carried out on customers committed to the crm database.
extension LiveStackTests {
    @Suite struct FulfilIntegrationTests {
        @Test func accessReplyCarriesEveryCategoryTheCustomerHas() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            // A Reply-To elsewhere is never where the copy goes.
            let id = "access-\(UUID().uuidString)@example.org"
            try await harness.process(requestMail(
                from: customer.address, to: harness.notices, subject: "Innsyn",
                body: "Hei, jeg ber om innsyn i alle personopplysninger dere har om meg, jf. personvernforordningen artikkel 15.",
                messageID: id, extraHeaders: ["Reply-To: someone.else@example.net"]), from: customer.address)
            let request = try await harness.request(messageID: id)
            #expect(request["state"] == "completed")
            let mail = try await harness.mail(of: try request.int("id"))
            #expect(mail.map(\.template) == ["receipt", "access_completed"])
            #expect(mail.allSatisfy { $0.recipients == "{\(customer.address)}" })
            let reply = try #require(mail.last?.message)
            let attachment = try #require(reply.attachments.first)
            #expect(attachment.filename == "dsr-export-\(try request.string("reference")).json")

            // Compare the attachment with the database, table by table.
            let raw = try #require(try await harness.database.query(
                "SELECT raw FROM dsr.outbox WHERE request_id = $1 AND template = 'access_completed'",
                [.int(try request.int("id"))]).first?.bytes("raw"))
            let filename = try #require(attachment.filename)
            let json = try #require(AttachmentBytes.first(named: filename, in: raw))
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
            let categories = try #require(document["categories"] as? [[String: Any]])
            var exported: [String: Int] = [:]
            for category in categories {
                exported[category["table"] as? String ?? "?"] = category["row_count"] as? Int
            }
            #expect(exported["crm.customers"] == 1)
            for table in FulfilmentFixture.customerTables {
                let held = try await harness.count("SELECT count(*) FROM crm.\(table) WHERE customer_id = $1::bigint",
                                                   [.text(customer.id)])
                #expect(exported["crm.\(table)"] ?? 0 == held, "\(table)")
            }
            let customers = try #require(categories.first { $0["table"] as? String == "crm.customers" })
            let row = try #require((customers["rows"] as? [[String: Any]])?.first)
            #expect(row["email"] as? String == customer.address && row["phone"] as? String == "+4791234567")
            let disclosures = try #require(document["disclosures"] as? [[String: Any]])
            #expect(disclosures.map { $0["partner"] as? String } == ["Fjellsikt Hotell AS"])
            #expect(reply.text.contains("Fjellsikt Hotell AS"))
            try await erase(customer, harness)
        }

        @Test func anUnknownAddressGetsNoDataHeld() async throws {
            let harness = try FulfilHarness()
            let sender = LocalStack.uniqueAddress("stranger", domain: "example.net")
            let id = "nodata-\(UUID().uuidString)@example.net"
            try await harness.process(requestMail(
                from: sender, to: harness.notices, subject: "Copy of my data",
                body: "Hello, please send me a copy of all personal data you hold about me.", messageID: id), from: sender)
            let request = try await harness.request(messageID: id)
            #expect(request["state"] == "completed")
            #expect(try await harness.mail(of: try request.int("id")).map(\.template) == ["receipt", "no_data"])
        }

        @Test func objectionFlipsTheSharingFlagAndTellsThePartner() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let id = "object-\(UUID().uuidString)@example.org"
            try await harness.process(requestMail(
                from: customer.address, to: harness.notices, subject: "Deling",
                body: "Hei, jeg protesterer mot at dere deler navnet mitt med partnere og andre tredjeparter.",
                messageID: id), from: customer.address)
            let request = try await harness.request(messageID: id)
            #expect(request["state"] == "completed")
            let flag = try await harness.intake.rows("SELECT share_with_partners FROM crm.customers WHERE id = $1::bigint",
                                                     [.text(customer.id)])
            #expect(flag.first?["share_with_partners"] == "f")
            let mail = try await harness.mail(of: try request.int("id"))
            #expect(mail.map(\.template) == ["receipt", "object_completed", "partner_notice"])
            #expect(mail.last?.recipients == "{personvern.fjellsikt@example.no}")
            #expect(mail.last?.message.text.contains(customer.address) == true)
            try await erase(customer, harness)
        }

        @Test func erasureRunsOnlyAfterTheConfirmationAndTheTokenIsSingleUse() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let id = "erase-\(UUID().uuidString)@example.org"
            try await harness.process(requestMail(
                from: customer.address, to: harness.notices, subject: "Sletting",
                body: "Hei, jeg ber om at dere sletter alle personopplysninger dere har om meg.", messageID: id),
                from: customer.address)
            let request = try await harness.request(messageID: id)
            let requestID = try request.int("id")
            #expect(request["state"] == "awaiting_confirmation")
            #expect(try await harness.count("SELECT count(*) FROM crm.customers WHERE id = $1::bigint", [.text(customer.id)]) == 1)
            let stored = try await harness.intake.rows("SELECT token_hash FROM dsr.confirmations WHERE request_id = $1",
                                                       [.int(requestID)])
            let token = try await harness.token(of: requestID)
            #expect(stored.count == 1 && stored.first?["token_hash"] != token)

            // The customer confirms by quoting the code.
            let reference = try request.string("reference")
            try await harness.process(harness.confirmationReply(from: customer.address, reference: reference, token: token,
                                                                messageID: "yes-\(UUID().uuidString)@example.org"),
                                      from: customer.address)
            let done = try await harness.request(messageID: id)
            #expect(done["state"] == "completed")
            #expect(try await harness.count("SELECT count(*) FROM crm.customers WHERE id = $1::bigint", [.text(customer.id)]) == 0)
            #expect(try await harness.count("SELECT count(*) FROM crm.customers WHERE lower(email) = lower($1)",
                                            [.text(customer.address)]) == 0)
            // Only the stripped accounting rows stay, until their hold ends.
            let held = try await harness.intake.rows(
                "SELECT customer_id, buyer_name, card_last4 FROM crm.orders WHERE id = ANY($1::bigint[])",
                [.textArray([customer.yearEndOrder, customer.currentOrder])])
            #expect(held.count == 2 && held.allSatisfy { $0["customer_id"] == nil && $0["card_last4"] == nil })
            let mail = try await harness.mail(of: requestID)
            #expect(mail.map(\.template) == ["receipt", "confirmation_needed", "erase_completed", "partner_notice"])
            #expect(mail[2].message.text.contains("2032"))
            let actions = try await harness.audit(of: requestID).compactMap { $0["action"] }
            #expect(actions.contains("confirmation_requested") && actions.contains("confirmed") && actions.contains("erased"))

            // The same code again changes nothing: the request is closed.
            try await harness.process(harness.confirmationReply(from: customer.address, reference: reference, token: token,
                                                                messageID: "again-\(UUID().uuidString)@example.org"),
                                      from: customer.address)
            let erasures = try await harness.audit(of: requestID).filter { $0["action"] == "erased" }
            #expect(erasures.count == 1)
            #expect(try await harness.count(
                "SELECT count(*) FROM dsr.confirmations WHERE request_id = $1 AND answer = 'confirm'", [.int(requestID)]) == 1)
        }

        @Test func aConfirmationFromAnotherAddressDoesNothingAndTheRequestExpires() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let id = "expire-\(UUID().uuidString)@example.org"
            try await harness.process(requestMail(
                from: customer.address, to: harness.notices, subject: "Sletting",
                body: "Hei, jeg ber om at dere sletter alle personopplysninger dere har om meg.", messageID: id),
                from: customer.address)
            let request = try await harness.request(messageID: id)
            let requestID = try request.int("id")
            let token = try await harness.token(of: requestID)
            let intruder = LocalStack.uniqueAddress("intruder", domain: "example.net")
            try await harness.process(harness.confirmationReply(from: intruder, reference: try request.string("reference"),
                                                                token: token, messageID: "x-\(UUID().uuidString)@example.net"),
                                      from: intruder)
            #expect(try await harness.request(messageID: id)["state"] == "awaiting_confirmation")

            // Day 4: a reminder with a fresh code; day 8: closed, nothing erased.
            harness.clock.set(Date().addingTimeInterval(4 * 86_400))
            _ = try await harness.fulfil().runOnce()
            #expect(try await harness.mail(of: requestID).map(\.template).last == "confirmation_reminder")
            let reminderToken = try await harness.token(of: requestID)
            #expect(reminderToken != token)
            harness.clock.set(Date().addingTimeInterval(8 * 86_400))
            _ = try await harness.fulfil().runOnce()
            let closed = try await harness.request(messageID: id)
            #expect(closed["state"] == "rejected")
            #expect(try await harness.mail(of: requestID).map(\.template).last == "confirmation_expired")
            #expect(try await harness.count("SELECT count(*) FROM crm.customers WHERE id = $1::bigint", [.text(customer.id)]) == 1)

            // The expired code confirms nothing.
            try await harness.process(harness.confirmationReply(from: customer.address, reference: try request.string("reference"),
                                                                token: token, messageID: "late-\(UUID().uuidString)@example.org"),
                                      from: customer.address)
            #expect(try await harness.audit(of: requestID).allSatisfy { $0["action"] != "erased" })
            #expect(try await harness.count("SELECT count(*) FROM crm.customers WHERE id = $1::bigint", [.text(customer.id)]) == 1)
            try await erase(customer, harness)
        }

        @Test func aConfirmationThatFailsDMARCConfirmsNothing() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let id = "dmarc-confirm-\(UUID().uuidString)@example.org"
            try await harness.process(requestMail(
                from: customer.address, to: harness.notices, subject: "Sletting",
                body: "Hei, jeg ber om at dere sletter alle personopplysninger dere har om meg.", messageID: id),
                from: customer.address)
            let request = try await harness.request(messageID: id)
            let requestID = try request.int("id")
            var forged = harness.confirmationReply(from: customer.address, reference: try request.string("reference"),
                                                   token: try await harness.token(of: requestID),
                                                   messageID: "forged-yes-\(UUID().uuidString)@example.org")
            forged = "Authentication-Results: mx.janteloppet.test; dmarc=fail header.from=example.org\r\n" + forged
            try await harness.process(forged, from: customer.address)
            #expect(try await harness.request(messageID: id)["state"] == "awaiting_confirmation")
            let refused = try await harness.audit(of: requestID).first { $0["action"] == "confirmation_refused" }
            #expect(refused?["reason"] == "sender authentication failed")
            #expect(try await harness.count("SELECT count(*) FROM crm.customers WHERE id = $1::bigint", [.text(customer.id)]) == 1)
            try await erase(customer, harness)
        }

        @Test func aForgedRequestWithFailedDMARCNeitherChangesNorDiscloses() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let id = "forged-\(UUID().uuidString)@example.org"
            try await harness.process(requestMail(
                from: customer.address, to: harness.notices, subject: "Innsyn",
                body: "Hei, jeg ber om innsyn i alle personopplysninger dere har om meg.", messageID: id,
                extraHeaders: ["Authentication-Results: mx.janteloppet.test; dmarc=fail header.from=example.org"]),
                from: customer.address)
            let request = try await harness.request(messageID: id)
            #expect(request["state"] == "needs_review")
            #expect(request["state_reason"] == "sender authentication failed: dmarc=fail")
            #expect(try await harness.mail(of: try request.int("id")).map(\.template) == ["receipt", "verification_pending"])
            try await erase(customer, harness)
        }

        @Test func resultsTheSenderAddedBelowTheTrustedOnesAreIgnored() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let id = "below-\(UUID().uuidString)@example.org"
            try await harness.process(requestMail(
                from: customer.address, to: harness.notices, subject: "Innsyn",
                body: "Hei, jeg ber om innsyn i alle personopplysninger dere har om meg.", messageID: id,
                extraHeaders: [
                    "Authentication-Results: mx.janteloppet.test; dmarc=pass header.from=example.org",
                    "Received: from sender.example.org by mx.janteloppet.test; Wed, 25 Nov 2026 10:00:00 +0100",
                    "Authentication-Results: mx.janteloppet.test; dmarc=fail header.from=example.org",
                ]), from: customer.address)
            let request = try await harness.request(messageID: id)
            #expect(request["state"] == "completed")
            #expect(try await harness.mail(of: try request.int("id")).map(\.template) == ["receipt", "access_completed"])
            try await erase(customer, harness)
        }

        @Test func aRectifiedPhoneNumberChangesExactlyThatField() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let before = try #require(try await harness.intake.rows(
                "SELECT first_name, last_name, organization, title, nationality FROM crm.customers WHERE id = $1::bigint",
                [.text(customer.id)]).first)
            let id = "rectify-\(UUID().uuidString)@example.org"
            try await harness.process(requestMail(
                from: customer.address, to: harness.notices, subject: "Telefon",
                body: "Hei, mitt nye telefonnummer er 482 13 579. Kan dere oppdatere det?", messageID: id),
                from: customer.address)
            let request = try await harness.request(messageID: id)
            let requestID = try request.int("id")
            #expect(request["state"] == "awaiting_confirmation")
            try await harness.process(harness.confirmationReply(
                from: customer.address, reference: try request.string("reference"), token: try await harness.token(of: requestID),
                messageID: "ok-\(UUID().uuidString)@example.org"), from: customer.address)
            #expect(try await harness.request(messageID: id)["state"] == "completed")
            let after = try #require(try await harness.intake.rows(
                "SELECT phone, first_name, last_name, organization, title, nationality FROM crm.customers WHERE id = $1::bigint",
                [.text(customer.id)]).first)
            #expect(after["phone"] == "+4748213579")
            for column in ["first_name", "last_name", "organization", "title", "nationality"] {
                #expect(after[column] == before[column], "\(column)")
            }
            let rectified = try #require(try await harness.audit(of: requestID).first { $0["action"] == "rectified" })
            #expect(rectified["details"]?.contains("+4791234567") == true && rectified["details"]?.contains("+4748213579") == true)
            let mail = try await harness.mail(of: requestID)
            // The partner received names and organisation, not the phone number: no notice.
            #expect(mail.map(\.template) == ["receipt", "confirmation_needed", "rectify_completed"])
            try await erase(customer, harness)
        }

        @Test func aClaimedRegisteredAddressMustConfirmAndGetsTheCopy() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let writer = LocalStack.uniqueAddress("private", domain: "example.net")
            let id = "claim-\(UUID().uuidString)@example.net"
            try await harness.process(requestMail(
                from: writer, to: harness.notices, subject: "Copy of my data",
                body: "Hello, my registered address is \(customer.address). Please send me a copy of all personal data you hold about me.",
                messageID: id), from: writer)
            let request = try await harness.request(messageID: id)
            let requestID = try request.int("id")
            #expect(request["state"] == "awaiting_confirmation" && request["subject_address"] == customer.address)
            let asked = try await harness.mail(of: requestID)
            #expect(asked.map(\.recipients) == ["{\(writer)}", "{\(customer.address)}"])
            try await harness.process(harness.confirmationReply(
                from: customer.address, reference: try request.string("reference"), token: try await harness.token(of: requestID),
                answer: "Yes, that was me.", messageID: "claim-ok-\(UUID().uuidString)@example.org"), from: customer.address)
            let mail = try await harness.mail(of: requestID)
            #expect(mail.last?.template == "access_completed" && mail.last?.recipients == "{\(customer.address)}")
            try await erase(customer, harness)
        }

        @Test func withdrawnConsentErasesTheDietaryDataAlone() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let id = "consent-\(UUID().uuidString)@example.org"
            try await harness.process(requestMail(
                from: customer.address, to: harness.notices, subject: "Samtykke",
                body: "Hei, jeg trekker tilbake samtykket mitt til at dere lagrer opplysninger om allergiene mine.",
                messageID: id), from: customer.address)
            let request = try await harness.request(messageID: id)
            let requestID = try request.int("id")
            try await harness.process(harness.confirmationReply(
                from: customer.address, reference: try request.string("reference"), token: try await harness.token(of: requestID),
                messageID: "consent-ok-\(UUID().uuidString)@example.org"), from: customer.address)
            #expect(try await harness.request(messageID: id)["state"] == "completed")
            #expect(try await harness.count("SELECT count(*) FROM crm.dietary_needs WHERE customer_id = $1::bigint",
                                            [.text(customer.id)]) == 0)
            #expect(try await harness.count("SELECT count(*) FROM crm.customers WHERE id = $1::bigint", [.text(customer.id)]) == 1)
            #expect(try await harness.count("SELECT count(*) FROM crm.feedback WHERE customer_id = $1::bigint",
                                            [.text(customer.id)]) == 1)
            let reply = try #require(try await harness.mail(of: requestID).last)
            #expect(reply.template == "erase_completed" && reply.message.text.contains("kostbehovene dine"))
            try await erase(customer, harness)
        }

        @Test func aCopyTooLargeForMailGoesToAPersonAndThePersonIsTold() async throws {
            var harness = try FulfilHarness()
            harness.settings.maximumAttachmentBytes = 2048
            let customer = try await harness.customer()
            let id = "large-\(UUID().uuidString)@example.org"
            try await harness.process(requestMail(
                from: customer.address, to: harness.notices, subject: "Innsyn",
                body: "Hei, jeg ber om innsyn i alle personopplysninger dere har om meg.", messageID: id), from: customer.address)
            let request = try await harness.request(messageID: id)
            #expect(request["state"] == "needs_review")
            #expect(request["state_reason"]?.contains("larger than the mail limit") == true)
            #expect(try await harness.mail(of: try request.int("id")).map(\.template) == ["receipt", "access_too_large"])
            try await erase(customer, harness)
        }

        @Test func tenThousandCorrespondenceRowsAreAnswered() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            try await harness.database.query("""
                INSERT INTO crm.correspondence (customer_id, channel, direction, sent_at, body)
                SELECT $1::bigint, 'email', 'inbound', now() - n * interval '1 minute', 'Melding nummer ' || n
                FROM generate_series(1, 10000) AS n
                """, [.text(customer.id)])
            let id = "bulk-\(UUID().uuidString)@example.org"
            try await harness.process(requestMail(
                from: customer.address, to: harness.notices, subject: "Innsyn",
                body: "Hei, jeg ber om innsyn i alle personopplysninger dere har om meg.", messageID: id), from: customer.address)
            let request = try await harness.request(messageID: id)
            #expect(request["state"] == "completed")
            let sent = try #require(try await harness.audit(of: try request.int("id")).first { $0["action"] == "access_sent" })
            let details = try #require(try JSONSerialization.jsonObject(with: Data((sent["details"] ?? "").utf8)) as? [String: Any])
            #expect((details["rows"] as? Int ?? 0) > 10_000)
            try await erase(customer, harness)
        }

        @Test func aMapThatDoesNotFitTheDatabaseSendsTheRequestToAPerson() async throws {
            var harness = try FulfilHarness()
            let index = try #require(harness.settings.map.tables.firstIndex { $0.table == "crm.correspondence" })
            harness.settings.map.tables[index].columns = ["id", "no_such_column"]
            let customer = try await harness.customer()
            let id = "mapfail-\(UUID().uuidString)@example.org"
            try await harness.process(requestMail(
                from: customer.address, to: harness.notices, subject: "Innsyn",
                body: "Hei, jeg ber om innsyn i alle personopplysninger dere har om meg.", messageID: id), from: customer.address)
            let request = try await harness.request(messageID: id)
            #expect(request["state"] == "needs_review")
            #expect(request["state_reason"]?.hasPrefix("could not be carried out: ") == true)
            #expect(request["state_reason"]?.contains("42703") == true)
            #expect(try await harness.mail(of: try request.int("id")).map(\.template) == ["receipt"])
            try await erase(customer, harness)
        }

        /// Leaves nothing of a test customer but held accounting rows.
        private func erase(_ customer: FulfilmentFixture.Customer, _ harness: FulfilHarness) async throws {
            let actions = FulfilmentActions(map: harness.settings.map, client: harness.database,
                                            hashKey: FulfilmentFixture.hashKey)
            _ = try await actions.erase(address: customer.address)
        }
    }
}

/// The bytes of a named attachment in a composed message.
enum AttachmentBytes {
    static func first(named name: String, in raw: [UInt8]) -> [UInt8]? {
        let text = String(decoding: raw, as: UTF8.self)
        guard let start = text.range(of: "filename=\"\(name)\"") ?? text.range(of: "filename=\(name)") else { return nil }
        let rest = text[start.upperBound...]
        guard let blank = rest.range(of: "\r\n\r\n") else { return nil }
        let body = rest[blank.upperBound...]
        let end = body.range(of: "\r\n--")?.lowerBound ?? body.endIndex
        let base64 = body[..<end].filter { !$0.isWhitespace }
        return Data(base64Encoded: String(base64)).map { Array($0) }
    }
}

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
            let sent = try await harness.ask(Asking.access.0, Asking.access.1 + " Jf. personvernforordningen artikkel 15.",
                                             from: customer.address, headers: ["Reply-To: someone.else@example.net"])
            #expect(try await harness.row(sent)["state"] == "completed")
            let mail = try await harness.mail(of: sent.id)
            #expect(mail.map(\.template) == ["receipt", "access_completed"])
            #expect(mail.allSatisfy { $0.recipients == "{\(customer.address)}" })
            let reply = try #require(mail.last?.message)
            let attachment = try #require(reply.attachments.first)
            #expect(attachment.filename == "dsr-export-\(sent.reference).json")

            // Compare the attachment with the database, table by table.
            let raw = try #require(try await harness.database.query(
                "SELECT raw FROM dsr.outbox WHERE request_id = $1 AND template = 'access_completed'",
                [.int(sent.id)]).first?.bytes("raw"))
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
            // Staff names and the recording's internal reference stay out of the copy.
            for (table, hidden) in [("crm.conversation_notes", ["author"]), ("crm.recorded_calls", ["agent", "storage_ref"])] {
                let category = try #require(categories.first { $0["table"] as? String == table })
                let rows = try #require(category["rows"] as? [[String: Any]])
                #expect(!rows.isEmpty && rows.allSatisfy { row in hidden.allSatisfy { row[$0] == nil } }, "\(table)")
                #expect(rows.first?["noted_at"] != nil || rows.first?["started_at"] != nil)
            }
            let disclosures = try #require(document["disclosures"] as? [[String: Any]])
            #expect(disclosures.map { $0["partner"] as? String } == ["Fjellsikt Hotell AS"])
            #expect(reply.text.contains("Fjellsikt Hotell AS"))
            try await harness.removeCustomer(customer)
        }

        @Test func anUnknownAddressGetsNoDataHeld() async throws {
            let harness = try FulfilHarness()
            let sent = try await harness.ask("Copy of my data", "Hello, please send me a copy of all personal data you hold about me.",
                                             from: LocalStack.uniqueAddress("stranger", domain: "example.net"))
            #expect(try await harness.row(sent)["state"] == "completed")
            #expect(try await harness.mail(of: sent.id).map(\.template) == ["receipt", "no_data"])
        }

        @Test func anUnknownAddressObjectingAndAskingForErasureIsSuppressedAndAnsweredOnce() async throws {
            let harness = try FulfilHarness()
            let stranger = LocalStack.uniqueAddress("stranger", domain: "example.net")
            let sent = try await harness.ask(
                "Personvern", "Hello, please delete all personal data you hold about me, and stop sending me marketing and newsletters.",
                from: stranger)
            #expect(try await harness.row(sent)["state"] == "completed")
            #expect(try await harness.mail(of: sent.id).map(\.template) == ["receipt", "object_completed", "no_data"])
            let check = try await dsrd(["suppression", "check", stranger])
            #expect(check.output == "listed\t\(stranger)\tmarketing_objection\n")
        }

        @Test func anUnauthenticatedObjectionWaitsForTheCodeThenFlipsTheFlagAndTellsThePartner() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let sent = try await harness.ask(Asking.object.0, Asking.object.1, from: customer.address)
            // No trusted results vouch for the sender: nothing changes before the code comes back.
            #expect(try await harness.row(sent)["state"] == "awaiting_confirmation")
            let sharing = "SELECT share_with_partners FROM crm.customers WHERE id = $1::bigint"
            #expect(try await harness.intake.rows(sharing, [.text(customer.id)]).first?["share_with_partners"] == "t")
            try await harness.confirm(sent, from: customer.address)
            #expect(try await harness.row(sent)["state"] == "completed")
            #expect(try await harness.intake.rows(sharing, [.text(customer.id)]).first?["share_with_partners"] == "f")
            let mail = try await harness.mail(of: sent.id)
            #expect(mail.map(\.template) == ["receipt", "confirmation_needed", "object_completed", "partner_notice"])
            #expect(mail.last?.recipients == "{personvern.fjellsikt@example.no}")
            // The partner received names and organisation: the notice names the person by those, not by the address.
            let notice = try #require(mail.last?.message.text)
            #expect(!notice.contains(customer.address))
            #expect(notice.contains("fornavn: Testa") && notice.contains("etternavn: Slettesen")
                && notice.contains("virksomhet: Eksempel AS"))
            try await harness.removeCustomer(customer)
        }

        @Test func erasureRunsOnlyAfterTheConfirmationAndTheTokenIsSingleUse() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let sent = try await harness.ask(Asking.erase.0, Asking.erase.1, from: customer.address)
            #expect(try await harness.row(sent)["state"] == "awaiting_confirmation")
            #expect(try await harness.customerRows(customer) == 1)
            let stored = try await harness.intake.rows("SELECT token_hash FROM dsr.confirmations WHERE request_id = $1",
                                                       [.int(sent.id)])
            let token = try await harness.token(of: sent.id)
            #expect(stored.count == 1 && stored.first?["token_hash"] != token)

            // The customer confirms by quoting the code.
            try await harness.confirm(sent, from: customer.address, token: token)
            #expect(try await harness.row(sent)["state"] == "completed")
            #expect(try await harness.customerRows(customer) == 0)
            #expect(try await harness.count("SELECT count(*) FROM crm.customers WHERE lower(email) = lower($1)",
                                            [.text(customer.address)]) == 0)
            // Only the stripped accounting rows stay, until their hold ends.
            let held = try await harness.intake.rows(
                "SELECT customer_id, buyer_name, card_last4 FROM crm.orders WHERE id = ANY($1::bigint[])",
                [.textArray([customer.yearEndOrder, customer.currentOrder])])
            #expect(held.count == 2 && held.allSatisfy { $0["customer_id"] == nil && $0["card_last4"] == nil })
            let mail = try await harness.mail(of: sent.id)
            #expect(mail.map(\.template) == ["receipt", "confirmation_needed", "erase_completed", "partner_notice"])
            #expect(mail[2].message.text.contains("2032"))
            let actions = try await harness.audit(of: sent.id).compactMap { $0["action"] }
            #expect(actions.contains("confirmation_requested") && actions.contains("confirmed") && actions.contains("erased"))

            // The address is on the suppression list, for later imports and signups.
            let check = try await dsrd(["suppression", "check", customer.address.uppercased(), "nobody.else@example.net"])
            #expect(check.status == 0, "\(check.errors)")
            #expect(check.output == "listed\t\(customer.address.uppercased())\terased\nclear\tnobody.else@example.net\n")

            // The same code again changes nothing: the request is closed.
            try await harness.confirm(sent, from: customer.address, token: token)
            #expect(try await harness.audit(of: sent.id).filter { $0["action"] == "erased" }.count == 1)
            #expect(try await harness.count(
                "SELECT count(*) FROM dsr.confirmations WHERE request_id = $1 AND answer = 'confirm'", [.int(sent.id)]) == 1)
        }

        @Test func aConfirmationFromAnotherAddressDoesNothingAndTheRequestExpires() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let sent = try await harness.ask(Asking.erase.0, Asking.erase.1, from: customer.address)
            let token = try await harness.token(of: sent.id)
            try await harness.confirm(sent, from: LocalStack.uniqueAddress("intruder", domain: "example.net"), token: token)
            #expect(try await harness.row(sent)["state"] == "awaiting_confirmation")

            // Day 4: a reminder with a fresh code; day 8: closed, nothing erased.
            harness.clock.set(Date().addingTimeInterval(4 * 86_400))
            _ = try await harness.fulfil().runOnce()
            #expect(try await harness.mail(of: sent.id).map(\.template).last == "confirmation_reminder")
            #expect(try await harness.token(of: sent.id) != token)
            harness.clock.set(Date().addingTimeInterval(8 * 86_400))
            _ = try await harness.fulfil().runOnce()
            #expect(try await harness.row(sent)["state"] == "rejected")
            #expect(try await harness.mail(of: sent.id).map(\.template).last == "confirmation_expired")
            #expect(try await harness.customerRows(customer) == 1)

            // The expired code confirms nothing.
            try await harness.confirm(sent, from: customer.address, token: token)
            #expect(try await harness.audit(of: sent.id).allSatisfy { $0["action"] != "erased" })
            #expect(try await harness.customerRows(customer) == 1)
            try await harness.removeCustomer(customer)
        }

        @Test func aConfirmationThatFailsDMARCConfirmsNothing() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let sent = try await harness.ask(Asking.erase.0, Asking.erase.1, from: customer.address)
            try await harness.confirm(sent, from: customer.address, mxResult: .dmarcFail)
            #expect(try await harness.row(sent)["state"] == "awaiting_confirmation")
            let refused = try await harness.audit(of: sent.id).first { $0["action"] == "confirmation_refused" }
            #expect(refused?["reason"] == "sender authentication failed")
            #expect(try await harness.customerRows(customer) == 1)
            try await harness.removeCustomer(customer)
        }

        @Test func aForgedRequestWithFailedDMARCNeitherChangesNorDiscloses() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let sent = try await harness.ask(Asking.access.0, Asking.access.1, from: customer.address, mxResult: .dmarcFail)
            let request = try await harness.row(sent)
            #expect(request["state"] == "needs_review")
            #expect(request["state_reason"] == "sender authentication failed: dmarc=fail")
            // Nothing goes to a From that is probably forged: no receipt, no answer; the operators are told.
            #expect(try await harness.mail(of: sent.id).isEmpty)
            #expect(try await harness.intake.operatorNotes(requestID: sent.id).count == 1)
            try await harness.removeCustomer(customer)
        }

        @Test func anOperatorsApprovalCarriesOutARequestHeldForVerification() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let sent = try await harness.ask(Asking.access.0, Asking.access.1, from: customer.address, mxResult: .dmarcFail)
            #expect(try await harness.row(sent)["state"] == "needs_review")
            // Verified by other means, the operator approves; the next round carries it out.
            let decisions = OperatorDecisions(client: harness.database, writer: harness.settings.writer)
            _ = try await decisions.approve(reference: sent.reference, kinds: nil, decider: OperatorIdentity(login: "ops.test"))
            try await harness.fulfilAll()
            #expect(try await harness.row(sent)["state"] == "completed")
            let mail = try await harness.mail(of: sent.id)
            #expect(mail.map(\.template) == ["access_completed"])
            #expect(mail.last?.recipients == "{\(customer.address)}")
            try await harness.removeCustomer(customer)
        }

        @Test func resultsTheSenderAddedBelowTheTrustedOnesAreIgnored() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            // The MX passes the sender; the sender's own failing header and
            // Received line further down are not read.
            let sent = try await harness.ask(Asking.access.0, Asking.access.1, from: customer.address, headers: [
                "Received: from sender.example.org by mx.janteloppet.test; Wed, 25 Nov 2026 10:00:00 +0100",
                "Authentication-Results: mx.janteloppet.test; dmarc=fail header.from=example.org",
            ], mxResult: .dmarcPass)
            #expect(try await harness.verdict(messageID: sent.messageID) == .pass(.dmarc))
            #expect(try await harness.row(sent)["state"] == "completed")
            #expect(try await harness.mail(of: sent.id).map(\.template) == ["receipt", "access_completed"])
            try await harness.removeCustomer(customer)
        }

        @Test func aRectifiedPhoneNumberChangesExactlyThatField() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let columns = "first_name, last_name, organization, title, nationality"
            let before = try #require(try await harness.intake.rows(
                "SELECT \(columns) FROM crm.customers WHERE id = $1::bigint", [.text(customer.id)]).first)
            let sent = try await harness.ask(Asking.phone.0, Asking.phone.1, from: customer.address)
            #expect(try await harness.row(sent)["state"] == "awaiting_confirmation")
            try await harness.confirm(sent, from: customer.address)
            #expect(try await harness.row(sent)["state"] == "completed")
            let after = try #require(try await harness.intake.rows(
                "SELECT phone, \(columns) FROM crm.customers WHERE id = $1::bigint", [.text(customer.id)]).first)
            #expect(after["phone"] == "+4748213579")
            for column in columns.components(separatedBy: ", ") {
                #expect(after[column] == before[column], "\(column)")
            }
            let rectified = try #require(try await harness.audit(of: sent.id).first { $0["action"] == "rectified" })
            #expect(rectified["details"]?.contains("+4791234567") == true && rectified["details"]?.contains("+4748213579") == true)
            // The partner received names and organisation, not the phone number: no notice.
            #expect(try await harness.mail(of: sent.id).map(\.template) == ["receipt", "confirmation_needed", "rectify_completed"])
            try await harness.removeCustomer(customer)
        }

        @Test func aCorrectionWithoutValuesAsksForThemWithoutAConfirmation() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let sent = try await harness.ask("Feil", "Hei, opplysningene dere har om meg er feil. Kan dere rette dem?",
                                             from: customer.address)
            let request = try await harness.row(sent)
            #expect(request["state"] == "needs_review")
            #expect(request["state_reason"] == "waiting for more information from the person")
            let mail = try await harness.mail(of: sent.id)
            #expect(mail.map(\.template) == ["receipt", "more_information"])
            #expect(mail.last?.message.text.contains("telefonnummer") == true)
            try await harness.removeCustomer(customer)
        }

        @Test func aClaimedRegisteredAddressMustConfirmAndGetsTheCopy() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let writer = LocalStack.uniqueAddress("private", domain: "example.net")
            let sent = try await harness.ask(
                "Copy of my data",
                "Hello, my registered address is \(customer.address). Please send me a copy of all personal data you hold about me.",
                from: writer)
            let request = try await harness.row(sent)
            #expect(request["state"] == "awaiting_confirmation" && request["subject_address"] == customer.address)
            #expect(try await harness.mail(of: sent.id).map(\.recipients) == ["{\(writer)}", "{\(customer.address)}"])
            try await harness.confirm(sent, from: customer.address, answer: "Yes, that was me.")
            let mail = try await harness.mail(of: sent.id)
            #expect(mail.last?.template == "access_completed" && mail.last?.recipients == "{\(customer.address)}")
            try await harness.removeCustomer(customer)
        }

        @Test func withdrawnConsentErasesTheDietaryDataAlone() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let sent = try await harness.ask(Asking.consent.0, Asking.consent.1, from: customer.address)
            try await harness.confirm(sent, from: customer.address)
            #expect(try await harness.row(sent)["state"] == "completed")
            for (table, left) in [("dietary_needs", 0), ("feedback", 1)] {
                #expect(try await harness.count("SELECT count(*) FROM crm.\(table) WHERE customer_id = $1::bigint",
                                                [.text(customer.id)]) == left, "\(table)")
            }
            #expect(try await harness.customerRows(customer) == 1)
            let reply = try #require(try await harness.mail(of: sent.id).last)
            // The category erased is the map's own, listed once (no hard-coded "kostbehovene dine").
            #expect(reply.template == "erase_completed" && reply.message.text.contains("- Kostbehov (helseopplysninger)")
                    && reply.message.text.contains("Bare opplysningene du hadde gitt oss med samtykke"))
            try await harness.removeCustomer(customer)
        }

        @Test func anApprovedConsentWithdrawalStillErasesTheDietaryDataAlone() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            // Held for a person (the server's DMARC verdict fails); the
            // operator checks by phone and approves with the request's own kinds.
            let sent = try await harness.ask(
                Asking.consent.0, Asking.consent.1, from: customer.address,
                headers: ["Authentication-Results: mx.janteloppet.test; dmarc=fail header.from=example.org"])
            #expect(try await harness.row(sent)["state"] != "completed")
            #expect(try await harness.customerRows(customer) == 1)
            let approve = try await dsrd(["requests", "approve", sent.reference], environment: ["SUDO_USER": "kari"])
            #expect(approve.status == 0, "\(approve.errors)")
            try await harness.fulfilAll()
            #expect(try await harness.row(sent)["state"] == "completed")
            // The approval vouched for who asked, not for a wider erasure:
            // the customer and everything else stay, the dietary data goes.
            #expect(try await harness.customerRows(customer) == 1)
            for (table, left) in [("dietary_needs", 0), ("feedback", 1), ("event_registrations", 1)] {
                #expect(try await harness.count("SELECT count(*) FROM crm.\(table) WHERE customer_id = $1::bigint",
                                                [.text(customer.id)]) == left, "\(table)")
            }
            #expect(try await harness.audit(of: sent.id).contains { $0["action"] == "consent_data_erased" })
            let reply = try #require(try await harness.mail(of: sent.id).last)
            // The category erased is the map's own, listed once (no hard-coded "kostbehovene dine").
            #expect(reply.template == "erase_completed" && reply.message.text.contains("- Kostbehov (helseopplysninger)")
                    && reply.message.text.contains("Bare opplysningene du hadde gitt oss med samtykke"))
            try await harness.removeCustomer(customer)
        }

        @Test func aCopyTooLargeForMailGoesToAPersonAndThePersonIsTold() async throws {
            var harness = try FulfilHarness()
            harness.settings.maximumAttachmentBytes = 2048
            let customer = try await harness.customer()
            let sent = try await harness.ask(Asking.access.0, Asking.access.1, from: customer.address)
            let request = try await harness.row(sent)
            #expect(request["state"] == "needs_review")
            #expect(request["state_reason"]?.contains("larger than the mail limit") == true)
            #expect(try await harness.mail(of: sent.id).map(\.template) == ["receipt", "access_too_large"])
            try await harness.removeCustomer(customer)
        }

        @Test func tenThousandCorrespondenceRowsAreAnswered() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            try await harness.database.query("""
                INSERT INTO crm.correspondence (customer_id, channel, direction, sent_at, body)
                SELECT $1::bigint, 'email', 'inbound', now() - n * interval '1 minute', 'Melding nummer ' || n
                FROM generate_series(1, 10000) AS n
                """, [.text(customer.id)])
            let sent = try await harness.ask(Asking.access.0, Asking.access.1, from: customer.address)
            #expect(try await harness.row(sent)["state"] == "completed")
            let event = try #require(try await harness.audit(of: sent.id).first { $0["action"] == "access_sent" })
            let details = try #require(try JSONSerialization.jsonObject(with: Data((event["details"] ?? "").utf8)) as? [String: Any])
            #expect((details["rows"] as? Int ?? 0) > 10_000)
            try await harness.removeCustomer(customer)
        }

        @Test func aMapThatDoesNotFitTheDatabaseSendsTheRequestToAPerson() async throws {
            var harness = try FulfilHarness()
            let index = try #require(harness.settings.map.tables.firstIndex { $0.table == "crm.correspondence" })
            harness.settings.map.tables[index].columns = ["id", "no_such_column"]
            let customer = try await harness.customer()
            let sent = try await harness.ask(Asking.access.0, Asking.access.1, from: customer.address)
            let request = try await harness.row(sent)
            #expect(request["state"] == "needs_review")
            #expect(request["state_reason"]?.hasPrefix("could not be carried out: ") == true)
            #expect(request["state_reason"]?.contains("42703") == true)
            #expect(try await harness.mail(of: sent.id).map(\.template) == ["receipt"])
            try await harness.removeCustomer(customer)
        }

        @Test func theReviewReasonNamesTheMapEntryThatCannotBeCarriedOut() async throws {
            var harness = try FulfilHarness()
            let index = try #require(harness.settings.map.tables.firstIndex { $0.isSubjectTable })
            harness.settings.map.tables[index].objection?.sharing?.column = "Share With Partners"
            let customer = try await harness.customer()
            let flags = try await harness.flags(of: customer)
            let sent = try await harness.ask(Asking.object.0, Asking.object.1, from: customer.address, mxResult: .dmarcPass)
            let request = try await harness.row(sent)
            let reason = "could not be carried out: data map tables[\(index)].objection: "
                + "\"Share With Partners\" is not a lower-case SQL identifier with 1 part(s)"
            #expect(request["state"] == "needs_review")
            #expect(request["state_reason"] == reason)
            #expect(try await harness.audit(of: sent.id).first { $0["action"] == "review" }?["reason"] == reason)
            #expect(try await harness.flags(of: customer) == flags)
            try await harness.removeCustomer(customer)
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

import CustomerData
import Daemon
import Foundation
import MailCore
import Requests
import Store
import Testing

/// Corrections that would reach partners in the company's name (GDPR
/// Art. 19), on the live stack: a value carrying a link is refused before
/// anything changes, an honest correction goes through, and a notice tells
/// a partner no more than it received.
extension LiveStackTests {
    @Suite struct PartnerNoticeIntegrationTests {
        private func organisation(_ customer: FulfilmentFixture.Customer, _ harness: FulfilHarness) async throws -> String? {
            try await harness.intake.rows("SELECT organization FROM crm.customers WHERE id = $1::bigint",
                                          [.text(customer.id)]).first?["organization"]
        }

        private func correct(_ customer: FulfilmentFixture.Customer, organisation: String,
                             _ harness: FulfilHarness) async throws -> FulfilHarness.Sent {
            let sent = try await harness.ask(
                "Correction", "Hello, please update my employer to \(organisation)\n\nBest regards\nTesta",
                from: customer.address)
            #expect(try await harness.row(sent)["state"] == "awaiting_confirmation")
            try await harness.confirm(sent, from: customer.address, answer: "Yes, that was me.")
            return sent
        }

        @Test func aCorrectionCarryingALinkChangesNothingAndTellsNoPartner() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            // (An aside in parentheses ends a value, so "Nordlys AS (see https://…)" carries no link to begin with.)
            for value in ["Nordlys AS verify at nordlys-partner.example", "Nordlys AS https://nordlys-partner.example/verify"] {
                let sent = try await correct(customer, organisation: value, harness)
                // The link reached the extracted value: only validation stands in its way.
                let fields = try await harness.intake.rows("SELECT fields::text AS fields FROM dsr.requests WHERE id = $1",
                                                           [.int(sent.id)]).first?["fields"]
                #expect(fields?.contains("nordlys-partner.example") == true)
                let request = try await harness.row(sent)
                #expect(request["state"] == "needs_review")
                #expect(request["state_reason"] == "waiting for more information from the person")
                #expect(try await organisation(customer, harness) == "Eksempel AS")
                let mail = try await harness.mail(of: sent.id)
                #expect(mail.map(\.template) == ["receipt", "confirmation_needed", "more_information"])
                #expect(mail.last?.message.text.contains("organisation") == true)
                #expect(try await harness.audit(of: sent.id).allSatisfy { $0["action"] != "rectified" })
            }
            try await harness.removeCustomer(customer)
        }

        @Test func anHonestCorrectionGoesThroughAndThePartnerIsToldWithoutTheAddress() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            let sent = try await correct(customer, organisation: "Nordlys AS.", harness)
            #expect(try await harness.row(sent)["state"] == "completed")
            #expect(try await organisation(customer, harness) == "Nordlys AS")
            let mail = try await harness.mail(of: sent.id)
            #expect(mail.map(\.template) == ["receipt", "confirmation_needed", "rectify_completed", "partner_notice"])
            // The partner received names and organisation: it finds the person by them, as it has them.
            let notice = try #require(mail.last)
            #expect(notice.recipients == "{personvern.fjellsikt@example.no}")
            #expect(!notice.message.text.contains(customer.address) && !notice.message.text.contains("@example.org"))
            // Fjellsikt's privacy address is under .no: the notice is in bokmål, the data named by the map's labels.
            #expect(notice.message.text.contains("fornavn: Testa") && notice.message.text.contains("virksomhet: Eksempel AS"))
            #expect(notice.message.text.contains("- virksomhet: Nordlys AS"))
            #expect(notice.message.text.contains("Etter artikkel 19 gir vi dere beskjed om rettingen"))
            #expect(!notice.message.text.contains("organization") && !notice.message.text.contains("first_name"))
            try await harness.removeCustomer(customer)
        }

        @Test func onlyAPartnerThatReceivedTheAddressIsToldIt() async throws {
            let harness = try FulfilHarness()
            let customer = try await harness.customer()
            try await harness.database.query("""
                INSERT INTO crm.disclosures (customer_id, partner_id, disclosed_at, fields_disclosed)
                SELECT $1::bigint, id, '2026-04-01T12:00:00Z', ARRAY['first_name', 'email'] FROM crm.partners
                WHERE name = 'Nordlys Catering AS'
                """, [.text(customer.id)])
            // The MX vouches for the sender: the objection is carried out at once.
            let sent = try await harness.ask(Asking.object.0, Asking.object.1, from: customer.address, mxResult: .dmarcPass)
            #expect(try await harness.row(sent)["state"] == "completed")
            let notices = try await harness.mail(of: sent.id).filter { $0.template == "partner_notice" }
            #expect(notices.map(\.recipients) == ["{personvern.fjellsikt@example.no}", "{privacy.nordlys@example.com}"])
            let onlyNames = try #require(notices.first?.message.text)
            let withAddress = try #require(notices.last?.message.text)
            #expect(!onlyNames.contains(customer.address) && onlyNames.contains("etternavn: Slettesen"))
            #expect(withAddress.contains(customer.address))
            // Each in the partner's language (.no: bokmål, .com: English), the data by the map's labels, and
            // the objection is no Art. 19 notice: only "do not use the list we sent on …".
            #expect(onlyNames.contains("Dette delte vi med dere:\n- ") && onlyNames.contains(": fornavn, etternavn, virksomhet"))
            #expect(onlyNames.contains("Vi ber dere om ikke å bruke opplysningene om denne personen fra\nlisten vi sendte dere "))
            #expect(withAddress.contains("This is what we shared with you:\n- on 1 April 2026: first name, e-mail address"))
            #expect(withAddress.contains("Please do not use the list we sent you\non 1 April 2026 for this person."))
            for text in [onlyNames, withAddress] {
                for word in ["artikkel 19", "Article 19", "protest", "object", "first_name", "fields_disclosed"] {
                    #expect(!text.contains(word), "\(word)")
                }
            }
            #expect(notices.map { $0.message.headers.first { $0.name.lowercased() == "content-language" }?.value } == ["nb", "en"])
            try await harness.removeCustomer(customer)
        }

        /// A partner's language from the partner table, where the map names
        /// the column: it wins over the address's domain.
        @Test func aStoredPartnerLanguageWinsOverTheDomain() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            var map = try repositoryDataMap()
            let index = try #require(map.tables.firstIndex { $0.disclosures != nil })
            map.tables[index].disclosures?.partnerLanguageColumn = "language"
            let withColumn = map
            let languages = try await client.transaction { connection -> [String: ReplyLanguage] in
                try connection.execute("SAVEPOINT language_column")
                try connection.execute("ALTER TABLE crm.partners ADD COLUMN language text")
                try connection.execute("UPDATE crm.partners SET language = 'en' WHERE name = 'Fjellsikt Hotell AS'")
                let notices = try PartnerNotices(map: withColumn).collect(subjectKey: "1", connection: connection)
                try connection.execute("ROLLBACK TO SAVEPOINT language_column")
                return Dictionary(uniqueKeysWithValues: notices.map { ($0.partnerName, $0.language) })
            }
            // Kari's one disclosure went to Fjellsikt (personvern.fjellsikt@example.no): English, as stored.
            #expect(languages == ["Fjellsikt Hotell AS": .en])
            let repository = try repositoryDataMap()
            let plain = try await client.transaction { connection in
                try PartnerNotices(map: repository).collect(subjectKey: "1", connection: connection)
            }
            #expect(plain.map(\.language) == [.nb])
            await client.close()
        }
    }
}

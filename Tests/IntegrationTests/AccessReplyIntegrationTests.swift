import Daemon
import Foundation
import MailCore
import Requests
import Store
import Testing

/// The access reply as Kari, the stack's sample customer, receives it: every
/// text the data map gives for each category in her copy, every processor,
/// the transfers statement, and the readable copy beside the JSON.
extension LiveStackTests {
    @Suite struct AccessReplyIntegrationTests {
        static let kari = "kari.nordmann@example.no"

        @Test(arguments: [
            (ReplyLanguage.nb, "Innsyn", "Hei, jeg ber om innsyn i alle personopplysninger dere har om meg."),
            (.en, "Copy of my data", "Hello, please send me a copy of all personal data you hold about me."),
        ])
        func karisReplyCarriesTheMapsTextsForEveryCategoryInHerCopy(language: ReplyLanguage, subject: String,
                                                                    body: String) async throws {
            let harness = try FulfilHarness()
            let map = harness.settings.map
            let sent = try await harness.ask(subject, body, from: Self.kari)
            #expect(try await harness.row(sent)["state"] == "completed")
            let mail = try await harness.mail(of: sent.id)
            #expect(mail.map(\.template) == ["receipt", "access_completed"])
            let reply = try #require(mail.last?.message)
            #expect(reply.headers.first { $0.name.lowercased() == "content-language" }?.value == language.rawValue)
            let text = reply.text
            #expect(text.contains(language == .nb ? "innsyn i og en kopi av personopplysningene" : "access to, and a copy of"))

            let raw = try #require(try await harness.database.query(
                "SELECT raw FROM dsr.outbox WHERE request_id = $1 AND template = 'access_completed'", [.int(sent.id)])
                .first?.bytes("raw"))
            #expect(reply.attachments.compactMap(\.filename)
                    == ["dsr-export-\(sent.reference).json", "dsr-export-\(sent.reference).html"])
            let json = try #require(AttachmentBytes.first(named: "dsr-export-\(sent.reference).json", in: raw))
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json)) as? [String: Any])
            let tables = try #require(document["categories"] as? [[String: Any]]).compactMap { $0["table"] as? String }
            #expect(tables.count >= 12, "Kari has rows in most tables")

            // Each category in her copy: its name and every text the map gives it.
            for table in tables {
                let mapped = try #require(map.table(named: table))
                var texts = [mapped.category, mapped.purpose, mapped.legalBasis, mapped.retention]
                texts += [mapped.source, mapped.recipients].compactMap { $0 }
                for expected in texts.map({ $0.text(language) }) {
                    #expect(text.contains(expected), "\(table): \(expected)")
                }
            }
            // A category she has no rows in is not described.
            let absent = map.tables.filter { !tables.contains($0.table) }
            for mapped in absent { #expect(!text.contains(mapped.category.text(language)), "\(mapped.table)") }

            // Every processor, its country and service; the statement on the EEA.
            #expect(map.processors.count >= 2)
            for processor in map.processors {
                #expect(text.contains("- \(processor.name) (\(processor.countryText(language))): \(processor.service.text(language))"),
                        "\(processor.name)")
                if let safeguard = processor.safeguard { #expect(text.contains(safeguard.text(language))) }
            }
            #expect(text.contains(try #require(map.transfers).text(language)))
            // Her dietary needs are Art. 9 data, with their basis.
            #expect(text.contains(language == .nb ? "særlige kategorier av personopplysninger (artikkel 9)"
                                                  : "special categories of personal data (Article 9)"))
            #expect(text.contains(language == .nb ? "art. 9 nr. 2 bokstav a" : "Art. 9(2)(a)"))
            #expect(text.contains(language == .nb ? "(artikkel 7 nr. 3)" : "(Article 7(3))"))
            #expect(text.contains("Fjellsikt Hotell AS"))

            // The readable copy: her categories as headings, labels, no column names.
            let html = String(decoding: try #require(AttachmentBytes.first(named: "dsr-export-\(sent.reference).html", in: raw)),
                              as: UTF8.self)
            #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
            for table in tables {
                let mapped = try #require(map.table(named: table))
                #expect(html.contains("<h2>\(mapped.category.text(language))</h2>"), "\(table)")
            }
            let customers = try #require(map.subjectTable)
            #expect(html.contains("<th scope=\"col\">\(try #require(customers.labels["first_name"]).text(language))</th>"))
            #expect(html.contains("Kari") && html.contains("Nordmann"))
            for column in ["first_name", "share_with_partners", "fields_disclosed", "consent_given_at"] {
                #expect(!html.contains(column), "\(column)")
            }
        }

        /// A table added to the map (a new schema, with a row for a test
        /// customer) is in the reply and the readable copy with its own
        /// texts and labels: the templates are not touched.
        @Test func aTableAddedToTheMapAppearsInTheReply() async throws {
            var harness = try FulfilHarness()
            let schema = "access_extra_\(UInt32.random(in: 0..<UInt32.max))"
            _ = try await harness.database.query("CREATE SCHEMA \(schema)")
            _ = try await harness.database.query("""
                CREATE TABLE \(schema).badges (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    customer_id bigint NOT NULL REFERENCES crm.customers (id) ON DELETE CASCADE, badge text NOT NULL)
                """)
            let customer = try await harness.customer()
            _ = try await harness.database.query("INSERT INTO \(schema).badges (customer_id, badge) VALUES ($1::bigint, 'Speaker 2026')",
                                               [.text(customer.id)])
            let text = { (en: String, nb: String) in LocalizedText(en: en, nb: nb) }
            harness.settings.map.tables.append(MappedTable(
                table: "\(schema).badges", key: ["id"], path: [PathStep(column: "customer_id", references: "crm.customers.id")],
                category: text("Conference badges", "Konferansemerker"),
                labels: ["id": text("Entry number", "Løpenummer"), "customer_id": text("Customer number", "Kundenummer"),
                         "badge": text("Badge text", "Tekst på merket")],
                purpose: text("To print the badge you wear at our events.", "For å skrive ut merket du bærer på arrangementene."),
                legalBasis: text("Our agreement with you (badges).", "Avtalen med deg (merker)."),
                retention: text("Until the badge has been printed.", "Til merket er skrevet ut."),
                source: text("From the badge printer's queue.", "Fra køen til merkeskriveren."),
                recipients: text("The badge printer at the venue.", "Merkeskriveren på stedet."),
                erasure: .delete))
            #expect(harness.settings.map.problems() == [])

            let sent = try await harness.ask(Asking.access.0, Asking.access.1, from: customer.address)
            let mail = try await harness.mail(of: sent.id)
            #expect(mail.map(\.template) == ["receipt", "access_completed"])
            let body = try #require(mail.last?.message.text)
            for expected in ["Konferansemerker: 1 oppføring", "«Konferansemerker»", "For å skrive ut merket du bærer på arrangementene.",
                             "Avtalen med deg (merker).", "Til merket er skrevet ut.", "Fra køen til merkeskriveren.",
                             "Merkeskriveren på stedet."] {
                #expect(body.contains(expected), "\(expected)")
            }
            let raw = try #require(try await harness.database.query(
                "SELECT raw FROM dsr.outbox WHERE request_id = $1 AND template = 'access_completed'", [.int(sent.id)])
                .first?.bytes("raw"))
            let html = String(decoding: try #require(AttachmentBytes.first(named: "dsr-export-\(sent.reference).html", in: raw)),
                              as: UTF8.self)
            #expect(html.contains("<h2>Konferansemerker</h2>"))
            #expect(html.contains("<th scope=\"col\">Tekst på merket</th>") && html.contains("<td>Speaker 2026</td>"))

            try await harness.removeCustomer(customer)
            _ = try await harness.database.query("DROP SCHEMA \(schema) CASCADE")
        }
    }
}

import CustomerData
import Daemon
import Foundation
import MailCore
import Records
import Requests
import Store
import Testing

/// Erasure reaching dsrd's own tables, end to end on the live stack: a
/// customer asks for a copy, corrects a phone number and then asks to be
/// erased, confirming by code; once the last mail of the erasure is
/// accepted, nothing in schema `dsr` holds their address, phone numbers or
/// surname — as text, or inside stored mail bytes.
extension LiveStackTests {
    @Suite struct ErasedPersonIntegrationTests {
        @Test func afterAnAnsweredErasureSchemaDsrHoldsNothingOfThePerson() async throws {
            let harness = try FulfilHarness()
            let delivery = PostgresOutboxDelivery(client: harness.database, addressHashKey: harness.settings.suppressionKey)
            let digits = (0..<7).map { _ in String(Int.random(in: 0...9)) }.joined()
            let newDigits = (0..<7).map { _ in String(Int.random(in: 0...9)) }.joined()
            let phone = "+479" + digits
            let newPhone = "9" + newDigits
            let surname = "Vik" + String((0..<8).map { _ in "abcdefghijklmnopqrstuvwxyz".randomElement() ?? "a" })
            let customer = try await harness.database.transaction {
                try FulfilmentFixture.createCustomer($0, phone: phone, lastName: surname)
            }
            let address = customer.address
            let scan = try await PersonScan(harness.database)

            // 1. A copy of the data (no confirmation: it only goes to the registered address).
            let access = try await harness.ask(Asking.access.0, Asking.access.1, from: address)
            #expect(try await harness.row(access).string("state") == "completed")
            let copyBytes = try #require(try await harness.intake.rows("""
                SELECT (details ->> 'bytes')::int AS bytes FROM dsr.audit_events WHERE request_id = $1 AND action = 'access_sent'
                """, [.int(access.id)]).first?.int("bytes"))
            try await Self.deliver(access.id, harness: harness, through: delivery)
            // Accepted: no stored outgoing mail is as large as the copy; the
            // copy's mail keeps its size and hash only.
            let stored = try await harness.intake.rows("""
                SELECT template, octet_length(raw) AS stored, size_bytes, raw_sha256 FROM dsr.outbox WHERE request_id = $1
                """, [.int(access.id)])
            #expect(!stored.isEmpty)
            for row in stored {
                #expect(try row.int("stored") < copyBytes, "\(row["template"] ?? "?")")
            }
            let copyMail = try #require(stored.first { $0["template"] == "access_completed" })
            #expect(try copyMail.int("stored") == 0 && copyMail.int("size_bytes") > copyBytes && copyMail["raw_sha256"] != nil)
            #expect(try await scan.largestStoredOutgoingMail() < copyBytes)

            // 2. A corrected phone number, confirmed by code: old and new values in the audit trail.
            let rectify = try await harness.ask("Telefon", "Hei, mitt nye telefonnummer er \(newPhone.prefix(3)) "
                                                + "\(newPhone.dropFirst(3).prefix(2)) \(newPhone.suffix(3)). Kan dere oppdatere det?",
                                                from: address)
            try await harness.confirm(rectify, from: address)
            #expect(try await harness.row(rectify).string("state") == "completed")
            let rectified = try await harness.audit(of: rectify.id).first { $0["action"] == "rectified" }?["details"]
            #expect(rectified?.contains(digits) == true && rectified?.contains(newDigits) == true)
            try await Self.deliver(rectify.id, harness: harness, through: delivery)

            // 3. The erasure, confirmed by code, then its mail accepted.
            let erase = try await harness.ask(Asking.erase.0, Asking.erase.1, from: address)
            // Some clients build the Message-ID from the sender's address.
            try await harness.confirm(erase, from: address, messageID: "confirm-" + address)
            #expect(try await harness.row(erase).string("state") == "completed")
            #expect(try await harness.customerRows(customer) == 0)
            // Before its last mail is accepted, nothing of dsr is touched yet.
            #expect(try await scan.hits(address).isEmpty == false)
            try await Self.deliver(erase.id, harness: harness, through: delivery)

            // Nothing of the person is left in dsr: not as text, not in mail bytes.
            // (Eight-digit forms: shorter random digits could turn up by chance in the hashes.)
            for needle in [address, address.uppercased(), phone, String(phone.dropFirst(3)), newPhone, "+47" + newPhone,
                           surname, surname.lowercased()] {
                let hits = try await scan.hits(needle)
                #expect(hits.isEmpty, "\(needle.count) characters found in \(hits)")
            }
            #expect(try await scan.mailMentioning([address, String(phone.dropFirst(3)), newPhone, surname]).isEmpty)

            // What stays: references, kinds, states, the audit actions, and the keyed hash.
            let hash = AddressHash.hex(address: address, key: harness.settings.suppressionKey)
            for sent in [access, rectify, erase] {
                let row = try #require(try await harness.intake.rows("""
                    SELECT reference, state, subject_address, requester_address, scrubbed_at IS NOT NULL AS scrubbed
                    FROM dsr.requests WHERE id = $1
                    """, [.int(sent.id)]).first)
                #expect(row["reference"] == sent.reference && row["state"] == "completed")
                #expect(row["subject_address"] == hash && row["requester_address"] == hash)
                #expect(try row.bool("scrubbed"))
            }
            let actions = try await harness.audit(of: erase.id).compactMap { $0["action"] }
            #expect(actions.contains("erased") && actions.contains("completed") && actions.contains("reply_sent"))
            #expect(actions.last == "own_records_erased")
            let suppressed = try await harness.database.transaction { try SuppressionList($0).reasons(addressHash: hash) }
            #expect(suppressed.contains(.erased))
            let rectifiedAfter = try await harness.audit(of: rectify.id).first { $0["action"] == "rectified" }?["details"]
            #expect(rectifiedAfter?.contains(#""field": "phone""#) == true)
        }

        /// Marks every mail of the request still waiting as accepted by the
        /// mail server, oldest first, as the delivery stage does after SMTP.
        static func deliver(_ requestID: Int, harness: FulfilHarness, through delivery: PostgresOutboxDelivery) async throws {
            let rows = try await harness.intake.rows("""
                SELECT id, message_id, template, envelope_from, array_to_json(recipients)::text AS recipients, raw
                FROM dsr.outbox WHERE request_id = $1 AND state = 'pending' ORDER BY id
                """, [.int(requestID)])
            for row in rows {
                let recipients = try JSONDecoder().decode([String].self, from: Data(try row.string("recipients").utf8))
                let mail = ComposedMail(raw: try row.bytes("raw"), envelopeFrom: try row.string("envelope_from"),
                                        recipients: recipients, messageID: try row.string("message_id"),
                                        template: try row.string("template"))
                try await delivery.markSent(OutboxMessage(id: try row.int("id"), requestID: requestID, mail: mail,
                                                          attempts: 0), at: harness.clock.now())
            }
        }
    }
}

/// Searches schema `dsr` for a person: every column of every table, as
/// text (the whole row) and, for byte columns, as bytes; and the mail
/// recorded or queued since the scan began, decoded (headers and text, so
/// quoted-printable and base64 parts are read as a person would).
struct PersonScan {
    let client: PostgresClient
    let firstInbound: Int
    let firstOutbox: Int

    init(_ client: PostgresClient) async throws {
        self.client = client
        firstInbound = try await client.query("SELECT coalesce(max(id), 0) + 1 AS n FROM dsr.inbound").first?.int("n") ?? 0
        firstOutbox = try await client.query("SELECT coalesce(max(id), 0) + 1 AS n FROM dsr.outbox").first?.int("n") ?? 0
    }

    /// `table` or `table.column` for each place `needle` is found: in a
    /// row's text columns (bytes left out: as hex they would match digits
    /// by chance), and in its byte columns as bytes.
    func hits(_ needle: String) async throws -> [String] {
        var found: [String] = []
        let tables = try await client.query("""
            SELECT table_name FROM information_schema.tables WHERE table_schema = 'dsr' ORDER BY table_name
            """).rows.map { try $0.string("table_name") }
        #expect(tables.contains("audit_events") && tables.contains("inbound") && tables.count >= 12)
        for table in tables {
            let byteColumns = try await client.query("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = 'dsr' AND table_name = $1 AND data_type = 'bytea'
                """, [.text(table)]).rows.map { try $0.string("column_name") }
            let asText = try await client.query("""
                SELECT count(*) AS n FROM dsr.\(table) t WHERE strpos((to_jsonb(t) - $2::text[])::text, $1) > 0
                """, [.text(needle), .textArray(byteColumns)])
            if try asText.first?.int("n") ?? 0 > 0 { found.append(table) }
            for column in byteColumns {
                let asBytes = try await client.query("""
                    SELECT count(*) AS n FROM dsr.\(table) WHERE position(convert_to($1, 'UTF8') IN \(column)) > 0
                    """, [.text(needle)])
                if try asBytes.first?.int("n") ?? 0 > 0 { found.append("\(table).\(column)") }
            }
        }
        return found
    }

    /// Ids of mail recorded or queued since the scan began whose decoded
    /// headers or text mention one of `needles`.
    func mailMentioning(_ needles: [String]) async throws -> [String] {
        var found: [String] = []
        for (table, first) in [("inbound", firstInbound), ("outbox", firstOutbox)] {
            let rows = try await client.query("""
                SELECT id, raw FROM dsr.\(table) WHERE id >= $1 AND octet_length(raw) > 0
                """, [.int(first)]).rows
            for row in rows {
                let message = MessageReader.read(try row.bytes("raw"))
                let text = ([message.subject, message.text] + message.from.map(\.address)
                            + message.attachments.compactMap(\.filename)).joined(separator: "\n")
                if needles.contains(where: { text.localizedCaseInsensitiveContains($0) }) {
                    found.append("\(table) \(try row.int("id"))")
                }
            }
        }
        return found
    }

    /// The bytes of the largest outgoing mail stored since the scan began.
    func largestStoredOutgoingMail() async throws -> Int {
        try await client.query("""
            SELECT coalesce(max(octet_length(raw)), 0) AS n FROM dsr.outbox WHERE id >= $1
            """, [.int(firstOutbox)]).first?.int("n") ?? 0
    }
}

import CustomerData
import Daemon
import Foundation
import Records
import Requests
import Store
import Testing

/// A fictional customer with data in most tables, created inside the test's
/// transaction, and helpers for these tests.
enum FulfilmentFixture {
    struct Customer: Sendable {
        let id: String
        let address: String
        let name: String
        /// Ordered 2019-05-02: past its hold on 2026-11-25.
        let oldOrder: String
        /// Ordered 2021-12-31 23:30 UTC (2022 in Oslo): held until 2028-01-01.
        let yearEndOrder: String
        /// Ordered 2026-03-01: held until 2032-01-01.
        let currentOrder: String
    }

    struct RolledBack: Error {}

    static let hashKey = Array("fulfilment-test-key".utf8)

    /// The tables whose rows point at the customer through `customer_id`.
    static let customerTables = [
        "dietary_needs", "orders", "event_registrations", "disclosures", "feedback", "conversation_notes",
        "campaign_members", "interests", "survey_answers", "privacy_requests", "digital_sessions", "devices",
        "recorded_calls", "correspondence",
    ]

    /// The repository's data map.
    static func map() throws -> DataMap {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try DataMap.load(from: root.appendingPathComponent("deploy/datamap.json").path)
    }

    /// Runs `body` in a transaction that is always rolled back, with migration
    /// 3 applied inside it when the shared database does not have it yet.
    static func rollingBack(_ client: PostgresClient, _ body: @escaping @Sendable (PostgresConnection) throws -> Void) async throws {
        do {
            try await client.transaction { connection in
                if try connection.execute("SELECT to_regclass('dsr.holds') IS NULL AS missing").first?.bool("missing") ?? true,
                   let migration = DSRSchema.migrations.first(where: { $0.version == 3 }) {
                    for statement in migration.sql { try connection.execute(statement) }
                }
                try body(connection)
                throw RolledBack()
            }
        } catch is RolledBack {}
    }

    static func count(_ connection: PostgresConnection, _ sql: String, _ parameter: String) throws -> Int {
        try count(connection, sql, .text(parameter))
    }

    static func count(_ connection: PostgresConnection, _ sql: String, _ parameter: SQLValue) throws -> Int {
        try connection.execute(sql, [parameter]).first?.int("count") ?? -1
    }

    static func createCustomer(_ connection: PostgresConnection, phone: String = "+4791234567",
                               lastName: String = "Slettesen") throws -> Customer {
        let address = LocalStack.uniqueAddress("erase.me", domain: "example.org")
        let unique = String(address.prefix { $0 != "@" }.filter(\.isNumber).suffix(12))
        let id = try connection.execute("""
            INSERT INTO crm.customers (email, first_name, last_name, phone, organization, title, nationality, language)
            VALUES ($1, 'Testa', $3, $2, 'Eksempel AS', 'Rådgiver', 'NO', 'nb') RETURNING id::text AS id
            """, [.text(address), .text(phone), .text(lastName)]).first?.string("id") ?? ""
        func order(_ suffix: String, _ at: String) throws -> String {
            let orderID = try connection.execute("""
                INSERT INTO crm.orders (customer_id, order_number, ordered_at, buyer_name, billing_address, billing_postcode,
                    billing_city, payment_method, card_last4, invoice_ref, amount_nok, vat_nok, status)
                VALUES ($1, $2, $3::timestamptz, $4, 'Testveien 1', '0150', 'Oslo', 'card', '4242',
                        'INV-TEST', 1250, 250, 'paid') RETURNING id::text AS id
                """, [.text(id), .text("JL-T\(unique)-\(suffix)"), .text(at), .text("Testa " + lastName)]).first?.string("id") ?? ""
            try connection.execute("""
                INSERT INTO crm.order_lines (order_id, description, quantity, unit_price) VALUES ($1, 'Billett', 1, 1000)
                """, [.text(orderID)])
            return orderID
        }
        let oldOrder = try order("A", "2019-05-02T10:00:00Z")
        let yearEndOrder = try order("B", "2021-12-31T23:30:00Z")
        let currentOrder = try order("C", "2026-03-01T09:00:00Z")
        let statements = [
            "INSERT INTO crm.dietary_needs (customer_id, needs, consent_given_at) VALUES ($1, 'glutenfri', now())",
            "INSERT INTO crm.event_registrations (customer_id, event_id, registered_at) SELECT $1, min(id), now() FROM crm.events",
            """
            INSERT INTO crm.disclosures (customer_id, partner_id, disclosed_at, fields_disclosed)
            SELECT $1, id, '2026-03-01T12:00:00Z', ARRAY['first_name', 'last_name', 'organization'] FROM crm.partners
            WHERE name = 'Fjellsikt Hotell AS'
            """,
            "INSERT INTO crm.feedback (customer_id, given_at, rating, comment) VALUES ($1, now(), 5, 'Fin dag')",
            "INSERT INTO crm.conversation_notes (customer_id, kind, noted_at, author, body) VALUES ($1, 'note', now(), 'test', 'Ringte')",
            """
            INSERT INTO crm.campaign_members (campaign_id, customer_id, opted_in, channel, changed_at)
            SELECT min(id), $1, true, 'email', now() FROM crm.campaigns
            """,
            "INSERT INTO crm.interests (customer_id, topic, recorded_at) VALUES ($1, 'konferanser', now())",
            "INSERT INTO crm.survey_answers (customer_id, survey, question, answer, answered_at) VALUES ($1, 'Etter', 'Q', 'A', now())",
            "INSERT INTO crm.privacy_requests (customer_id, kind, requested_at) VALUES ($1, 'access', now())",
            "INSERT INTO crm.digital_sessions (customer_id, service, ip, started_at) VALUES ($1, 'app', '192.0.2.10', now())",
            """
            INSERT INTO crm.devices (customer_id, platform, device_identifier, first_seen_at, last_seen_at)
            VALUES ($1, 'ios', 'test-device-' || gen_random_uuid(), now(), now())
            """,
            """
            INSERT INTO crm.recorded_calls (customer_id, started_at, duration_s, storage_ref, agent)
            VALUES ($1, now(), 60, 'test-call-' || gen_random_uuid(), 'test')
            """,
            "INSERT INTO crm.correspondence (customer_id, channel, direction, sent_at, body) VALUES ($1, 'email', 'inbound', now(), 'Hei')",
            "INSERT INTO crm.correspondence (customer_id, channel, direction, sent_at, body) VALUES ($1, 'chat', 'outbound', now(), 'Hei')",
        ]
        for statement in statements {
            try connection.execute(statement.replacingOccurrences(of: "$1", with: "$1::bigint"), [.text(id)])
        }
        return Customer(id: id, address: address, name: "Testa " + lastName, oldOrder: oldOrder,
                        yearEndOrder: yearEndOrder, currentOrder: currentOrder)
    }
}

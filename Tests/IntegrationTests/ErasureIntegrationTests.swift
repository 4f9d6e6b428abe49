import CustomerData
import Daemon
import Foundation
import Records
import Requests
import Store
import Testing

/// Erasure on the live stack, on customers each test creates inside a
/// transaction it rolls back: the shared database keeps none of it, not
/// even migration 3, which the transaction applies for itself.
extension LiveStackTests {
    @Suite struct ErasureIntegrationTests {
        @Test func erasureLeavesOnlyTheStrippedAccountingRows() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let map = try FulfilmentFixture.map()
            let today = try #require(Day(iso: "2026-11-25"))
            try await FulfilmentFixture.rollingBack(client) { connection in
                let customer = try FulfilmentFixture.createCustomer(connection)
                let hash = AddressHash.hex(address: customer.address, key: FulfilmentFixture.hashKey)
                // The address in other letter case still finds the customer.
                let outcome = try ErasureExecutor(map: map).erase(
                    address: customer.address.uppercased(), addressHash: hash, today: today, in: connection)
                guard case .erased(let report, let partners) = outcome else {
                    Issue.record("expected an erasure, got \(outcome)")
                    return
                }
                // Nothing of the customer is left but the held accounting rows.
                #expect(try FulfilmentFixture.count(connection, "SELECT count(*) FROM crm.customers WHERE id = $1", customer.id) == 0)
                for table in FulfilmentFixture.customerTables {
                    #expect(try FulfilmentFixture.count(
                        connection, "SELECT count(*) FROM crm.\(table) WHERE customer_id = $1", customer.id) == 0, "\(table)")
                }
                // The 2019 order was past its hold: deleted with its line.
                #expect(try FulfilmentFixture.count(connection, "SELECT count(*) FROM crm.orders WHERE id = $1", customer.oldOrder) == 0)
                #expect(try FulfilmentFixture.count(
                    connection, "SELECT count(*) FROM crm.order_lines WHERE order_id = $1", customer.oldOrder) == 0)
                // The held orders keep what the accounting law needs and nothing that leads to the person.
                let held = try connection.execute("""
                    SELECT id, customer_id, card_last4, invoice_ref, buyer_name, billing_address, amount_nok::text AS amount,
                           ordered_at FROM crm.orders WHERE id = ANY($1::bigint[]) ORDER BY id
                    """, [.textArray([customer.yearEndOrder, customer.currentOrder])])
                #expect(held.rows.count == 2)
                for row in held.rows {
                    #expect(row["customer_id"] == nil && row["card_last4"] == nil && row["invoice_ref"] == nil)
                    #expect(row["buyer_name"] == customer.name && row["billing_address"] == "Testveien 1")
                    #expect(row["amount"] == "1250.00" && row["ordered_at"] != nil)
                }
                #expect(try FulfilmentFixture.count(connection, """
                    SELECT count(*) FROM crm.order_lines WHERE order_id = ANY($1::bigint[])
                    """, .textArray([customer.yearEndOrder, customer.currentOrder])) == 2)
                // One hold per held row, with the Oslo-calendar year: 31 Dec 2021 23:30 UTC is 2022.
                let holds = try connection.execute("""
                    SELECT table_name, row_key ->> 'id' AS id, erasable_on::text AS until, subject_ref, purged_at
                    FROM dsr.holds WHERE subject_ref = $1 ORDER BY table_name, erasable_on
                    """, [.text(hash)])
                let summary = holds.rows.map { "\($0["table_name"] ?? "?") \($0["until"] ?? "?")" }
                #expect(summary == ["crm.order_lines 2028-01-01", "crm.order_lines 2032-01-01",
                                    "crm.orders 2028-01-01", "crm.orders 2032-01-01"])
                #expect(holds.rows.filter { $0["table_name"] == "crm.orders" }.compactMap { $0["id"] }
                    == [customer.yearEndOrder, customer.currentOrder])
                #expect(holds.rows.allSatisfy { $0["subject_ref"] == hash && $0["purged_at"] == nil })
                #expect(!hash.contains("@") && hash.count == 64)
                // The report, the partner to tell, and the suppression list.
                let orders = try #require(map.table(named: "crm.orders"))
                #expect(report.kept.map(\.until.description) == ["2028-01-01", "2028-01-01", "2032-01-01", "2032-01-01"])
                #expect(report.kept.first?.category == orders.category)
                #expect(report.erased.contains(try #require(map.table(named: "crm.dietary_needs")).category))
                #expect(report.erased.contains(try #require(map.subjectTable).category))
                #expect(!report.erased.contains(orders.category))
                #expect(report.rowsErased["crm.orders"] == 1 && report.rowsHeld["crm.orders"] == 2)
                #expect(partners.map(\.partnerName) == ["Fjellsikt Hotell AS"])
                #expect(partners.first?.privacyAddress == "personvern.fjellsikt@example.no")
                #expect(partners.first?.disclosures.map(\.day.description) == ["2026-03-01"])
                #expect(partners.first?.disclosures.first?.fields == ["first_name", "last_name", "organization"])
                #expect(try SuppressionList(connection).reasons(addressHash: hash) == [.erased])
                // Erasing again finds nobody.
                #expect(try ErasureExecutor(map: map).erase(
                    address: customer.address, addressHash: hash, today: today, in: connection) == .noData)
            }
        }

        @Test func unknownAddressIsNoData() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let map = try FulfilmentFixture.map()
            let address = LocalStack.uniqueAddress("nobody", domain: "example.net")
            let hash = AddressHash.hex(address: address, key: FulfilmentFixture.hashKey)
            try await FulfilmentFixture.rollingBack(client) { connection in
                let outcome = try ErasureExecutor(map: map).erase(
                    address: address, addressHash: hash, today: Day(Date()), in: connection)
                #expect(outcome == .noData)
                #expect(try !SuppressionList(connection).contains(addressHash: hash))
            }
        }

        @Test func consentWithdrawalErasesOnlyConsentData() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let map = try FulfilmentFixture.map()
            try await FulfilmentFixture.rollingBack(client) { connection in
                let customer = try FulfilmentFixture.createCustomer(connection)
                let report = try #require(try ErasureExecutor(map: map).eraseConsentData(
                    address: customer.address, in: connection))
                #expect(report.erased == [try #require(map.table(named: "crm.dietary_needs")).category])
                #expect(try FulfilmentFixture.count(
                    connection, "SELECT count(*) FROM crm.dietary_needs WHERE customer_id = $1", customer.id) == 0)
                #expect(try FulfilmentFixture.count(connection, "SELECT count(*) FROM crm.customers WHERE id = $1", customer.id) == 1)
                #expect(try FulfilmentFixture.count(
                    connection, "SELECT count(*) FROM crm.correspondence WHERE customer_id = $1", customer.id) == 2)
                #expect(try FulfilmentFixture.count(
                    connection, "SELECT count(*) FROM crm.orders WHERE customer_id = $1", customer.id) == 3)
            }
        }

        @Test func aMapNamingAnUnsafeIdentifierIsRefusedBeforeAnyChange() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            var unsafe = try FulfilmentFixture.map()
            let index = try #require(unsafe.tables.firstIndex { $0.table == "crm.correspondence" })
            unsafe.tables[index].table = "crm.correspondence; DROP TABLE crm.customers"
            let map = unsafe
            try await FulfilmentFixture.rollingBack(client) { connection in
                let customer = try FulfilmentFixture.createCustomer(connection)
                #expect(throws: FulfilmentError.self) {
                    try ErasureExecutor(map: map).erase(
                        address: customer.address, addressHash: String(repeating: "a", count: 64),
                        today: Day(Date()), in: connection)
                }
                #expect(try FulfilmentFixture.count(connection, "SELECT count(*) FROM crm.customers WHERE id = $1", customer.id) == 1)
                #expect(try FulfilmentFixture.count(
                    connection, "SELECT count(*) FROM crm.order_lines WHERE order_id = $1", customer.currentOrder) == 1)
                #expect(try FulfilmentFixture.count(
                    connection, "SELECT count(*) FROM crm.dietary_needs WHERE customer_id = $1", customer.id) == 1)
            }
        }
    }
}

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

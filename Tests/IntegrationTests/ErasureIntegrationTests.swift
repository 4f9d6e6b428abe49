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

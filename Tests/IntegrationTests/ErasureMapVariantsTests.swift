import CustomerData
import Daemon
import Foundation
import Requests
import Store
import Testing

/// Erasure under maps other than the reference one (`nullify` actions), and
/// an address that matches several subject rows.
extension LiveStackTests {
    @Suite struct ErasureMapVariantsTests {
        @Test func nullifyClearsAndSetsColumnsAndKeepsTheRows() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            var variant = try FulfilmentFixture.map()
            let subject = try #require(variant.tables.firstIndex { $0.isSubjectTable })
            variant.tables[subject].erasure = .nullify(columns: ["phone", "organization", "title"],
                                                       set: ["first_name": .string("Slettet"), "marketing_opt_out": .bool(true)])
            let sessions = try #require(variant.tables.firstIndex { $0.table == "crm.digital_sessions" })
            variant.tables[sessions].erasure = .nullify(columns: ["os", "language"], set: ["browser": .string("erased")])
            let map = variant
            try await FulfilmentFixture.rollingBack(client) { connection in
                let customer = try FulfilmentFixture.createCustomer(connection)
                try connection.execute("UPDATE crm.digital_sessions SET os = 'iOS', browser = 'Safari', language = 'nb' WHERE customer_id = $1",
                                       [.text(customer.id)])
                let hash = AddressHash.hex(address: customer.address, key: FulfilmentFixture.hashKey)
                let outcome = try ErasureExecutor(map: map).erase(
                    address: customer.address, addressHash: hash, today: try #require(Day(iso: "2026-11-25")), in: connection)
                guard case .erased(let report, _) = outcome else {
                    Issue.record("expected an erasure, got \(outcome)")
                    return
                }
                #expect(report.rowsErased["crm.customers"] == 1 && report.rowsErased["crm.digital_sessions"] == 1)
                let person = try connection.execute("""
                    SELECT first_name, phone, organization, title, marketing_opt_out::text AS opt_out, last_name
                    FROM crm.customers WHERE id = $1
                    """, [.text(customer.id)]).first
                #expect(person?["first_name"] == "Slettet" && person?["phone"] == nil && person?["organization"] == nil)
                #expect(person?["title"] == nil && person?["opt_out"] == "true" && person?["last_name"] == "Slettesen")
                let session = try connection.execute(
                    "SELECT os, browser, language, ip::text AS ip FROM crm.digital_sessions WHERE customer_id = $1",
                    [.text(customer.id)]).first
                #expect(session?["os"] == nil && session?["language"] == nil && session?["browser"] == "erased")
                #expect(session?["ip"] != nil)
            }
        }

        @Test func severalSubjectRowsAreLeftForReview() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let map = try FulfilmentFixture.map()
            try await FulfilmentFixture.rollingBack(client) { connection in
                // One address stored twice: with its domain as U-label and as A-label (in capitals).
                let local = String(LocalStack.uniqueAddress("twice", domain: "example.no").prefix { $0 != "@" })
                let first = try FulfilmentFixture.createCustomer(connection)
                let second = try FulfilmentFixture.createCustomer(connection)
                try connection.execute("UPDATE crm.customers SET email = $2 WHERE id = $1::bigint",
                                       [.text(first.id), .text(local + "@blåbær.no")])
                try connection.execute("UPDATE crm.customers SET email = $2 WHERE id = $1::bigint",
                                       [.text(second.id), .text(local.uppercased() + "@XN--BLBR-ROAH.NO")])
                let ids = SQLValue.textArray([first.id, second.id])
                let before = try FulfilmentFixture.count(connection, "SELECT count(*) FROM crm.customers WHERE id = ANY($1::bigint[])", ids)
                #expect(before == 2)
                do {
                    _ = try ErasureExecutor(map: map).erase(
                        address: local + "@Blåbær.no", addressHash: String(repeating: "b", count: 64), today: Day(Date()),
                        in: connection)
                    Issue.record("an ambiguous address was erased")
                } catch let error as FulfilmentError {
                    guard case .ambiguousSubject(let matches) = error else {
                        Issue.record("unexpected \(error)")
                        return
                    }
                    #expect(matches > 1)
                }
                #expect(throws: FulfilmentError.self) {
                    try RectificationExecutor(map: map).apply(
                        fields: [.title: "Sjef"], language: .nb, address: local + "@xn--blbr-roah.no", in: connection)
                }
                #expect(try FulfilmentFixture.count(connection, "SELECT count(*) FROM crm.customers WHERE id = ANY($1::bigint[])", ids)
                    == before)
            }
        }
    }
}

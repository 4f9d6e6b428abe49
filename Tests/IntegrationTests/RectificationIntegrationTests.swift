import CustomerData
import Daemon
import Foundation
import Requests
import Store
import Testing

/// Rectification on the live stack, on customers created in rolled-back transactions.
extension LiveStackTests {
    @Suite struct RectificationIntegrationTests {
        private static let columns = "first_name, last_name, email, phone, organization, title, nationality"

        private static func row(_ connection: PostgresConnection, _ id: String) throws -> [String?] {
            try connection.execute("SELECT \(columns) FROM crm.customers WHERE id = $1", [.text(id)]).first?.values ?? []
        }

        @Test func exactlyTheNamedFieldsChangeAndEmailWaits() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let map = try FulfilmentFixture.map()
            try await FulfilmentFixture.rollingBack(client) { connection in
                let customer = try FulfilmentFixture.createCustomer(connection)
                let before = try Self.row(connection, customer.id)
                let newAddress = LocalStack.uniqueAddress("ny.adresse", domain: "example.net")
                let outcome = try RectificationExecutor(map: map).apply(
                    fields: [.phone: "400 00 000", .title: "Daglig leder", .firstName: "Testa", .email: newAddress,
                             .dietary: "vegansk", .nationality: "se"],
                    language: .nb, address: customer.address, in: connection)
                guard case .applied(let report) = outcome else {
                    Issue.record("expected changes, got \(outcome)")
                    return
                }
                #expect(report.changes == [
                    .init(field: .nationality, column: "nationality", oldValue: "NO", newValue: "SE"),
                    .init(field: .phone, column: "phone", oldValue: "+4791234567", newValue: "+4740000000"),
                    .init(field: .title, column: "title", oldValue: "Rådgiver", newValue: "Daglig leder"),
                ])
                #expect(report.unchanged.map(\.field) == [.firstName])
                #expect(report.pendingEmailChange == newAddress)
                #expect(report.unmapped == [.dietary])
                let after = try Self.row(connection, customer.id)
                // first_name, last_name, email, organization as before; phone, title, nationality changed.
                #expect(after == [before[0], before[1], before[2], "+4740000000", before[4], "Daglig leder", "SE"])
                #expect(after[2] == customer.address)
            }
        }

        @Test func invalidValuesComeBackAsProblemsAndChangeNothing() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let map = try FulfilmentFixture.map()
            try await FulfilmentFixture.rollingBack(client) { connection in
                let customer = try FulfilmentFixture.createCustomer(connection)
                let before = try Self.row(connection, customer.id)
                let executor = RectificationExecutor(map: map)
                let outcome = try executor.apply(
                    fields: [.phone: "12", .nationality: "Norsk", .lastName: " ", .title: "Sjef"],
                    language: .nb, address: customer.address, in: connection)
                #expect(outcome == .needsMoreInformation(
                    problems: [.empty(.lastName), .unknownCountryCode, .impossiblePhone], rectifiable: executor.rectifiableFields))
                #expect(executor.rectifiableFields.contains("phone") && executor.rectifiableFields.contains("email"))
                #expect(try Self.row(connection, customer.id) == before)
            }
        }

        @Test func unknownAddressIsNoData() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let map = try FulfilmentFixture.map()
            try await FulfilmentFixture.rollingBack(client) { connection in
                let outcome = try RectificationExecutor(map: map).apply(
                    fields: [.title: "Sjef"], language: .nb,
                    address: LocalStack.uniqueAddress("nobody", domain: "example.org"), in: connection)
                #expect(outcome == .noData)
            }
        }
    }
}

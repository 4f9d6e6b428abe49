import CustomerData
import Daemon
import Foundation
import Records
import Requests
import Store
import Testing

/// Objections on the live stack, on customers created in rolled-back transactions.
extension LiveStackTests {
    @Suite struct ObjectionIntegrationTests {
        @Test func objectionFlipsTheFlagsAndSuppressesMarketing() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let map = try FulfilmentFixture.map()
            let today = try #require(Day(iso: "2026-11-25"))
            try await FulfilmentFixture.rollingBack(client) { connection in
                let customer = try FulfilmentFixture.createCustomer(connection)
                let hash = AddressHash.hex(address: customer.address, key: FulfilmentFixture.hashKey)
                func flags() throws -> String {
                    let row = try connection.execute(
                        "SELECT share_with_partners::text AS s, marketing_opt_out::text AS m FROM crm.customers WHERE id = $1",
                        [.text(customer.id)]).first
                    return "\(row?["s"] ?? "?")/\(row?["m"] ?? "?")"
                }
                #expect(try flags() == "true/false")
                let executor = ObjectionExecutor(map: map)

                let sharing = try executor.apply(
                    scope: ObjectionScope.from(text: "Please stop passing my details to your partners."),
                    address: customer.address, addressHash: hash, today: today, in: connection)
                #expect(sharing.changes == [.init(purpose: .sharing, state: .changed)] && !sharing.suppressed)
                #expect(try flags() == "false/false")
                #expect(try !SuppressionList(connection).contains(addressHash: hash))

                let both = try executor.apply(
                    scope: .both, address: customer.address, addressHash: hash, today: today, in: connection)
                #expect(both.changes == [.init(purpose: .sharing, state: .alreadyInEffect),
                                         .init(purpose: .marketing, state: .changed)])
                #expect(try flags() == "false/true")
                #expect(try SuppressionList(connection).reasons(addressHash: hash) == [.marketingObjection])
                #expect(both.templateValues(.en)["changes"] == .list([
                    ["what": "sharing your name and organisation with our event partners", "from_date": "25 November 2026"],
                    ["what": "sending you marketing and newsletters", "from_date": "25 November 2026"],
                ]))

                // Erasure later adds its reason to the same entry.
                _ = try ErasureExecutor(map: map).erase(
                    address: customer.address, addressHash: hash, today: today, in: connection)
                #expect(try SuppressionList(connection).reasons(addressHash: hash) == [.marketingObjection, .erased])
            }
        }

        @Test func marketingObjectionFromAnUnknownAddressIsStillKept() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let map = try FulfilmentFixture.map()
            let address = LocalStack.uniqueAddress("no.customer", domain: "example.net")
            let hash = AddressHash.hex(address: address, key: FulfilmentFixture.hashKey)
            let today = try #require(Day(iso: "2026-11-25"))
            try await FulfilmentFixture.rollingBack(client) { connection in
                let report = try ObjectionExecutor(map: map).apply(
                    scope: .marketing, address: address, addressHash: hash, today: today, in: connection)
                #expect(report.subjectRows == 0 && report.suppressed)
                #expect(report.changes == [.init(purpose: .marketing, state: .notRecorded)])
                #expect(try SuppressionList(connection).contains(addressHash: hash))
                // The reply still confirms the marketing stop (the suppression list holds it).
                #expect(report.templateValues(.nb)["changes"] == .list([
                    ["what": "utsending av markedsføring og nyhetsbrev til deg", "from_date": "25. november 2026"],
                ]))
            }
        }
    }
}

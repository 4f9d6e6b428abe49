import CustomerData
import Daemon
import DaemonTesting
import Foundation
import Requests
import Store
import Testing

/// The purge of ended holds, with the clock moved years ahead.
extension LiveStackTests {
    @Suite struct PurgeIntegrationTests {
        @Test func heldRowsGoWhenTheirHoldEndsAndOnlyThen() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let map = try FulfilmentFixture.map()
            let clock = ManualWallClock(Date())
            try await FulfilmentFixture.rollingBack(client) { connection in
                // Holds left open by others in the shared database are closed
                // here (rolled back with the rest), so only this customer's count.
                try connection.execute("UPDATE dsr.holds SET purged_at = now() WHERE purged_at IS NULL")
                let customer = try FulfilmentFixture.createCustomer(connection)
                let hash = AddressHash.hex(address: customer.address, key: FulfilmentFixture.hashKey)
                _ = try ErasureExecutor(map: map).erase(
                    address: customer.address, addressHash: hash, today: Day(clock.now()), in: connection)
                let orders = [customer.yearEndOrder, customer.currentOrder]
                func remaining() throws -> [String] {
                    try connection.execute("SELECT id::text AS id FROM crm.orders WHERE id = ANY($1::bigint[]) ORDER BY id",
                                           [.textArray(orders)]).rows.compactMap { $0["id"] }
                }
                func lines() throws -> Int {
                    try FulfilmentFixture.count(connection, "SELECT count(*) FROM crm.order_lines WHERE order_id = ANY($1::bigint[])",
                                                .textArray(orders))
                }
                func purge(at iso: String) throws -> HeldRowPurge.Report {
                    clock.set(try #require(ISO8601DateFormatter().date(from: iso)))
                    return try HeldRowPurge.purge(map: map, today: Day(clock.now()), in: connection)
                }

                // The last day of the hold: nothing goes.
                #expect(try purge(at: "2027-12-31T12:00:00Z") == HeldRowPurge.Report())
                #expect(try remaining() == orders && lines() == 2)

                // 1 January 2028 (Oslo): the order of 31 Dec 2021 23:30 UTC and its line go, lines first.
                let first = try purge(at: "2027-12-31T23:30:00Z")
                #expect(first.deleted == ["crm.orders": 1, "crm.order_lines": 1] && first.holdsClosed == 2)
                #expect(try remaining() == [customer.currentOrder] && lines() == 1)
                // Again the same day: nothing left to do.
                #expect(try purge(at: "2028-01-01T10:00:00Z") == HeldRowPurge.Report())

                let last = try purge(at: "2032-06-01T10:00:00Z")
                #expect(last.deleted == ["crm.orders": 1, "crm.order_lines": 1] && last.holdsClosed == 2)
                #expect(try remaining().isEmpty && lines() == 0)
                #expect(try FulfilmentFixture.count(connection, """
                    SELECT count(*) FROM dsr.holds WHERE subject_ref = $1 AND purged_at IS NULL
                    """, hash) == 0)
                #expect(try FulfilmentFixture.count(connection, "SELECT count(*) FROM dsr.holds WHERE subject_ref = $1", hash) == 4)
            }
        }
    }
}

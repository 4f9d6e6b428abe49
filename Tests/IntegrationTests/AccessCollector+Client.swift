import CustomerData
import Store

extension AccessCollector {
    /// Collects in a transaction of its own (read-only, repeatable read: one
    /// snapshot, so the copy is consistent), for tests on committed data
    /// (the fulfil stage collects inside its per-request transaction).
    func collect(address: String, client: PostgresClient) async throws -> AccessOutcome {
        try await client.transaction(readOnly: true) { connection in
            try connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            return try collect(address: address, on: connection)
        }
    }
}

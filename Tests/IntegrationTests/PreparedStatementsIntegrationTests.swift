import Foundation
@testable import Store
import Testing

/// Statements with parameters are prepared once per connection and then
/// only bound and executed; the server's own view of the connection
/// (`pg_prepared_statements`) shows it.
extension LiveStackTests {
    @Suite struct PreparedStatementsIntegrationTests {
        static let statement = "SELECT $1::int + 1 AS next"

        /// How often this connection's server executed `sql` as a prepared statement (nil: not prepared).
        static func executions(of sql: String, on connection: PostgresConnection) throws -> Int? {
            try connection.execute("""
                SELECT generic_plans + custom_plans AS n FROM pg_prepared_statements WHERE statement = $1
                """, [.text(sql)]).first?.int("n")
        }

        @Test func aStatementIsPreparedOnceAndExecutedManyTimes() async throws {
            let client = PostgresClient(configuration: try LocalStack().postgres)
            let counted = try await client.withConnection { connection in
                for value in 1...3 {
                    #expect(try connection.execute(Self.statement, [.int(value)]).first?.int("next") == value + 1)
                }
                return try Self.executions(of: Self.statement, on: connection)
            }
            #expect(counted == 3)
            // A statement without parameters (BEGIN, COMMIT, DDL) is not kept.
            let kept = try await client.withConnection { connection in
                try connection.execute("SELECT 1 AS one")
                return try connection.execute("SELECT count(*) AS n FROM pg_prepared_statements WHERE statement = 'SELECT 1 AS one'")
                    .first?.int("n")
            }
            #expect(kept == 0)
        }

        @Test func aNewConnectionPreparesAgain() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let admin = PostgresClient(configuration: stack.postgres)
            let pid = try #require(try await client.query("SELECT pg_backend_pid() + $1::int AS pid", [.int(0)]).first?.int("pid"))
            try await admin.query("SELECT pg_terminate_backend($1)", [.int(pid)])
            await #expect(throws: PostgresError.self) { try await client.query(Self.statement, [.int(1)]) }
            let next = try await client.query(Self.statement, [.int(41)])
            #expect(try next.first?.int("next") == 42)
            #expect(try await client.withConnection { try Self.executions(of: Self.statement, on: $0) } == 1)
        }

        @Test func errorsKeepTheirSQLStateAndTheConnectionGoesOn() async throws {
            let client = PostgresClient(configuration: try LocalStack().postgres)
            do {
                try await client.query("SELECT $1::int FROM no_such_table_here", [.int(1)])
                Issue.record("a statement on a missing table succeeded")
            } catch let error as PostgresError {
                #expect(error.kind == .statementFailed && error.sqlState == "42P01")
            }
            // The same failing statement in a transaction rolls it back, as before.
            await #expect(throws: PostgresError.self) {
                try await client.transaction { connection in
                    try connection.execute("SELECT $1::int FROM no_such_table_here", [.int(1)])
                }
            }
            #expect(try await client.query(Self.statement, [.int(1)]).first?.int("next") == 2)
        }

        @Test func moreDistinctStatementsThanTheLimitAreDroppedAndPreparedAgain() async throws {
            let client = PostgresClient(configuration: try LocalStack().postgres)
            let limit = PostgresConnection.preparedLimit
            let held = try await client.withConnection { connection in
                for index in 0..<(limit + 5) {
                    #expect(try connection.execute("SELECT $1::int + \(index) AS n", [.int(1)]).first?.int("n") == index + 1)
                }
                return (connection.preparedCount,
                        try connection.execute("SELECT count(*) AS n FROM pg_prepared_statements WHERE $1", [.bool(true)])
                            .first?.int("n"))
            }
            // Emptied once at the limit: the five after it; the server also holds the count query itself.
            #expect(held.0 == 5 && held.1 == 6, "\(held)")
        }

        /// A plan made while a table was nearly empty does not outlive the
        /// table's growth: the statement is prepared again, and planned on
        /// the table as it is.
        @Test func aStatementIsPlannedAgainAsItsTableGrows() async throws {
            let client = PostgresClient(configuration: try LocalStack().postgres)
            let probe = "SELECT count(*) AS n FROM replan_probe WHERE k = $1"
            let plans = try await client.withConnection { connection in
                // Analysed while it held one row, as a new installation's
                // tables are; autovacuum never analyses a temporary table again.
                try connection.execute("CREATE TEMP TABLE replan_probe (id bigserial PRIMARY KEY, k int NOT NULL)")
                try connection.execute("CREATE INDEX ON replan_probe (k)")
                try connection.execute("INSERT INTO replan_probe (k) VALUES (1)")
                try connection.execute("ANALYZE replan_probe")
                func run(until executions: Int, from start: Int) throws {
                    for _ in start..<executions { _ = try connection.execute(probe, [.int(1)]) }
                }
                func plan() throws -> String {
                    let name = try #require(try connection.execute(
                        "SELECT name FROM pg_prepared_statements WHERE statement = $1", [.text(probe)]).first?["name"])
                    try #require(name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" })
                    return try connection.execute("EXPLAIN EXECUTE \(name)(1)").rows.compactMap { $0["QUERY PLAN"] }
                        .joined(separator: "\n")
                }
                try run(until: 10, from: 0)
                try connection.execute("INSERT INTO replan_probe (k) SELECT g % 5000 FROM generate_series(1, 50000) g")
                try run(until: 100, from: 10)
                let before = try plan()
                try run(until: PostgresConnection.firstReplan + 10, from: 100)
                let after = try plan()
                let copies = try connection.execute("SELECT count(*) AS n FROM pg_prepared_statements WHERE statement = $1",
                                                    [.text(probe)]).first?.int("n")
                return (before, after, copies)
            }
            // The plan made on one row reads the whole table; the new one the index.
            #expect(plans.0.contains("Seq Scan"), "\(plans.0)")
            #expect(!plans.1.contains("Seq Scan") && plans.1.contains("replan_probe_k_idx"), "\(plans.1)")
            #expect(plans.2 == 1)
        }
    }
}

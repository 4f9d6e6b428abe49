import Foundation
import Records
import Store
import Testing

extension LiveStackTests {
    @Suite struct PostgresIntegrationTests {
        /// As `dsrd migrate` runs them: as the schema's owner role, granting
        /// the daemon's role its privileges. A second run changes nothing.
        @Test func migrationsRunTwiceAndApplyOnce() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let owner = PostgresClient(configuration: try stack.ownerPostgres())
            let first = try await DSRSetup.migrate(owner, daemonRole: stack.daemonRole, caseYears: 3)
            let privileges = try await SchemaRoleFacts.read(owner)
            let second = try await DSRSetup.migrate(owner, daemonRole: stack.daemonRole, caseYears: 3)
            #expect(try await SchemaRoleFacts.read(owner) == privileges)
            let latest = DSRSchema.migrations.map(\.version).max() ?? 0
            #expect(first.current == latest)
            #expect(second.applied.isEmpty)
            #expect(second.current == latest)
            let rows = try await client.query("SELECT version, count(*) AS n FROM dsr.schema_migrations GROUP BY version")
            #expect(rows.rows.count == DSRSchema.migrations.count)
            #expect(try rows.rows.allSatisfy { try $0.int("n") == 1 })
            #expect(try await DSRSchema.migrator.currentVersion(client) == latest)
        }

        @Test func hostileParametersAreStoredAndReadBackUnchanged() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            try await client.query("CREATE TEMP TABLE hostile (id int PRIMARY KEY, t text, b bytea)")
            let texts = [
                "Robert'); DROP TABLE dsr.inbound;--",
                "$1 $2 \\x00 \\\\ '' \"\"",
                "Ærlig talt: ØØ åå — 🚀 \u{202E}reversed",
                "line\r\nBcc: someone@example.org\r\n",
                String(repeating: "x", count: 100_000),
                "",
            ]
            let allBytes = (0...255).map { UInt8($0) }
            for (index, text) in texts.enumerated() {
                try await client.query("INSERT INTO hostile (id, t, b) VALUES ($1, $2, $3)",
                                       [.int(index), .text(text), .bytes(allBytes + Array(text.utf8))])
            }
            let rows = try await client.query("SELECT id, t, b FROM hostile ORDER BY id")
            #expect(rows.rows.count == texts.count)
            for row in rows.rows {
                let index = try row.int("id")
                #expect(try row.string("t") == texts[index])
                #expect(try row.bytes("b") == allBytes + Array(texts[index].utf8))
            }
            // NULL is NULL, not the text "NULL".
            try await client.query("INSERT INTO hostile (id, t) VALUES ($1, $2)", [.int(99), .null])
            #expect(try await client.query("SELECT t FROM hostile WHERE id = 99").first?["t"] == nil)
            // PostgreSQL text cannot hold NUL: refused with a clear SQLSTATE, never truncated.
            await #expect(throws: PostgresError.self) {
                try await client.query("INSERT INTO hostile (id, t) VALUES ($1, $2)", [.int(100), .text("a\u{0}b")])
            }
        }

        @Test func errorsCarrySQLStateButNoValues() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            try await client.query("CREATE TEMP TABLE uniq (email text UNIQUE)")
            try await client.query("INSERT INTO uniq VALUES ($1)", [.text("kari.nordmann@example.no")])
            do {
                try await client.query("INSERT INTO uniq VALUES ($1)", [.text("kari.nordmann@example.no")])
                Issue.record("a duplicate was accepted")
            } catch let error as PostgresError {
                #expect(error.isUniqueViolation)
                #expect(!error.description.contains("kari"))
            }
            do {
                try await client.query("SELECT $1::integer", [.text("not-a-number-kari")])
                Issue.record("a bad integer was accepted")
            } catch let error as PostgresError {
                #expect(error.sqlState == "22P02")
                #expect(!error.description.contains("kari"))
            }
        }

        @Test func transactionRollsBackOnError() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            try await client.query("CREATE TEMP TABLE tx (n int)")
            struct Abort: Error {}
            await #expect(throws: Abort.self) {
                try await client.transaction { connection in
                    try connection.execute("INSERT INTO tx VALUES (1)")
                    throw Abort()
                }
            }
            try await client.transaction { connection in
                try connection.execute("INSERT INTO tx VALUES (2)")
            }
            let values = try await client.query("SELECT n FROM tx").rows.compactMap { $0.optionalInt("n") }
            #expect(values == [2])
        }

        @Test func lostConnectionIsRecovered() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let admin = PostgresClient(configuration: stack.postgres)
            let before = try await client.query("SELECT pg_backend_pid() AS pid").first?.int("pid")
            let pid = try #require(before)
            try await admin.query("SELECT pg_terminate_backend($1)", [.int(pid)])
            // The broken connection is noticed by the next statement, whose
            // outcome is unknown: it reports connectionLost ...
            do {
                try await client.query("SELECT 1")
                Issue.record("a statement on a terminated connection succeeded")
            } catch let error as PostgresError {
                #expect(error.kind == .connectionLost)
            }
            // ... and the one after runs on a new connection.
            let after = try await client.query("SELECT pg_backend_pid() AS pid").first?.int("pid")
            #expect(after != nil && after != pid)

            // A statement marked safe to repeat is retried at once.
            let third = try #require(after)
            try await admin.query("SELECT pg_terminate_backend($1)", [.int(third)])
            let retried = try await client.query("SELECT 42 AS answer", retryOnConnectionLoss: true)
            #expect(try retried.first?.int("answer") == 42)
        }

        @Test func badPasswordIsAConnectionFailureWithoutSecrets() async throws {
            let stack = try LocalStack()
            var configuration = stack.postgres
            configuration.password = "wrong-password-value"
            let client = PostgresClient(configuration: configuration)
            do {
                try await client.connect()
                Issue.record("connected with a wrong password")
            } catch let error as PostgresError {
                #expect(error.kind == .connectionFailed)
                #expect(!error.description.contains("wrong-password-value"))
            }
        }
    }
}

/// Applies the migrations a database has not seen yet, each once, each in its
/// own transaction, and records them in `dsr.schema_migrations`. Running it
/// again is a no-op; two daemons starting at once serialise on an advisory lock.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(migrations: [Migration] = DSRSchema.migrations) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Arbitrary constant shared by every dsrd: "dsr" migrations lock.
    static let advisoryLockKey = 0x6473_725F_6D69_67

    public struct Outcome: Sendable, Equatable {
        public var applied: [Int]
        public var current: Int
    }

    public func migrate(_ client: PostgresClient) async throws -> Outcome {
        let migrations = self.migrations
        return try await client.transaction { connection in
            try connection.execute("SELECT pg_advisory_xact_lock($1)", [.int(Self.advisoryLockKey)])
            try connection.execute("CREATE SCHEMA IF NOT EXISTS dsr")
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS dsr.schema_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            let done = Set(try connection.execute("SELECT version FROM dsr.schema_migrations").rows
                .compactMap { $0.optionalInt("version") })
            var applied: [Int] = []
            for migration in migrations where !done.contains(migration.version) {
                // A savepoint per migration: a failure names the migration
                // and leaves none of it behind.
                try connection.execute("SAVEPOINT migration")
                do {
                    for statement in migration.sql { try connection.execute(statement) }
                    try connection.execute(
                        "INSERT INTO dsr.schema_migrations (version, name) VALUES ($1, $2)",
                        [.int(migration.version), .text(migration.name)]
                    )
                    try connection.execute("RELEASE SAVEPOINT migration")
                } catch var error as PostgresError {
                    error.context = "applying migration \(migration.version)"
                    throw error
                }
                applied.append(migration.version)
            }
            return Outcome(applied: applied, current: max(done.max() ?? 0, applied.max() ?? 0))
        }
    }

    /// The highest applied version, or 0 when the schema has none.
    public func currentVersion(_ client: PostgresClient) async throws -> Int {
        let exists = try await client.query("SELECT to_regclass('dsr.schema_migrations') IS NOT NULL AS present",
                                            retryOnConnectionLoss: true)
        guard let row = exists.first, try row.bool("present") else { return 0 }
        let result = try await client.query("SELECT coalesce(max(version), 0) AS version FROM dsr.schema_migrations",
                                            retryOnConnectionLoss: true)
        return result.first?.optionalInt("version") ?? 0
    }
}

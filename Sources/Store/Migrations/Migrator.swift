/// Applies the migrations of one schema that a database has not seen yet,
/// each once, each in its own transaction, and records them in the
/// schema's `schema_migrations` table. Running it again is a no-op; two
/// daemons starting at once serialise on an advisory lock.
public struct Migrator: Sendable {
    /// The schema the migrations build, a plain lower-case name (`dsr`)
    /// given by code, never by configuration.
    public let schema: String
    public let migrations: [Migration]

    public init(schema: String, migrations: [Migration]) {
        self.schema = schema
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
        let schema = try checkedSchema()
        return try await client.transaction { connection in
            try connection.execute("SELECT pg_advisory_xact_lock($1)", [.int(Self.advisoryLockKey)])
            try connection.execute("CREATE SCHEMA IF NOT EXISTS \(schema)")
            try connection.execute("""
                CREATE TABLE IF NOT EXISTS \(schema).schema_migrations (
                    version integer PRIMARY KEY,
                    name text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """)
            let done = Set(try connection.execute("SELECT version FROM \(schema).schema_migrations").rows
                .compactMap { $0.optionalInt("version") })
            var applied: [Int] = []
            for migration in migrations where !done.contains(migration.version) {
                // A savepoint per migration: a failure names the migration
                // and leaves none of it behind.
                try connection.execute("SAVEPOINT migration")
                do {
                    for statement in migration.sql { try connection.execute(statement) }
                    try connection.execute(
                        "INSERT INTO \(schema).schema_migrations (version, name) VALUES ($1, $2)",
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
        let schema = try checkedSchema()
        let exists = try await client.query("SELECT to_regclass('\(schema).schema_migrations') IS NOT NULL AS present",
                                            retryOnConnectionLoss: true)
        guard let row = exists.first, try row.bool("present") else { return 0 }
        let result = try await client.query("SELECT coalesce(max(version), 0) AS version FROM \(schema).schema_migrations",
                                            retryOnConnectionLoss: true)
        return result.first?.optionalInt("version") ?? 0
    }

    /// The schema's name, refused unless it is one plain lower-case
    /// identifier: it is written into the statements, not bound.
    private func checkedSchema() throws -> String {
        let bytes = Array(schema.utf8)
        let plain = !bytes.isEmpty && bytes.count <= 63 && !(48...57).contains(bytes[0])
            && bytes.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == UInt8(ascii: "_") }
        guard plain else {
            throw PostgresError(kind: .unexpectedResult, context: "migrations: the schema is not a plain lower-case name")
        }
        return schema
    }
}

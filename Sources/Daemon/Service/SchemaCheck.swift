import LogSafety
import Records
import Store

/// Whether the database's `dsr` schema is the one this dsrd was built for,
/// asked once before the daemon starts: on an older schema every stage
/// would fail at its first statement, round after round, so `dsrd run`
/// refuses to start and says to run `dsrd migrate` instead.
public enum SchemaCheck {
    public enum Verdict: Sendable, Equatable {
        /// Every migration this dsrd knows is applied.
        case current(version: Int)
        /// Migrations are missing: `dsrd migrate` applies them.
        case older(version: Int, needed: Int)
        /// A newer dsrd migrated the database; this one may not know every
        /// row it finds (a downgrade). It runs, and says so.
        case newer(version: Int, known: Int)
        /// The database could not be asked; the pipeline's own retries
        /// take over (PostgreSQL may start after dsrd).
        case unknown(reason: String)
    }

    /// The latest migration this dsrd carries.
    public static var needed: Int { DSRSchema.migrator.migrations.last?.version ?? 0 }

    public static func check(_ client: PostgresClient) async -> Verdict {
        do {
            return verdict(version: try await DSRSchema.migrator.currentVersion(client), needed: needed)
        } catch {
            return .unknown(reason: LogSafe.describe(error))
        }
    }

    static func verdict(version: Int, needed: Int) -> Verdict {
        if version < needed { return .older(version: version, needed: needed) }
        if version > needed { return .newer(version: version, known: needed) }
        return .current(version: version)
    }
}

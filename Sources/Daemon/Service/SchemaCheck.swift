import LogSafety
import Records
import Requests
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

    /// What `dsrd check-config` says of a schema `dsrd run` would refuse
    /// (nil: it would start). A warning, not a problem: a new install
    /// checks its configuration before the first `dsrd migrate`. The
    /// Debian package's postinst does not restart the service when it
    /// sees "run dsrd migrate" here (deploy/debian/postinst).
    public static func startWarning(_ verdict: Verdict) -> Problem? {
        guard case .older(let version, let needed) = verdict else { return nil }
        let found = version == 0 ? "schema dsr does not exist yet" : "schema dsr is at version \(version)"
        return Problem(path: "postgres", message: "\(found) and this dsrd needs \(needed): run dsrd migrate "
                           + "(as postgres.migration_user); dsrd run refuses to start until then")
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

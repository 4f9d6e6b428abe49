import Daemon
import Records
import Store

/// `dsrd migrate`: as the role that owns schema `dsr` (never the daemon's),
/// applies the schema migrations not yet applied, grants the daemon's role
/// its privileges and writes the case retention floor.
enum MigrateCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        let option = ConfigOption(arguments)
        guard option.remaining.isEmpty else {
            Terminal.error("dsrd migrate: unexpected argument(s); usage: dsrd migrate [--config FILE]")
            return 2
        }
        guard let config = option.load() else { return 1 }
        let logger = Logger(level: config.logLevel)
        let ownerConnection: PostgresConfiguration
        switch config.schemaOwnerConnection() {
        case .success(let connection): ownerConnection = connection
        case .failure(let problem):
            Terminal.error("dsrd migrate: \(problem)")
            return 1
        }
        let client = PostgresClient(configuration: ownerConnection)
        do {
            let outcome = try await DSRSetup.migrate(client, daemonRole: config.postgres.user,
                                                     caseYears: config.retention.caseYears)
            logger.info("schema migrated", ["applied": outcome.applied.count, "version": outcome.current])
            if outcome.applied.isEmpty {
                Terminal.line("schema dsr is up to date at version \(outcome.current)")
            } else {
                Terminal.line("applied migration(s) \(outcome.applied.map(String.init).joined(separator: ", ")); schema dsr is at version \(outcome.current)")
            }
            Terminal.line("schema dsr is owned by \(ownerConnection.user); \(config.postgres.user) may read it, write its working tables and only append to the audit trail")
            await client.close()
            return 0
        } catch {
            await client.close()
            logger.error("migration failed", ["error": String(describing: error)])
            Terminal.error("dsrd migrate: \(error)")
            return 1
        }
    }
}

import Daemon
import Records
import Store

/// `dsrd migrate`: as the role that owns schema `dsr` (never the daemon's),
/// applies the schema migrations not yet applied, grants the daemon's role
/// its privileges and writes the case retention floor.
enum MigrateCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        let option = ConfigOption(arguments)
        if let error = option.error { return CommandLineInterface.usageError("migrate", error) }
        guard option.remaining.isEmpty else {
            return CommandLineInterface.usageError("migrate", "unexpected argument '\(option.remaining[0])'")
        }
        let config: OperatorConfig
        switch option.loadOperator() {
        case .success(let loaded): config = loaded
        case .failure(let status): return status.rawValue
        }
        let logger = Logger(level: config.logLevel)
        let ownerConnection: PostgresConfiguration
        switch config.schemaOwnerConnection() {
        case .success(let connection): ownerConnection = connection
        case .failure(let problem):
            Terminal.error("dsrd migrate: \(problem)")
            return ExitStatus.config.rawValue
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
            return ExitStatus.ok.rawValue
        } catch {
            await client.close()
            logger.error("migration failed", ["error": String(describing: error)])
            return CommandLineInterface.failed("migrate", error)
        }
    }
}

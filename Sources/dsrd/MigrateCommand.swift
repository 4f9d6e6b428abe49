import Daemon
import Records
import Store

/// `dsrd migrate`: applies the schema migrations not yet applied. Reads
/// only the database settings of the configuration.
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
        let client = PostgresClient(configuration: config.postgres)
        do {
            let outcome = try await DSRSchema.migrator.migrate(client)
            logger.info("schema migrated", ["applied": outcome.applied.count, "version": outcome.current])
            if outcome.applied.isEmpty {
                Terminal.line("schema dsr is up to date at version \(outcome.current)")
            } else {
                Terminal.line("applied migration(s) \(outcome.applied.map(String.init).joined(separator: ", ")); schema dsr is at version \(outcome.current)")
            }
            await client.close()
            return ExitStatus.ok.rawValue
        } catch {
            logger.error("migration failed", ["error": String(describing: error)])
            return CommandLineInterface.failed("migrate", error)
        }
    }
}

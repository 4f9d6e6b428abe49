import Daemon
import Records
import Store

/// `dsrd migrate`: applies the schema migrations not yet applied.
enum MigrateCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        let option = ConfigOption(arguments)
        guard option.remaining.isEmpty else {
            Terminal.error("dsrd migrate: unexpected argument(s); usage: dsrd migrate [--config FILE]")
            return 2
        }
        guard let config = option.load() else { return 1 }
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
            return 0
        } catch {
            logger.error("migration failed", ["error": String(describing: error)])
            Terminal.error("dsrd migrate: \(error)")
            return 1
        }
    }
}

import Daemon
import Requests
import Store

/// `dsrd check-config`: every problem with its key path (exit 78), or a summary.
enum CheckConfigCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        let option = ConfigOption(arguments)
        if let error = option.error { return CommandLineInterface.usageError("check-config", error) }
        guard option.remaining.isEmpty else {
            return CommandLineInterface.usageError("check-config", "unexpected argument '\(option.remaining[0])'")
        }
        let config: DaemonConfig
        switch option.loadDaemon() {
        case .success(let loaded): config = loaded
        case .failure(let status): return status.rawValue
        }
        let problems = await ConfigChecks.problemsWithDatabase(config)
        for warning in ConfigChecks.warnings(config) { Terminal.error("dsrd: warning: \(warning)") }
        if problems.isEmpty, let warning = await schemaWarning(config) { Terminal.error("dsrd: warning: \(warning)") }
        guard problems.isEmpty else {
            Terminal.error("dsrd: configuration \(config.sourcePath ?? "-") has \(problems.count) problem(s):")
            for problem in problems { Terminal.error("  \(problem)") }
            return ExitStatus.config.rawValue
        }
        Terminal.line("configuration \(config.sourcePath ?? "-") is valid; templates loaded" + (config.dataMapPath == nil ? "" : "; data map matches the database"))
        for (key, value) in config.summary {
            Terminal.line("  \(key.padding(toLength: 24, withPad: " ", startingAt: 0)) \(value)")
        }
        return ExitStatus.ok.rawValue
    }

    /// Whether `dsrd run` would refuse the database's schema. A database
    /// that cannot be asked now says nothing here: the run retries.
    private static func schemaWarning(_ config: DaemonConfig) async -> Problem? {
        let client = PostgresClient(configuration: config.postgres)
        let verdict = await SchemaCheck.check(client)
        await client.close()
        return SchemaCheck.startWarning(verdict)
    }
}

import Daemon

/// `dsrd probe`: connects to each service once and says what it finds;
/// exit 69 (unavailable) when one of them cannot be reached.
enum ProbeCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        let option = ConfigOption(arguments)
        if let error = option.error { return CommandLineInterface.usageError("probe", error) }
        guard option.remaining.isEmpty else {
            return CommandLineInterface.usageError("probe", "unexpected argument '\(option.remaining[0])'")
        }
        let config: DaemonConfig
        switch option.loadDaemon() {
        case .success(let loaded): config = loaded
        case .failure(let status): return status.rawValue
        }
        let report = await ServiceProbe(config: config, logger: Logger(level: config.logLevel)).run()
        switch report.postgres {
        case .success(let facts):
            Terminal.line("postgresql  ok    server \(facts.serverVersion), schema dsr at version \(facts.schemaVersion) of \(facts.latestSchemaVersion)")
        case .failure(let error):
            Terminal.line("postgresql  FAIL  \(error)")
        }
        switch report.imap {
        case .success(let status):
            Terminal.line("imap        ok    \(config.imap.mailbox): \(status.messages.map(String.init) ?? "?") message(s), uidvalidity \(status.uidValidity), uidnext \(status.uidNext)")
        case .failure(let error):
            Terminal.line("imap        FAIL  \(error)")
        }
        switch report.smtp {
        case .success:
            Terminal.line("smtp        ok    \(config.smtp.url) answers")
        case .failure(let error):
            Terminal.line("smtp        FAIL  \(error)")
        }
        return (report.allReachable ? ExitStatus.ok : .unavailable).rawValue
    }
}

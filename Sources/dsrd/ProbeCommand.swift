import Daemon

/// `dsrd probe`: connects to each service once and says what it finds.
enum ProbeCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        let option = ConfigOption(arguments)
        guard option.remaining.isEmpty else {
            Terminal.error("dsrd probe: unexpected argument(s); usage: dsrd probe [--config FILE]")
            return 2
        }
        guard let config = option.load() else { return 1 }
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
        return report.allReachable ? 0 : 1
    }
}

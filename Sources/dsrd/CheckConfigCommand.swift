import Daemon

/// `dsrd check-config`: every problem with its key path, or a summary.
enum CheckConfigCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        let option = ConfigOption(arguments)
        guard option.remaining.isEmpty else {
            Terminal.error("dsrd check-config: unexpected argument(s); usage: dsrd check-config [--config FILE]")
            return 2
        }
        guard let config = option.load() else { return 1 }
        let problems = await ConfigChecks.problemsWithDatabase(config)
        for warning in ConfigChecks.warnings(config) { Terminal.error("dsrd: warning: \(warning)") }
        guard problems.isEmpty else {
            Terminal.error("dsrd: configuration \(config.sourcePath ?? "-") has \(problems.count) problem(s):")
            for problem in problems { Terminal.error("  \(problem)") }
            return 1
        }
        Terminal.line("configuration \(config.sourcePath ?? "-") is valid; templates loaded" + (config.dataMapPath == nil ? "" : "; data map matches the database"))
        for (key, value) in config.summary {
            Terminal.line("  \(key.padding(toLength: 24, withPad: " ", startingAt: 0)) \(value)")
        }
        return 0
    }
}

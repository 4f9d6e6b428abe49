import Daemon

/// `dsrd check-config`: every problem with its key path, or a summary.
enum CheckConfigCommand {
    static func run(_ arguments: [String]) async -> Int32 {
        let option = ConfigOption(arguments)
        guard option.remaining.isEmpty else {
            printError("dsrd check-config: unexpected argument(s); usage: dsrd check-config [--config FILE]")
            return 2
        }
        guard let config = option.load() else { return 1 }
        let problems = await ConfigChecks.problemsWithDatabase(config)
        for warning in ConfigChecks.warnings(config) { printError("dsrd: warning: \(warning)") }
        guard problems.isEmpty else {
            printError("dsrd: configuration \(config.sourcePath ?? "-") has \(problems.count) problem(s):")
            for problem in problems { printError("  \(problem)") }
            return 1
        }
        print("configuration \(config.sourcePath ?? "-") is valid; templates loaded" + (config.dataMapPath == nil ? "" : "; data map matches the database"))
        for (key, value) in config.summary {
            print("  \(key.padding(toLength: 24, withPad: " ", startingAt: 0)) \(value)")
        }
        return 0
    }
}

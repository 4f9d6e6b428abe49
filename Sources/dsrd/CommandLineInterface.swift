import Daemon
import Foundation

/// The subcommands and their dispatch; `--help` and `--version` for all.
enum CommandLineInterface {
    static func run(_ arguments: [String]) async -> Int32 {
        guard let command = arguments.first else {
            Terminal.lines(CommandHelp.general, toError: true)
            return ExitStatus.usage.rawValue
        }
        let rest = Array(arguments.dropFirst())
        let asksHelp = rest.prefix(while: { $0 != "--" }).contains { $0 == "--help" || $0 == "-h" }
        switch command {
        case "--help", "-h":
            return help([])
        case "help":
            return help(asksHelp ? ["help"] : rest)
        case "version", "--version", "-V":
            if asksHelp { return help(["version"]) }
            Terminal.line(DSRDVersion.text)
            return ExitStatus.ok.rawValue
        default:
            break
        }
        // `--help` or `-h` among a command's words (before a `--`): that command's help.
        if asksHelp {
            let subcommand = rest.first.map { $0.hasPrefix("-") ? [] : [$0] } ?? []
            return help([command] + subcommand)
        }
        switch command {
        case "check-config": return await CheckConfigCommand.run(rest)
        case "migrate": return await MigrateCommand.run(rest)
        case "probe": return await ProbeCommand.run(rest)
        case "run": return await RunCommand.run(rest)
        case "status": return await StatusCommand.run(rest)
        case "requests": return await RequestsCommand.run(rest)
        case "outbox": return await OutboxCommand.run(rest)
        case "suppression": return await SuppressionCommand.run(rest)
        case "classify": return ClassifyCommand.run(rest)
        case "evaluate": return EvaluateCommand.run(rest)
        case "train-kinds": return TrainKindsCommand.run(rest)
        case "bench-classify": return ClassifyBenchmark.run(rest)
        default:
            Terminal.error("dsrd: unknown command '\(command)'")
            Terminal.lines("\n" + CommandHelp.general, toError: true)
            return ExitStatus.usage.rawValue
        }
    }

    /// `dsrd help [TOPIC…]`: the help to standard output, exit 0; an unknown
    /// topic is a usage error.
    static func help(_ topic: [String]) -> Int32 {
        guard let text = CommandHelp.text(topic) else {
            Terminal.error("dsrd help: no command '\(topic.joined(separator: " "))'")
            Terminal.lines("\n" + CommandHelp.general, toError: true)
            return ExitStatus.usage.rawValue
        }
        Terminal.lines(text)
        return ExitStatus.ok.rawValue
    }

    /// A usage error: what was wrong, then the usage lines of `topic`, to
    /// standard error; the status to exit with.
    static func usageError(_ topic: String, _ problem: String) -> Int32 {
        Terminal.error("dsrd \(topic): \(problem)")
        Terminal.lines(CommandHelp.usage(topic), toError: true)
        return ExitStatus.usage.rawValue
    }

    /// A command that failed with `error`: the error, a hint when there is
    /// one, and the sysexits status.
    static func failed(_ topic: String, _ error: any Error) -> Int32 {
        let (status, hint) = ExitStatus.of(error)
        Terminal.error("dsrd \(topic): \(error)")
        if let hint { Terminal.error("dsrd \(topic): \(hint)") }
        return status.rawValue
    }
}

import Daemon
import Foundation

/// The subcommands and their dispatch.
enum CommandLineInterface {
    static let usage = """
        usage: dsrd COMMAND [OPTIONS]

        commands:
          check-config [--config FILE]       validate the configuration and print a summary
          migrate [--config FILE]            create or update dsrd's schema (dsr) in PostgreSQL
          probe [--config FILE]              connect to PostgreSQL, IMAP and SMTP and report what is there
          run [--once] [--config FILE]       run the daemon until SIGTERM (or one round with --once)
          requests list [--state S] [--json] [--config FILE]
                                             the requests, newest first
          requests show REF [--json] [--config FILE]
                                             one request: its messages in and out and its audit trail
          requests approve REF [--kinds K,K] [--operator NAME] [--config FILE]
                                             approve a request in review or awaiting confirmation
          requests reject REF --reason TEXT [--operator NAME] [--config FILE]
                                             reject an open request; queues the refusal with the reason
          requests extend REF --reason TEXT [--months 1|2] [--operator NAME] [--config FILE]
                                             extend the deadline (once, by the first due date); queues the notice
          suppression check [ADDRESS...] [--config FILE]
                                             whether addresses are on the suppression list (stdin: one per line)
          classify [--json] PATH...          what dsrd makes of .eml/.txt files (no config needed)
          bench-classify FOLDER [--repeat N] parse+classify speed and peak memory over a folder
          help                               this text

        The configuration file is --config FILE, or else $DSRD_CONFIG. A decision is recorded in
        the name of this process's login ($SUDO_USER when run as root under sudo); a name given
        with --operator NAME or $DSRD_OPERATOR is recorded beside it, never instead.
        """

    static func run(_ arguments: [String]) async -> Int32 {
        guard let command = arguments.first else {
            Terminal.lines(usage, toError: true)
            return 2
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "check-config": return await CheckConfigCommand.run(rest)
        case "migrate": return await MigrateCommand.run(rest)
        case "probe": return await ProbeCommand.run(rest)
        case "run": return await RunCommand.run(rest)
        case "requests": return await RequestsCommand.run(rest)
        case "suppression": return await SuppressionCommand.run(rest)
        case "classify": return ClassifyCommand.run(rest)
        case "bench-classify": return ClassifyBenchmark.run(rest)
        case "help", "--help", "-h":
            Terminal.lines(usage)
            return 0
        default:
            Terminal.error("dsrd: unknown command '\(command)'")
            Terminal.lines("\n" + usage, toError: true)
            return 2
        }
    }
}

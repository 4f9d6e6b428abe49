import Daemon
import Foundation
import LogSafety

/// `dsrd run [--once]`: the daemon. Runs the pipeline until SIGTERM/SIGINT
/// (exit 0), or one round with `--once` (exit 0 when every stage did its
/// round, 1 otherwise). SIGHUP re-reads the configuration; a bad one is
/// refused and the running one kept.
enum RunCommand {
    static let usage = "usage: dsrd run [--once] [--config FILE]"

    static func run(_ arguments: [String]) async -> Int32 {
        let option = ConfigOption(arguments)
        var once = false
        for argument in option.remaining {
            guard argument == "--once" else {
                Terminal.error("dsrd run: unexpected argument '\(argument)'; \(usage)")
                return 2
            }
            once = true
        }
        // Take the signals before anything slow, so a stop is never missed.
        let control = SignalControl()
        control.install()
        guard let config = option.load(), let path = config.sourcePath else { return 1 }
        let logger = Logger(level: config.logLevel)
        let clock = SystemWallClock()
        let notifier = SystemdNotifier.fromEnvironment() ?? SilentNotifier()
        // Crashes on purpose, for the live tests only (unset in production).
        let faults = FaultInjection.fromEnvironment()
        let plan: ServicePlan
        do {
            plan = try DaemonComponents.load(config).plan(logger: logger, clock: clock, faults: faults)
        } catch {
            logger.error("cannot start", ["error": LogSafe.describe(error)])
            Terminal.error("dsrd run: \(error)")
            for problem in error.problems { Terminal.error("  \(problem)") }
            return 1
        }
        for warning in ConfigChecks.warnings(config) {
            logger.warning("configuration warning (see dsrd check-config)", ["key": warning.path])
        }
        let runner = ServiceRunner(
            plan: plan,
            control: control, notifier: notifier, clock: clock, logger: logger,
            watchdog: WatchdogSettings.fromEnvironment(),
            reloader: { try reloadPlan(path: path, logger: logger, clock: clock, faults: faults) }
        )
        return await runner.run(once: once).exitStatus
    }

    /// Reads the configuration again and builds new stages from it.
    private static func reloadPlan(path: String, logger: Logger, clock: any WallClock,
                                   faults: FaultInjection) throws -> ServicePlan {
        switch ConfigLoader.load(path: path) {
        case .success(let config):
            var logger = logger
            logger.level = config.logLevel
            return try DaemonComponents.load(config).plan(logger: logger, clock: clock, faults: faults)
        case .failure(let error):
            throw ReloadRefused(problemCount: error.problems.count, keyPaths: error.problems.map(\.path))
        }
    }
}

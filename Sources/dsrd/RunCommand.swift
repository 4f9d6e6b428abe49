import Daemon
import Foundation
import LogSafety
import Store

/// `dsrd run [--once]`: the daemon. Runs the pipeline until SIGTERM/SIGINT
/// (exit 0), or one round with `--once` (exit 0 when every stage did its
/// round, 1 otherwise). SIGHUP re-reads the configuration; a bad one is
/// refused and the running one kept. It does not start (exit 78, which the
/// unit does not restart) on a configuration with problems or a schema
/// older than it needs; a wrong word exits 64.
enum RunCommand {
    static let usage = "usage: dsrd run [--once] [--config FILE]"

    static func run(_ arguments: [String]) async -> Int32 {
        let option = ConfigOption(arguments)
        if let error = option.error { return CommandLineInterface.usageError("run", error) }
        var once = false
        for argument in option.remaining {
            guard argument == "--once" else {
                return CommandLineInterface.usageError("run", "unexpected argument '\(argument)'")
            }
            once = true
        }
        // Take the signals before anything slow, so a stop is never missed.
        let control = SignalControl()
        control.install()
        let config: DaemonConfig
        switch option.loadDaemon() {
        case .success(let loaded): config = loaded
        case .failure(let status): return status.rawValue
        }
        let path = config.sourcePath ?? option.resolvedPath
        let logger = Logger(level: config.logLevel)
        logger.info("starting", ["version": DSRDVersion.number, "once": once])
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
            return ExitStatus.config.rawValue
        }
        if let refused = await checkSchema(config, logger: logger) { return refused }
        for warning in ConfigChecks.warnings(config) {
            logger.warning("configuration warning (see dsrd check-config)", ["key": warning.path])
        }
        let runner = ServiceRunner(
            plan: plan,
            control: control, notifier: notifier, clock: clock, logger: logger,
            watchdog: WatchdogSettings.fromEnvironment(),
            reloader: { try reloadPlan(path: path, logger: logger, clock: clock, faults: faults) },
            releaseMemory: FreeMemory.release(afterWork:)
        )
        return await runner.run(once: once).exitStatus
    }

    /// Refuses to start (EX_CONFIG, which systemd does not restart) on a
    /// schema older than this dsrd needs: every stage would fail at its
    /// first statement, round after round. A newer schema (a downgrade) is
    /// a warning; a database that cannot be asked now is left to the
    /// stages' own retries, as PostgreSQL may come up after dsrd.
    private static func checkSchema(_ config: DaemonConfig, logger: Logger) async -> Int32? {
        let client = PostgresClient(configuration: config.postgres)
        let verdict = await SchemaCheck.check(client)
        await client.close()
        switch verdict {
        case .current:
            return nil
        case .older(let version, let needed):
            logger.error("schema older than this dsrd needs: run dsrd migrate", ["version": version, "needed": needed])
            Terminal.error("dsrd run: schema dsr is at version \(version) and this dsrd needs \(needed): "
                           + "run dsrd migrate (as postgres.migration_user), then start dsrd again")
            return ExitStatus.config.rawValue
        case .newer(let version, let known):
            logger.warning("schema newer than this dsrd knows (a downgrade?)", ["version": version, "known": known])
            return nil
        case .unknown(let reason):
            logger.warning("cannot read the schema's version; starting anyway", ["error": reason])
            return nil
        }
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

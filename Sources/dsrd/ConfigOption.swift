import Daemon

/// `--config FILE` (or `--config=FILE`) among a command's arguments, the
/// other arguments untouched; and the loading of the configuration it
/// names (else `$DSRD_CONFIG`, else `/etc/dsrd/config.json`), printing
/// every problem.
struct ConfigOption {
    var path: String?
    var remaining: [String] = []
    /// A usage problem (`--config` without a file).
    var error: String?

    init(_ arguments: [String]) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                remaining += arguments[index...]
                return
            }
            if argument == "--config" {
                guard index + 1 < arguments.count else {
                    error = "--config needs a file"
                    return
                }
                path = arguments[index + 1]
                index += 2
            } else if argument.hasPrefix("--config=") {
                path = String(argument.dropFirst("--config=".count))
                index += 1
            } else {
                remaining.append(argument)
                index += 1
            }
        }
    }

    /// Where the configuration is read from.
    var resolvedPath: String { ConfigLoader.path(explicit: path) }

    /// The whole configuration, every secret read; nil (problems printed)
    /// when it cannot be loaded. `loadDaemon()` also gives the exit status.
    func load() -> DaemonConfig? {
        guard case .success(let config) = loadDaemon() else { return nil }
        return config
    }

    /// The whole configuration, every secret read (the daemon's commands).
    func loadDaemon() -> Result<DaemonConfig, ExitStatus> {
        let path = resolvedPath
        switch ConfigLoader.load(path: path) {
        case .success(let config): return .success(config)
        case .failure(let error): return .failure(Self.report(error, path: path))
        }
    }

    /// Only what an operator's command needs (`OperatorConfig`).
    func loadOperator(needs: OperatorConfig.Needs = []) -> Result<OperatorConfig, ExitStatus> {
        let path = resolvedPath
        switch ConfigLoader.loadOperator(path: path, needs: needs) {
        case .success(let config): return .success(config)
        case .failure(let error): return .failure(Self.report(error, path: path))
        }
    }

    private static func report(_ error: ConfigError, path: String) -> ExitStatus {
        Terminal.error("dsrd: configuration \(path) has \(error.problems.count) problem(s):")
        for problem in error.problems { Terminal.error("  \(problem)") }
        if error.problems.contains(where: { $0.path == "(file)" }), path == ConfigLoader.defaultPath {
            Terminal.error("  (no --config FILE given and $DSRD_CONFIG not set: \(ConfigLoader.defaultPath) is the default)")
        }
        return .config
    }
}

import Daemon

/// `--config FILE` (or `--config=FILE`) among a command's arguments; the
/// other arguments are returned untouched.
struct ConfigOption {
    var path: String?
    var remaining: [String] = []
    var error: String?

    init(_ arguments: [String]) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
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

    /// Loads the config, printing every problem and returning nil on failure.
    func load() -> DaemonConfig? {
        if let error {
            Terminal.error("dsrd: \(error)")
            return nil
        }
        let path = ConfigLoader.path(explicit: path)
        switch ConfigLoader.load(path: path) {
        case .success(let config):
            return config
        case .failure(let error):
            Terminal.error("dsrd: configuration \(path) has \(error.problems.count) problem(s):")
            for problem in error.problems { Terminal.error("  \(problem)") }
            return nil
        }
    }
}

import Requests

/// Checks beyond the file itself, run by `dsrd check-config` and at start:
/// that what the config points to can be used.
public enum ConfigChecks {
    public static func problems(_ config: DaemonConfig) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        if let directory = config.templatesDirectory {
            do {
                _ = try TemplateSet.load(from: directory)
            } catch let error as TemplateError {
                problems.append(ConfigProblem(path: "templates_dir", message: error.description))
            } catch {
                problems.append(ConfigProblem(path: "templates_dir", message: "templates cannot be loaded"))
            }
        }
        return problems
    }
}

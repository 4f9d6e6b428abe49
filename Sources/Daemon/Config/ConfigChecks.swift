import CustomerData
import Foundation
import Requests
import Store

/// Checks beyond the file itself, run by `dsrd check-config` and at start:
/// that what the config points to can be used.
public enum ConfigChecks {
    public static func problems(_ config: DaemonConfig) -> [Problem] {
        var problems: [Problem] = []
        if let directory = config.templatesDirectory {
            do {
                _ = try TemplateSet.load(from: directory)
            } catch let error as TemplateError {
                problems.append(Problem(path: "templates_dir", message: error.description))
            } catch {
                problems.append(Problem(path: "templates_dir", message: "templates cannot be loaded"))
            }
        }
        if let path = config.dataMapPath {
            problems += dataMapProblems(path: path).problems
        }
        return problems
    }

    /// What is allowed but probably wrong: printed by `dsrd check-config`
    /// and logged at start, never a reason to refuse the config.
    public static func warnings(_ config: DaemonConfig) -> [Problem] {
        var warnings: [Problem] = []
        if config.dataMapPath != nil, !config.identity.senderTrust.canTrustAnyResults {
            warnings.append(Problem(
                path: "identity.trusted_authserv_ids",
                message: "empty (and results_without_authserv_id is off): no sender is ever authenticated, so every change waits for a confirmation by code"))
        }
        return warnings
    }

    /// The checks of `problems`, then the data map against the live database
    /// (when `data_map` is set and the map itself is sound).
    public static func problemsWithDatabase(_ config: DaemonConfig) async -> [Problem] {
        var problems = problems(config)
        guard let path = config.dataMapPath else { return problems }
        let (map, mapProblems) = dataMapProblems(path: path)
        guard let map, mapProblems.isEmpty else { return problems }
        let client = PostgresClient(configuration: config.postgres)
        do {
            let found = try await DataMapDatabaseCheck.problems(map, client: client)
            problems += found.map { Problem(path: "data_map", message: $0.description) }
        } catch {
            problems.append(Problem(path: "postgres", message: "cannot read the database catalog to check the data map"))
        }
        await client.close()
        return problems
    }

    /// The map at `path` and its structural problems, as config problems of key `data_map`.
    private static func dataMapProblems(path: String) -> (map: DataMap?, problems: [Problem]) {
        do {
            let map = try DataMap.load(from: path)
            let unknown = FileManager.default.contents(atPath: path).map { DataMap.unknownKeys(in: Array($0)) } ?? []
            return (map, (unknown + map.problems()).map { Problem(path: "data_map", message: $0.description) })
        } catch let error as DataMapError {
            let message = error.path.isEmpty ? error.message : "\(error.path): \(error.message)"
            return (nil, [Problem(path: "data_map", message: message)])
        } catch {
            return (nil, [Problem(path: "data_map", message: "the data map cannot be loaded")])
        }
    }
}

import CustomerData
import Foundation
import Requests
import Store

/// Checks beyond the file itself, run by `dsrd check-config`: that what the
/// config points to can be used (the same loading `dsrd run` starts with).
public enum ConfigChecks {
    /// What keeps `dsrd run` from starting: the composition root's load
    /// problems (templates, data map, settings a stage needs).
    public static func problems(_ config: DaemonConfig) -> [Problem] {
        do {
            _ = try DaemonComponents.load(config)
            return []
        } catch {
            return error.problems
        }
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
        if let path = config.dataMapPath, let map = try? DataMap.load(from: path), map.processors.isEmpty {
            warnings.append(Problem(
                path: "data_map",
                message: "processors: empty: the access reply names no processor (hosting, e-mail, payments …), "
                    + "though every one is a recipient the person may know of (GDPR Art. 15(1)(c))"))
        }
        return warnings
    }

    /// The load problems, then the data map against the live database
    /// (when `data_map` is set and everything loads).
    public static func problemsWithDatabase(_ config: DaemonConfig) async -> [Problem] {
        let components: DaemonComponents
        do {
            components = try DaemonComponents.load(config)
        } catch {
            return error.problems
        }
        guard let map = components.fulfil?.map else { return [] }
        let client = PostgresClient(configuration: config.postgres)
        var problems: [Problem] = []
        do {
            let found = try await DataMapDatabaseCheck.problems(map, client: client)
            problems += found.map { Problem(path: "data_map", message: "\($0.path): \($0.message)") }
        } catch {
            problems.append(Problem(path: "postgres", message: "cannot read the database catalog to check the data map"))
        }
        await client.close()
        return problems
    }
}

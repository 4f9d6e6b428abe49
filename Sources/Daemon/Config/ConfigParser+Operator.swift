import Foundation
import Requests

/// The operators' reading of a config document (`OperatorConfig`): the
/// same keys with the same checks, but only the sections the command
/// needs, so the secrets it does not use are never resolved.
extension ConfigParser {
    public static func parseOperator(_ data: [UInt8], needs: OperatorConfig.Needs,
                                     environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Result<OperatorConfig, ConfigError> {
        let root: [String: JSONValue]
        switch document(data) {
        case .success(let object): root = object
        case .failure(let error): return .failure(error)
        }
        var reader = ConfigReader(environment: environment)
        reader.rejectUnknownKeys(root, known: topLevelKeys, path: "")
        let postgresObject = reader.object(root, "postgres", path: "")
        let postgres = parsePostgres(&reader, postgresObject)
        // Neither resolves a secret: the owner's password is read by `dsrd migrate` alone.
        let schemaOwner = parseSchemaOwner(&reader, postgresObject ?? [:], daemonUser: postgres?.user)
        let retention = parseRetention(&reader, reader.object(root, "retention", path: "", required: false))
        let identity = parseIdentity(&reader, reader.object(root, "identity", path: "", required: false))
        let level = reader.choice(root, "log_level", path: "", default: LogLevel.info)
        var templates: String?
        var siteTemplates: String?
        var sender: String?
        var organisation: DaemonConfig.Organisation?
        if needs.contains(.replies) {
            templates = reader.existingPath(root, "templates_dir", path: "", directory: true, required: true)
            siteTemplates = siteTemplatesDirectory(&reader, root)?.path
            sender = reader.address(root, "sender", path: "")
            organisation = parseOrganisation(&reader, reader.object(root, "organisation", path: ""))
        }
        var key: [UInt8]?
        var keyProblem: Problem?
        if needs.contains(.addressKey) {
            // Read on a reader of its own: a key that cannot be read is a
            // note for the operator, not a reason to refuse the command.
            var keyReader = ConfigReader(environment: environment)
            key = keyReader.secret(root, "suppression_key", path: "", required: true).map { Array($0.utf8) }
            keyProblem = keyReader.problems.first
        }
        guard reader.problems.isEmpty, let postgres, let identity, let level, let retention else {
            return .failure(ConfigError(problems: reader.problems))
        }
        return .success(OperatorConfig(postgres: postgres, schemaOwner: schemaOwner, retention: retention,
                                       identity: identity, logLevel: level,
                                       templatesDirectory: templates, siteTemplatesDirectory: siteTemplates,
                                       sender: sender, organisation: organisation,
                                       suppressionKey: key, suppressionKeyProblem: keyProblem, sourcePath: nil))
    }
}

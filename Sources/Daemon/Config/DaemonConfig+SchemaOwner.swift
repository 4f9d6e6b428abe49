import Foundation
import LogSafety
import Store

extension DaemonConfig {
    /// Why `dsrd migrate` cannot connect as the schema's owner: names the
    /// key or the secret's source, never the secret.
    public struct SchemaOwnerUnavailable: LogSafeError, Sendable, Equatable {
        public let message: String
        public var description: String { message }

        public init(message: String) {
            self.message = message
        }
    }

    /// The connection `dsrd migrate` uses: the daemon's host, database and
    /// TLS settings, as the role that owns schema `dsr`, with its password
    /// read now (and only here).
    public func schemaOwnerConnection(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Result<PostgresConfiguration, SchemaOwnerUnavailable> {
        Self.schemaOwnerConnection(postgres: postgres, owner: schemaOwner, environment: environment)
    }

    /// The daemon's connection `postgres` as `owner`, with its password read now.
    static func schemaOwnerConnection(postgres: PostgresConfiguration, owner: SchemaOwner?,
                                      environment: [String: String]) -> Result<PostgresConfiguration, SchemaOwnerUnavailable> {
        guard let owner else {
            return .failure(SchemaOwnerUnavailable(message: "postgres.migration_user is not set: dsrd migrate runs as the "
                + "role that owns schema dsr, never as the daemon's own role (see README, \"Two database roles\")"))
        }
        var configuration = postgres
        configuration.user = owner.user
        configuration.password = nil
        configuration.applicationName = "dsrd-migrate"
        if let reference = owner.password {
            switch reference.resolve(environment: environment) {
            case .success(let secret): configuration.password = secret
            case .failure(let error):
                return .failure(SchemaOwnerUnavailable(message: "postgres.migration_password: \(error.message)"))
            }
        }
        return .success(configuration)
    }
}

extension OperatorConfig {
    /// The connection `dsrd migrate` uses (`DaemonConfig.schemaOwnerConnection`).
    public func schemaOwnerConnection(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Result<PostgresConfiguration, DaemonConfig.SchemaOwnerUnavailable> {
        DaemonConfig.schemaOwnerConnection(postgres: postgres, owner: schemaOwner, environment: environment)
    }
}

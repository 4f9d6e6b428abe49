import Requests
import Store

/// What the operators' commands (`dsrd requests …`, `dsrd outbox …`, `dsrd
/// status`) need of the configuration: the database and, for those that
/// queue mail, the templates, the sender and the organisation; `requests
/// find` also the suppression key, to find requests whose address an
/// erasure replaced by its keyed hash. Nothing else is read: no IMAP or
/// SMTP password, no log key, so a privacy officer can run these commands
/// with a configuration of their own that names only a read/decide
/// database role (README, "The operators' database role").
public struct OperatorConfig: Sendable {
    /// What a command needs beyond the database.
    public struct Needs: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// `templates_dir`, `site_templates_dir`, `sender` and `organisation`, for replies.
        public static let replies = Needs(rawValue: 1)
        /// `suppression_key`, read when it can be; a command that asks for
        /// it goes on without it (and says so) when it cannot.
        public static let addressKey = Needs(rawValue: 2)
    }

    public var postgres: PostgresConfiguration
    /// The role that owns schema `dsr` (`postgres.migration_user`), for
    /// `dsrd migrate`; its password is read only by `schemaOwnerConnection`.
    public var schemaOwner: DaemonConfig.SchemaOwner?
    /// How long dsrd's own records are kept (`retention`): `dsrd migrate`
    /// writes the case retention floor from it.
    public var retention: RetentionPolicy
    public var identity: DaemonConfig.Identity
    public var logLevel: LogLevel
    /// Set with `.replies`.
    public var templatesDirectory: String?
    /// Set with `.replies`: the site's templates, file by file over the shipped ones.
    public var siteTemplatesDirectory: String? = nil
    public var sender: String?
    public var organisation: DaemonConfig.Organisation?
    /// With `.addressKey`, when it could be read.
    public var suppressionKey: [UInt8]?
    /// With `.addressKey`: why the key could not be read, when it could not.
    public var suppressionKeyProblem: Problem?
    /// The file this was read from, when there was one.
    public var sourcePath: String?
}

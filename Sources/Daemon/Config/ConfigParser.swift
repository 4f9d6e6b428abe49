import Foundation
import Requests
import Store
import Transport

/// Turns a config document into a `DaemonConfig`, or into the full list of
/// what is wrong with it.
public enum ConfigParser {
    /// The keys a config document may have at its top.
    static let topLevelKeys: Set<String> = [
        "imap", "smtp", "sender", "postgres", "poll_interval_seconds", "templates_dir", "site_templates_dir", "data_map",
        "organisation", "log_level", "log_id_key", "intake", "delivery", "fulfilment", "identity", "limits",
        "digest", "suppression_key", "operators", "metrics", "retention",
    ]

    /// The document's top-level object, or why there is none.
    static func document(_ data: [UInt8]) -> Result<[String: JSONValue], ConfigError> {
        let document: JSONValue
        do {
            document = try JSONDecoder().decode(JSONValue.self, from: Data(data))
        } catch {
            return .failure(ConfigError(problems: [Problem(path: "(file)", message: "not valid JSON")]))
        }
        guard case .object(let root) = document else {
            return .failure(ConfigError(problems: [Problem(path: "(file)", message: "must be a JSON object")]))
        }
        let placeholders = ConfigPlaceholders.paths(in: root)
        guard placeholders.isEmpty else {
            return .failure(ConfigError(problems: placeholders.map { Problem(path: $0, message: ConfigPlaceholders.message) }))
        }
        return .success(root)
    }

    public static func parse(_ data: [UInt8], environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<DaemonConfig, ConfigError> {
        let root: [String: JSONValue]
        switch document(data) {
        case .success(let object): root = object
        case .failure(let error): return .failure(error)
        }
        var reader = ConfigReader(environment: environment)
        reader.rejectUnknownKeys(root, known: topLevelKeys, path: "")

        let imap = parseIMAP(&reader, reader.object(root, "imap", path: ""))
        let intake = parseIntake(&reader, reader.object(root, "intake", path: "", required: false) ?? [:])
        let smtp = parseSMTP(&reader, reader.object(root, "smtp", path: ""))
        let sender = reader.address(root, "sender", path: "")
        let postgresObject = reader.object(root, "postgres", path: "")
        let postgres = parsePostgres(&reader, postgresObject)
        let schemaOwner = parseSchemaOwner(&reader, postgresObject ?? [:], daemonUser: postgres?.user)
        let poll = reader.int(root, "poll_interval_seconds", path: "", default: 30, range: 1...3600)
        let templates = reader.existingPath(root, "templates_dir", path: "", directory: true, required: false)
        let siteTemplates = siteTemplatesDirectory(&reader, root)
        let dataMap = reader.existingPath(root, "data_map", path: "", directory: false, required: false)
        let organisation = parseOrganisation(&reader, reader.object(root, "organisation", path: ""))
        let level = reader.choice(root, "log_level", path: "", default: LogLevel.info)
        let logKey = reader.secret(root, "log_id_key", path: "")
        let delivery = parseDelivery(&reader, reader.object(root, "delivery", path: "", required: false))
        let fulfilment = parseFulfilment(&reader, reader.object(root, "fulfilment", path: "", required: false))
        let identity = parseIdentity(&reader, reader.object(root, "identity", path: "", required: false))
        let limits = parseLimits(&reader, reader.object(root, "limits", path: "", required: false))
        let digest = parseDigest(&reader, reader.object(root, "digest", path: "", required: false))
        let operators = parseOperators(&reader, reader.object(root, "operators", path: "", required: false))
        let metrics = parseMetrics(&reader, reader.object(root, "metrics", path: "", required: false))
        let retention = parseRetention(&reader, reader.object(root, "retention", path: "", required: false))
        // The suppression list's key is needed wherever erasure or objection can run.
        let suppressionKey = reader.secret(root, "suppression_key", path: "", required: root["data_map"] != nil)

        guard reader.problems.isEmpty, let imap, let intake, let smtp, let sender, let postgres, let poll, let siteTemplates,
              let organisation, let level, let logKey, let delivery, let fulfilment, let identity,
              let limits, let digest, let operators, let metrics, let retention else {
            return .failure(ConfigError(problems: reader.problems))
        }
        var config = DaemonConfig(
            imap: imap, intake: intake, smtp: smtp, sender: sender, postgres: postgres, schemaOwner: schemaOwner,
            pollIntervalSeconds: poll,
            templatesDirectory: templates, siteTemplatesDirectory: siteTemplates.path, dataMapPath: dataMap,
            organisation: organisation,
            logLevel: level, logIDKey: Array(logKey.utf8), sourcePath: nil,
            deliveryMaxAttempts: delivery.maxAttempts, fulfilment: fulfilment, identity: identity, limits: limits,
            digest: digest, operatorsAddress: operators.address, maxOperatorAlertsPerHour: operators.maxAlertsPerHour,
            metricsTextfile: metrics.textfile, retention: retention,
            suppressionKey: suppressionKey.map { Array($0.utf8) }
        )
        config.receiptGraceSeconds = delivery.receiptGraceSeconds
        return .success(config)
    }

    /// `site_templates_dir`: optional, a folder; it only makes sense beside
    /// `templates_dir`, whose files it replaces one by one. `.some(nil)`:
    /// not set; nil: a problem was recorded.
    static func siteTemplatesDirectory(_ reader: inout ConfigReader, _ root: [String: JSONValue]) -> SitePath? {
        guard root["site_templates_dir"] != nil else { return SitePath(path: nil) }
        guard let path = reader.existingPath(root, "site_templates_dir", path: "", directory: true, required: false) else {
            return nil
        }
        if root["templates_dir"] == nil {
            reader.problem("site_templates_dir", "needs templates_dir: the site's files replace shipped ones, one by one")
            return nil
        }
        return SitePath(path: path)
    }

    /// An optional path that was checked (`path` nil: not configured).
    struct SitePath { let path: String? }

    struct DeliveryOptions {
        var maxAttempts = RetryPolicy.standard.maxAttempts
        var receiptGraceSeconds = DaemonConfig.defaultReceiptGraceSeconds
    }

    /// `delivery`: optional; `max_attempts` before a reply is marked failed,
    /// and `receipt_grace_seconds` a receipt waits for the answer to stand in for it.
    private static func parseDelivery(_ reader: inout ConfigReader, _ object: [String: JSONValue]?) -> DeliveryOptions? {
        guard let object else { return DeliveryOptions() }
        reader.rejectUnknownKeys(object, known: ["max_attempts", "receipt_grace_seconds"], path: "delivery")
        let attempts = reader.int(object, "max_attempts", path: "delivery", default: RetryPolicy.standard.maxAttempts,
                                  range: 1...100)
        let grace = reader.int(object, "receipt_grace_seconds", path: "delivery",
                               default: DaemonConfig.defaultReceiptGraceSeconds, range: 0...3600)
        guard let attempts, let grace else { return nil }
        return DeliveryOptions(maxAttempts: attempts, receiptGraceSeconds: grace)
    }

    private static func parseIMAP(_ reader: inout ConfigReader, _ object: [String: JSONValue]?) -> DaemonConfig.IMAP? {
        guard let object else { return nil }
        let path = "imap"
        reader.rejectUnknownKeys(object, known: [
            "url", "mailbox", "processed_mailbox", "review_mailbox", "username", "password", "tls", "ca_file",
            "connect_timeout_seconds", "timeout_seconds",
        ], path: path)
        let url = reader.url(object, "url", path: path, schemes: ["imap", "imaps"])
        let username = reader.string(object, "username", path: path)
        let password = reader.secret(object, "password", path: path)
        let tls = parseTLS(&reader, object, path: path, url: url, implicitScheme: "imaps")
        let connect = reader.int(object, "connect_timeout_seconds", path: path, default: 10, range: 1...300)
        let timeout = reader.int(object, "timeout_seconds", path: path, default: 60, range: 1...3600)
        let mailbox = mailboxName(&reader, object, "mailbox", path: path, default: "INBOX")
        let processed = mailboxName(&reader, object, "processed_mailbox", path: path, default: "Processed")
        let review = mailboxName(&reader, object, "review_mailbox", path: path, default: "Review")
        guard let url, let username, let password, let tls, let connect, let timeout,
              let mailbox, let processed, let review else { return nil }
        let server = MailServerSettings(url: url, username: username, password: password, tls: tls,
                                        connectTimeoutSeconds: connect, timeoutSeconds: timeout)
        return DaemonConfig.IMAP(server: server, mailbox: mailbox, processedMailbox: processed, reviewMailbox: review)
    }

    private static func parseIntake(_ reader: inout ConfigReader, _ object: [String: JSONValue]) -> DaemonConfig.Intake? {
        let path = "intake"
        reader.rejectUnknownKeys(object, known: ["max_message_bytes", "loop_guard_messages", "loop_guard_window_minutes",
                                                 "max_stored_bytes_per_sender_per_day"], path: path)
        let size = reader.int(object, "max_message_bytes", path: path, default: 25 << 20, range: 1024...(1 << 30))
        let messages = reader.int(object, "loop_guard_messages", path: path, default: 5, range: 1...1_000_000)
        let window = reader.int(object, "loop_guard_window_minutes", path: path, default: 60, range: 1...10_080)
        let stored = reader.int(object, "max_stored_bytes_per_sender_per_day", path: path,
                                default: DaemonConfig.Intake.standardStoredBytesPerSenderPerDay, range: 1024...(1 << 40))
        guard let size, let messages, let window, let stored else { return nil }
        return DaemonConfig.Intake(maximumMessageBytes: size, loopGuardMessages: messages, loopGuardWindowMinutes: window,
                                   maximumStoredBytesPerSenderPerDay: stored)
    }

    private static func parseSMTP(_ reader: inout ConfigReader, _ object: [String: JSONValue]?) -> MailServerSettings? {
        guard let object else { return nil }
        let path = "smtp"
        reader.rejectUnknownKeys(object, known: [
            "url", "username", "password", "tls", "ca_file", "connect_timeout_seconds", "timeout_seconds",
        ], path: path)
        let url = reader.url(object, "url", path: path, schemes: ["smtp", "smtps"])
        let username = reader.string(object, "username", path: path, required: false)
        let password = reader.secret(object, "password", path: path, required: username != nil)
        let tls = parseTLS(&reader, object, path: path, url: url, implicitScheme: "smtps")
        let connect = reader.int(object, "connect_timeout_seconds", path: path, default: 10, range: 1...300)
        let timeout = reader.int(object, "timeout_seconds", path: path, default: 60, range: 1...3600)
        guard let url, let tls, let connect, let timeout else { return nil }
        return MailServerSettings(url: url, username: username, password: password, tls: tls,
                                  connectTimeoutSeconds: connect, timeoutSeconds: timeout)
    }

    /// `tls` defaults from the URL: implicit for imaps/smtps, STARTTLS
    /// required otherwise. `none` must be asked for, and only fits plain URLs.
    private static func parseTLS(_ reader: inout ConfigReader, _ object: [String: JSONValue], path: String,
                                 url: String?, implicitScheme: String) -> TLSSettings? {
        let implicit = url?.lowercased().hasPrefix(implicitScheme + "://") ?? false
        let mode = reader.choice(object, "tls", path: path, default: implicit ? TLSSettings.Mode.implicit : .starttls)
        let caFile = reader.existingPath(object, "ca_file", path: path, directory: false, required: false)
        guard let mode else { return nil }
        if implicit != (mode == .implicit) {
            reader.problem(reader.join(path, "tls"), implicit
                ? "must be \"implicit\" for an \(implicitScheme):// URL"
                : "\"implicit\" needs an \(implicitScheme):// URL")
            return nil
        }
        if object["ca_file"] != nil && caFile == nil { return nil }
        return TLSSettings(mode: mode, caFile: caFile)
    }

    static func parsePostgres(_ reader: inout ConfigReader, _ object: [String: JSONValue]?) -> PostgresConfiguration? {
        guard let object else { return nil }
        let path = "postgres"
        reader.rejectUnknownKeys(object, known: [
            "host", "port", "database", "user", "password", "sslmode", "sslrootcert", "connect_timeout_seconds",
            "migration_user", "migration_password",
        ], path: path)
        let host = reader.string(object, "host", path: path)
        let port = reader.int(object, "port", path: path, default: 5432, range: 1...65535)
        let database = reader.string(object, "database", path: path)
        let user = reader.string(object, "user", path: path)
        let password = reader.secret(object, "password", path: path, required: false)
        let sslMode = reader.choice(object, "sslmode", path: path, default: PostgresSSLMode.verifyFull)
        let rootCert = reader.existingPath(object, "sslrootcert", path: path, directory: false, required: false)
        let timeout = reader.int(object, "connect_timeout_seconds", path: path, default: 10, range: 1...300)
        guard let host, let port, let database, let user, let sslMode, let timeout else { return nil }
        return PostgresConfiguration(host: host, port: port, database: database, user: user, password: password,
                                     sslMode: sslMode.rawValue, sslRootCert: rootCert, connectTimeoutSeconds: timeout)
    }

    /// `postgres.migration_user` and `migration_password`: the role that owns
    /// schema `dsr`, for `dsrd migrate` only. Optional here (the daemon runs
    /// without it); it must be another role than the daemon's. The password
    /// is checked in form, never read: only `dsrd migrate` reads it.
    static func parseSchemaOwner(_ reader: inout ConfigReader, _ object: [String: JSONValue],
                                 daemonUser: String?) -> DaemonConfig.SchemaOwner? {
        let path = "postgres"
        let password = reader.secretReference(object, "migration_password", path: path, required: false)
        guard let user = reader.string(object, "migration_user", path: path, required: false) else {
            if object["migration_password"] != nil, object["migration_user"] == nil {
                reader.problem(reader.join(path, "migration_user"), "missing key (migration_password is given)")
            }
            return nil
        }
        if user == daemonUser {
            reader.problem(reader.join(path, "migration_user"),
                           "must be another role than user: the daemon's role must not own the schema it writes its audit trail in")
            return nil
        }
        return DaemonConfig.SchemaOwner(user: user, password: password)
    }

    static func parseOrganisation(_ reader: inout ConfigReader, _ object: [String: JSONValue]?) -> DaemonConfig.Organisation? {
        guard let object else { return nil }
        reader.rejectUnknownKeys(object, known: ["name", "dpo_address", "dpo_designated"], path: "organisation")
        let name = reader.string(object, "name", path: "organisation")
        let dpo = reader.address(object, "dpo_address", path: "organisation")
        let designated = bool(&reader, object, "dpo_designated", path: "organisation", default: false)
        guard let name, let dpo, let designated else { return nil }
        return DaemonConfig.Organisation(name: name, dpoAddress: dpo, dpoDesignated: designated)
    }

    private static func mailboxName(_ reader: inout ConfigReader, _ object: [String: JSONValue], _ key: String,
                                    path: String, default value: String) -> MailboxName? {
        let text = object[key] == nil ? value : reader.string(object, key, path: path)
        guard let text else { return nil }
        guard let name = MailboxName(text) else {
            reader.problem(reader.join(path, key), "mailbox names are printable ASCII without quotes, backslashes, % or * ")
            return nil
        }
        return name
    }
}

/// libpq's `sslmode` values.
enum PostgresSSLMode: String {
    case disable, allow, prefer, require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"
}

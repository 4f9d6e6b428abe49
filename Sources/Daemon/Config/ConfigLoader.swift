import Foundation
import Requests

/// Finds and loads the configuration: `--config FILE`, else `$DSRD_CONFIG`,
/// else `/etc/dsrd/config.json`.
public enum ConfigLoader {
    /// Where the configuration is when neither `--config` nor `$DSRD_CONFIG` names it.
    public static let defaultPath = "/etc/dsrd/config.json"

    public static func path(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        explicit ?? environment["DSRD_CONFIG"].flatMap { $0.isEmpty ? nil : $0 } ?? defaultPath
    }

    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> Result<DaemonConfig, ConfigError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ConfigError(problems: [Problem(path: "(file)", message: "cannot read \(path)")]))
        }
        return ConfigParser.parse(Array(data), environment: environment).map { config in
            var config = config
            config.sourcePath = path
            return config
        }
    }

    /// Loads only what an operator's command needs (`OperatorConfig`):
    /// no IMAP, SMTP or logging secret is read, and those sections may be
    /// left out of the file altogether.
    public static func loadOperator(path: String, needs: OperatorConfig.Needs,
                                    environment: [String: String] = ProcessInfo.processInfo.environment)
        -> Result<OperatorConfig, ConfigError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ConfigError(problems: [Problem(path: "(file)", message: "cannot read \(path)")]))
        }
        return ConfigParser.parseOperator(Array(data), needs: needs, environment: environment).map { config in
            var config = config
            config.sourcePath = path
            return config
        }
    }
}

extension DaemonConfig {
    /// What `check-config` prints for a good config: every setting that
    /// matters, no secret.
    public var summary: [(String, String)] {
        [
            ("imap.url", imap.server.url),
            ("imap.tls", imap.server.tls.mode.rawValue + (imap.server.tls.caFile.map { " (ca_file \($0))" } ?? "")),
            ("imap.mailbox", imap.mailbox.rawValue),
            ("imap.processed_mailbox", imap.processedMailbox.rawValue),
            ("imap.review_mailbox", imap.reviewMailbox.rawValue),
            ("imap.username", imap.server.username ?? "-"),
            ("smtp.url", smtp.url),
            ("smtp.tls", smtp.tls.mode.rawValue),
            ("smtp.auth", smtp.username == nil ? "none" : "password"),
            ("sender", sender),
            ("postgres", "\(postgres.user)@\(postgres.host):\(postgres.port)/\(postgres.database) sslmode=\(postgres.sslMode)"),
            ("postgres.migration_user", schemaOwner.map { "\($0.user) (its password is read by dsrd migrate only)" }
                ?? "- (dsrd migrate needs it)"),
            ("poll_interval_seconds", String(pollIntervalSeconds)),
            ("delivery.max_attempts", String(deliveryMaxAttempts)),
            ("delivery.receipt_grace_seconds", String(receiptGraceSeconds)),
            ("intake.max_stored", "\(intake.maximumStoredBytesPerSenderPerDay) bytes per sender per day"),
            ("retention", "received mail \(retention.rawMailDays) days after close, sent mail "
                + "\(retention.sentMailDays) days after acceptance, cases \(retention.caseYears) years after close"),
            ("templates_dir", templatesDirectory ?? "-"),
            ("site_templates_dir", siteTemplatesDirectory.map { "\($0) (its files replace the shipped ones)" } ?? "-"),
            ("data_map", dataMapPath ?? "-"),
            ("identity.trusted_ids", identity.trustedAuthservIDs.isEmpty ? "-" : identity.trustedAuthservIDs.joined(separator: ",")),
            ("identity.results", "\(identity.resultsPosition.rawValue) the MX's Received line, "
                + "\(identity.internalReceivedHops) internal hop(s), "
                + (identity.resultsWithoutAuthservID ? "also without authserv-id" : "authserv-id required")),
            ("organisation", "\(organisation.name) (\(organisation.dpoDesignated ? "data protection officer" : "privacy contact") "
                + "\(organisation.dpoAddress))"),
            ("log_level", logLevel.rawValue),
            ("secrets", "read (not shown)"),
        ]
    }
}

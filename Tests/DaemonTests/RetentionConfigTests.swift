import Foundation
import MailCore
import Requests
import Testing
@testable import Daemon

/// `retention`, the storage cap and the schema owner's keys in the configuration.
@Suite struct RetentionConfigTests {
    static let base = """
    {"imap": {"url": "imap://127.0.0.1:1", "username": "u", "password": {"env": "P"}, "tls": "none"},
     "smtp": {"url": "smtp://127.0.0.1:2", "tls": "none"}, "sender": "notices@janteloppet.test",
     "organisation": {"name": "N", "dpo_address": "dpo@janteloppet.test"}, "log_id_key": {"env": "K"},
    """
    static let environment = ["P": "p", "K": "k", "PG": "daemon-secret", "OWNER": "owner-secret"]

    static func parse(_ rest: String, environment: [String: String] = environment) -> Result<DaemonConfig, ConfigError> {
        ConfigParser.parse(Array((base + rest).utf8), environment: environment)
    }

    static func paths(_ result: Result<DaemonConfig, ConfigError>) -> Set<String> {
        if case .failure(let error) = result { return Set(error.problems.map(\.path)) }
        return []
    }

    @Test func theDefaultsKeepMailThirtyAndSevenDaysAndCasesThreeYears() throws {
        let config = try Self.parse(#""postgres": {"host": "h", "database": "d", "user": "dsrd"}}"#).get()
        #expect(config.retention == .standard)
        #expect(config.intake.maximumStoredBytesPerSenderPerDay == 50 << 20)
        #expect(config.schemaOwner == nil)
        let summary = Dictionary(config.summary, uniquingKeysWith: { first, _ in first })
        #expect(summary["retention"] == "received mail 30 days after close, sent mail 7 days after acceptance, cases 3 years after close")
        #expect(summary["postgres.migration_user"] == "- (dsrd migrate needs it)")
        #expect(summary["intake.max_stored"] == "52428800 bytes per sender per day")
        // dsrd migrate refuses without the owner role.
        guard case .failure(let problem) = config.schemaOwnerConnection(environment: Self.environment) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(problem.description.contains("postgres.migration_user"))
    }

    @Test func retentionAndTheStorageCapAreReadAndRangeChecked() throws {
        let config = try Self.parse("""
            "postgres": {"host": "h", "database": "d", "user": "dsrd"},
            "retention": {"raw_mail_days": 90, "sent_mail_days": 1, "case_years": 5},
            "intake": {"max_stored_bytes_per_sender_per_day": 1048576}}
            """).get()
        #expect(config.retention == RetentionPolicy(rawMailDays: 90, sentMailDays: 1, caseYears: 5))
        #expect(config.intake.maximumStoredBytesPerSenderPerDay == 1 << 20)
        let components = try DaemonComponents.load({ var c = config; c.templatesDirectory = templatesFolder; return c }())
        #expect(components.daily.retention == config.retention)
        #expect(components.intake.maximumStoredBytesPerSenderPerDay == 1 << 20)
        #expect(components.writer.caseYears == 5)

        let bad = Self.parse("""
            "postgres": {"host": "h", "database": "d", "user": "dsrd"},
            "retention": {"raw_mail_days": 0, "sent_mail_days": "week", "case_years": 31, "audit_years": 9},
            "intake": {"max_stored_bytes_per_sender_per_day": 10}}
            """)
        #expect(Self.paths(bad) == ["retention.raw_mail_days", "retention.sent_mail_days", "retention.case_years",
                                    "retention.audit_years", "intake.max_stored_bytes_per_sender_per_day"])
    }

    /// The owner's password is a reference the parser checks in form but
    /// never reads: the daemon's environment need not (and should not) hold
    /// it. `dsrd migrate` reads it, and names its source when it cannot.
    @Test func theSchemaOwnersPasswordIsReadByMigrateOnly() throws {
        let text = """
            "postgres": {"host": "h", "database": "d", "user": "dsrd", "password": {"env": "PG"},
                         "migration_user": "dsrd_owner", "migration_password": {"env": "OWNER"}}}
            """
        let withoutOwnerSecret = Self.environment.filter { $0.key != "OWNER" }
        let config = try Self.parse(text, environment: withoutOwnerSecret).get()
        #expect(config.schemaOwner == DaemonConfig.SchemaOwner(user: "dsrd_owner", password: .environment("OWNER")))
        let summary = config.summary.map { "\($0.0) \($0.1)" }.joined(separator: "\n")
        #expect(summary.contains("postgres.migration_user dsrd_owner") && !summary.contains("owner-secret"))
        guard case .failure(let missing) = config.schemaOwnerConnection(environment: withoutOwnerSecret) else {
            Issue.record("expected the missing secret to be named")
            return
        }
        #expect(missing.description == "postgres.migration_password: environment variable OWNER is not set")
        let owner = try config.schemaOwnerConnection(environment: Self.environment).get()
        #expect(owner.user == "dsrd_owner" && owner.password == "owner-secret")
        #expect(owner.host == "h" && owner.database == "d" && owner.sslMode == config.postgres.sslMode)
        #expect(config.postgres.user == "dsrd" && config.postgres.password == "daemon-secret")

        #expect(Self.paths(Self.parse("""
            "postgres": {"host": "h", "database": "d", "user": "dsrd", "migration_user": "dsrd"}}
            """)) == ["postgres.migration_user"])
        #expect(Self.paths(Self.parse("""
            "postgres": {"host": "h", "database": "d", "user": "dsrd", "migration_password": {"env": "OWNER"}}}
            """)) == ["postgres.migration_user"])
        #expect(Self.paths(Self.parse("""
            "postgres": {"host": "h", "database": "d", "user": "dsrd", "migration_user": "o", "migration_password": "inline"}}
            """)) == ["postgres.migration_password"])
    }

    /// A reply with an attachment carries a copy of the person's data: the
    /// outbox clears its bytes once the mail server accepts it. The case
    /// period the replies state comes from `retention.case_years`.
    @Test func aReplyWithACopyIsMarkedAndRepliesStateTheCasePeriod() throws {
        var config = try Self.parse("""
            "postgres": {"host": "h", "database": "d", "user": "dsrd"}, "retention": {"case_years": 4}}
            """).get()
        config.templatesDirectory = templatesFolder
        let writer = try DaemonComponents.load(config).writer
        let day = try #require(Day(iso: "2026-12-06"))
        let context = ReplyWriter.Context(requestID: 1, reference: "DSR-2026-TEST1", language: .nb,
                                          recipient: "kari@example.no", receivedOn: day, dueOn: day, inReplyTo: nil,
                                          references: [])
        let copy = OutgoingAttachment(filename: "dsr-export.json", contentType: "application/json", data: Array("{}".utf8))
        let withCopy = try writer.reply(.noData, context: context, values: [:], attachments: [copy], date: Date())
        let without = try writer.reply(.noData, context: context, values: [:], date: Date())
        #expect(withCopy.carriesCopy && !without.carriesCopy)
        #expect(String(decoding: without.raw, as: UTF8.self).contains("4 =C3=A5r")
            || String(decoding: without.raw, as: UTF8.self).contains("4 år"))
    }
}

/// The repository's `Templates/` folder.
private let templatesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Templates").path

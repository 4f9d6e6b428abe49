import Foundation
import Requests
import Testing
@testable import Daemon

/// The operators' reading of a configuration: only what the command
/// needs, so the secrets it does not use are never read.
@Suite struct OperatorConfigTests {
    /// The daemon's whole configuration, with secrets only the daemon can read.
    private let daemonConfig = """
        {
          "imap": { "url": "imaps://mail.example.net", "username": "notices@example.net",
                    "password": { "credential": "imap-password" } },
          "smtp": { "url": "smtp://mail.example.net:587", "username": "notices", "password": { "credential": "smtp-password" } },
          "sender": "notices@example.net",
          "postgres": { "host": "db.example.net", "database": "crm", "user": "dsrd_operator",
                        "password": { "env": "TEST_PG_PASSWORD" } },
          "organisation": { "name": "Example AS", "dpo_address": "dpo@example.net" },
          "log_id_key": { "credential": "log-id-key" },
          "suppression_key": { "env": "TEST_SUPPRESSION_KEY" },
          "identity": { "strip_plus_tags": true },
          "templates_dir": "/",
          "log_level": "warning"
        }
        """

    /// No CREDENTIALS_DIRECTORY: the daemon's secrets cannot be read here.
    private let environment = ["TEST_PG_PASSWORD": "pg-secret", "TEST_SUPPRESSION_KEY": "s-key"]

    private func parse(_ text: String, needs: OperatorConfig.Needs, environment: [String: String]? = nil)
        -> Result<OperatorConfig, ConfigError> {
        ConfigParser.parseOperator(Array(text.utf8), needs: needs, environment: environment ?? self.environment)
    }

    @Test func theDatabaseAloneIsReadWithoutTheDaemonsSecrets() throws {
        // The daemon's reading refuses it: its credentials are not there.
        guard case .failure(let full) = ConfigParser.parse(Array(daemonConfig.utf8), environment: environment) else {
            Issue.record("the daemon's reading should need its credentials")
            return
        }
        #expect(full.problems.map(\.path).contains("imap.password"))
        let config = try parse(daemonConfig, needs: []).get()
        #expect(config.postgres.user == "dsrd_operator" && config.postgres.password == "pg-secret")
        #expect(config.identity.aliasRules.stripPlusTags)
        #expect(config.logLevel == .warning)
        #expect(config.templatesDirectory == nil && config.sender == nil && config.suppressionKey == nil)
    }

    @Test func anOperatorsFileNeedsNoMailSections() throws {
        let minimal = """
            { "postgres": { "host": "db.example.net", "database": "crm", "user": "dsrd_operator",
                            "password": { "env": "TEST_PG_PASSWORD" } },
              "templates_dir": "/", "sender": "notices@example.net",
              "organisation": { "name": "Example AS", "dpo_address": "dpo@example.net" } }
            """
        let config = try parse(minimal, needs: .replies).get()
        #expect(config.templatesDirectory == "/" && config.sender == "notices@example.net")
        #expect(config.organisation?.name == "Example AS")
        // Replies need the sender and the organisation; the database commands do not.
        let noSender = minimal.replacingOccurrences(of: #""sender": "notices@example.net","#, with: "")
        guard case .failure(let error) = parse(noSender, needs: .replies) else {
            Issue.record("replies need a sender")
            return
        }
        #expect(error.problems.map(\.path) == ["sender"])
        #expect((try? parse(noSender, needs: []).get()) != nil)
    }

    @Test func theSuppressionKeyIsReadWhenAskedAndItsAbsenceIsANoteNotARefusal() throws {
        let config = try parse(daemonConfig, needs: .addressKey).get()
        #expect(config.suppressionKey == Array("s-key".utf8) && config.suppressionKeyProblem == nil)
        let without = try parse(daemonConfig, needs: .addressKey, environment: ["TEST_PG_PASSWORD": "pg-secret"]).get()
        #expect(without.suppressionKey == nil)
        #expect(without.suppressionKeyProblem?.path == "suppression_key")
    }

    @Test func theSameChecksApplyToWhatIsRead() {
        let bad = daemonConfig.replacingOccurrences(of: #""log_level": "warning""#, with: #""log_level": "loud", "bogus": 1"#)
        guard case .failure(let error) = parse(bad, needs: []) else {
            Issue.record("an unknown key and a bad value are problems")
            return
        }
        #expect(error.problems.map(\.path).sorted() == ["bogus", "log_level"])
        guard case .failure(let unread) = parse(daemonConfig, needs: [], environment: [:]) else {
            Issue.record("the database password is needed")
            return
        }
        #expect(unread.problems.map(\.path) == ["postgres.password"])
    }

    @Test func theDefaultPathIsEtcDsrdWhenNothingNamesAnother() {
        #expect(ConfigLoader.path(explicit: nil, environment: [:]) == "/etc/dsrd/config.json")
        #expect(ConfigLoader.path(explicit: nil, environment: ["DSRD_CONFIG": ""]) == "/etc/dsrd/config.json")
        #expect(ConfigLoader.path(explicit: nil, environment: ["DSRD_CONFIG": "/srv/dsrd.json"]) == "/srv/dsrd.json")
        #expect(ConfigLoader.path(explicit: "/tmp/x.json", environment: ["DSRD_CONFIG": "/srv/dsrd.json"]) == "/tmp/x.json")
    }
}

import Foundation
import Requests
import Testing
@testable import Daemon

/// A complete, valid configuration whose secrets come from the environment.
private let validConfig = """
{
  "imap": { "url": "imaps://mail.example.net", "mailbox": "INBOX", "username": "notices@example.net",
            "password": { "env": "TEST_IMAP_PASSWORD" } },
  "smtp": { "url": "smtp://mail.example.net:587" },
  "sender": "notices@example.net",
  "postgres": { "host": "db.example.net", "database": "crm", "user": "dsrd", "password": { "env": "TEST_PG_PASSWORD" } },
  "organisation": { "name": "Example AS", "dpo_address": "dpo@example.net" },
  "log_id_key": { "env": "TEST_LOG_KEY" }
}
"""

private let environment = ["TEST_IMAP_PASSWORD": "imap-secret", "TEST_PG_PASSWORD": "pg-secret", "TEST_LOG_KEY": "log-key"]

private func problems(_ text: String, environment: [String: String] = environment) -> [Problem] {
    switch ConfigParser.parse(Array(text.utf8), environment: environment) {
    case .success: return []
    case .failure(let error): return error.problems
    }
}

private func edited(_ transform: (inout [String: Any]) -> Void) -> String {
    guard var object = (try? JSONSerialization.jsonObject(with: Data(validConfig.utf8))) as? [String: Any] else {
        Issue.record("fixture is not JSON")
        return "{}"
    }
    transform(&object)
    let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
    return String(decoding: data, as: UTF8.self)
}

@Test func validConfigParsesWithDefaultsAndSecrets() throws {
    let config = try ConfigParser.parse(Array(validConfig.utf8), environment: environment).get()
    #expect(config.imap.server.tls.mode == .implicit)
    #expect(config.smtp.tls.mode == .starttls)
    #expect(config.postgres.port == 5432)
    #expect(config.postgres.sslMode == "verify-full")
    #expect(config.postgres.password == "pg-secret")
    #expect(config.pollIntervalSeconds == 30)
    #expect(config.imap.processedMailbox.rawValue == "Processed")
    #expect(config.logLevel == .info)
    let summary = config.summary.map { "\($0.0) \($0.1)" }.joined(separator: "\n")
    #expect(!summary.contains("imap-secret") && !summary.contains("pg-secret") && !summary.contains("log-key"))
}

@Test func wrongTypeNamesTheKey() {
    let found = problems(edited { $0["poll_interval_seconds"] = "thirty" })
    #expect(found == [Problem(path: "poll_interval_seconds", message: "must be a number, found a string")])
}

@Test func missingKeyNamesTheKey() {
    let found = problems(edited { object in
        var postgres = object["postgres"] as? [String: Any] ?? [:]
        postgres.removeValue(forKey: "database")
        object["postgres"] = postgres
    })
    #expect(found == [Problem(path: "postgres.database", message: "missing key (a string)")])
}

@Test func unreadableSecretFileNamesTheKeyNotTheSecret() {
    let found = problems(edited { object in
        object["log_id_key"] = ["file": "/nonexistent/dsrd/log-key"]
    })
    #expect(found.count == 1)
    #expect(found.first?.path == "log_id_key")
    #expect(found.first?.message.contains("cannot read secret file") == true)
}

@Test func malformedURLAndInlineSecretAndUnknownKeyAreAllReported() {
    let found = problems(edited { object in
        var imap = object["imap"] as? [String: Any] ?? [:]
        imap["url"] = "imap:/missing-host"
        imap["password"] = "inline-secret"
        imap["mailboxx"] = "typo"
        object["imap"] = imap
    })
    let paths = found.map(\.path).sorted()
    #expect(paths == ["imap.mailboxx", "imap.password", "imap.url"])
    #expect(!found.map(\.description).joined().contains("inline-secret"))
}

@Test func missingEnvironmentSecretAndBadTLSAreReported() {
    let found = problems(edited { object in
        var smtp = object["smtp"] as? [String: Any] ?? [:]
        smtp["tls"] = "implicit"
        object["smtp"] = smtp
    }, environment: ["TEST_IMAP_PASSWORD": "x", "TEST_LOG_KEY": "y"])
    #expect(Set(found.map(\.path)) == ["smtp.tls", "postgres.password"])
}

@Test func notJSONIsOneClearProblem() {
    #expect(problems("{ not json") == [Problem(path: "(file)", message: "not valid JSON")])
}

@Test func exampleConfigInRepositoryIsValidWithItsSecrets() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let data = try Data(contentsOf: root.appendingPathComponent("config.example.json"))
    let text = String(decoding: data, as: UTF8.self)
    // The example reads its secrets from the environment or files: give them.
    let env = ["DSRD_IMAP_PASSWORD": "a", "DSRD_PG_PASSWORD": "b", "DSRD_LOG_ID_KEY": "c", "DSRD_SMTP_PASSWORD": "d",
               "DSRD_SUPPRESSION_KEY": "e"]
    let found = problems(text, environment: env)
    // Paths to files that exist only on a real host are the only acceptable problems.
    #expect(found.allSatisfy { $0.message.contains("not found") }, "\(found)")
}

@Test func optionalSectionsAreReadAndChecked() throws {
    let base = """
    {"imap": {"url": "imap://127.0.0.1:1", "username": "u", "password": {"env": "P"}, "tls": "none"},
     "smtp": {"url": "smtp://127.0.0.1:2", "tls": "none"}, "sender": "notices@janteloppet.test",
     "postgres": {"host": "h", "database": "d", "user": "u"},
     "organisation": {"name": "N", "dpo_address": "dpo@janteloppet.test"}, "log_id_key": {"env": "K"},
    """
    let env = ["P": "p", "K": "k", "S": "s"]
    let good = base + """
     "suppression_key": {"env": "S"},
     "identity": {"trusted_authserv_ids": ["mx.example.net"], "strip_plus_tags": true,
                  "plus_tag_domains": {"example.org": false}, "confirmation_expiry_days": 5,
                  "confirmation_reminder_days": null, "internal_received_hops": 2, "results_position": "below",
                  "results_without_authserv_id": true},
     "limits": {"sender_requests": 9, "global_window_minutes": 30},
     "digest": {"address": "ops@janteloppet.test", "hour": 6},
     "fulfilment": {"max_attachment_bytes": 2048}}
    """
    let config = try ConfigParser.parse(Array(good.utf8), environment: env).get()
    #expect(config.identity.trustedAuthservIDs == ["mx.example.net"])
    #expect(config.identity.senderTrust == SenderTrust(trustedAuthservIDs: ["mx.example.net"], internalReceivedHops: 2,
                                                       resultsPosition: .below, readsResultsWithoutAuthservID: true))
    #expect(config.identity.aliasRules.stripsPlusTags(forDomain: "example.no"))
    #expect(!config.identity.aliasRules.stripsPlusTags(forDomain: "EXAMPLE.org"))
    #expect(config.identity.confirmationPolicy.reminderAfter == nil)
    #expect(config.limits.senderRequests == 9 && config.limits.globalWindowMinutes == 30)
    #expect(config.limits.globalRequests == DaemonConfig.Limits.standard.globalRequests)
    #expect(config.digest == DaemonConfig.Digest(address: "ops@janteloppet.test", hour: 6))
    #expect(config.fulfilment.maximumAttachmentBytes == 2048)
    #expect(config.suppressionKey == Array("s".utf8))

    let bad = base + """
     "identity": {"trusted_authserv_ids": ["two words"], "confirmation_expiry_days": 3,
                  "confirmation_reminder_days": 3, "internal_received_hops": 11, "results_position": "middle",
                  "results_without_authserv_id": "yes"},
     "limits": {"sender_requests": 0}, "digest": {"hour": 24}}
    """
    let found = problems(bad, environment: env)
    #expect(Set(found.map(\.path)) == ["identity.trusted_authserv_ids[0]", "identity.internal_received_hops",
                                       "identity.results_position", "identity.results_without_authserv_id",
                                       "limits.sender_requests", "digest.hour"])
}

@Test func senderTrustDefaultsAndTheWarningWhenNothingCanBeTrusted() throws {
    var config = try ConfigParser.parse(Array(validConfig.utf8), environment: environment).get()
    #expect(config.identity.senderTrust == SenderTrust(trustedAuthservIDs: []))
    #expect(config.identity.senderTrust.resultsPosition == .above && config.identity.senderTrust.internalReceivedHops == 0)
    // Without a data map nothing is changed, so nothing to warn about.
    #expect(ConfigChecks.warnings(config).isEmpty)
    config.dataMapPath = "/etc/dsrd/datamap.json"
    #expect(ConfigChecks.warnings(config).map(\.path) == ["identity.trusted_authserv_ids"])
    config.identity.resultsWithoutAuthservID = true
    #expect(ConfigChecks.warnings(config).isEmpty)
    config.identity.resultsWithoutAuthservID = false
    config.identity.trustedAuthservIDs = ["mx.example.net"]
    #expect(ConfigChecks.warnings(config).isEmpty)
}

@Test func aMapThatNamesNoProcessorIsWarnedAbout() throws {
    var config = try ConfigParser.parse(Array(validConfig.utf8), environment: environment).get()
    config.identity.trustedAuthservIDs = ["mx.example.net"]
    let repositoryMap = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("deploy/datamap.json")
    config.dataMapPath = repositoryMap.path
    #expect(ConfigChecks.warnings(config).isEmpty)
    var root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: repositoryMap)) as? [String: Any])
    root["processors"] = [Any]()
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("dsrd-map-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: path) }
    try JSONSerialization.data(withJSONObject: root).write(to: path)
    config.dataMapPath = path.path
    let warnings = ConfigChecks.warnings(config)
    #expect(warnings.map(\.path) == ["data_map"])
    #expect(warnings.first?.message.hasPrefix("processors: empty") == true)
}

@Test func theDPOTitleIsUsedOnlyWhenTheConfigSaysOneIsDesignated() throws {
    let plain = try ConfigParser.parse(Array(validConfig.utf8), environment: environment).get()
    #expect(plain.organisation.dpoDesignated == false)
    #expect(plain.summary.first { $0.0 == "organisation" }?.1 == "Example AS (privacy contact dpo@example.net)")
    let designatedText = edited { $0["organisation"] = ["name": "Example AS", "dpo_address": "dpo@example.net", "dpo_designated": true] }
    let designated = try ConfigParser.parse(Array(designatedText.utf8), environment: environment).get()
    #expect(designated.organisation.dpoDesignated)
    #expect(designated.summary.first { $0.0 == "organisation" }?.1 == "Example AS (data protection officer dpo@example.net)")
    let wrong = edited { $0["organisation"] = ["name": "Example AS", "dpo_address": "dpo@example.net", "dpo_designated": "yes"] }
    #expect(problems(wrong).map(\.path) == ["organisation.dpo_designated"])
}

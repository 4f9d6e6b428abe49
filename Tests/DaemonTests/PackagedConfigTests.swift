import Foundation
import Requests
import Testing
@testable import Daemon

/// The repository's root, found from this file's path.
private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// `/etc/dsrd/config.json` of the Debian package (`deploy/debian/config.json`):
/// refused, key by key, until the site has filled in its values, and
/// valid once it has.
@Suite struct PackagedConfigTests {
    private let placeholders = [
        "data_map", "digest.address", "identity.trusted_authserv_ids[0]", "imap.url", "imap.username",
        "organisation.dpo_address", "organisation.name", "postgres.database", "postgres.host", "sender",
        "smtp.url", "smtp.username",
    ]

    private func packaged() throws -> [String: Any] {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("deploy/debian/config.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func theInstalledFileIsRefusedNamingEveryValueToFillIn() throws {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("deploy/debian/config.json"))
        guard case .failure(let error) = ConfigParser.parse(Array(data), environment: [:]) else {
            Issue.record("the packaged config must not pass before it is filled in")
            return
        }
        // Only the placeholders: nothing else is checked before they are gone.
        #expect(error.problems.map(\.path) == placeholders)
        #expect(error.problems.allSatisfy { $0.message == ConfigPlaceholders.message })
        // The operators' commands read the same file and refuse it the same way.
        guard case .failure(let operators) = ConfigParser.parseOperator(Array(data), needs: .replies, environment: [:]) else {
            Issue.record("the operators' reading must refuse it too")
            return
        }
        #expect(operators.problems.map(\.path) == placeholders)
    }

    @Test func filledInItPasses() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dsrd-packaged-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let credentials = folder.appendingPathComponent("credentials")
        let site = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: credentials, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: site.appendingPathComponent("nb"), withIntermediateDirectories: true)
        for name in ["imap-password", "smtp-password", "pg-password", "log-id-key", "suppression-key"] {
            try "secret-\(name)".write(to: credentials.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        var config = try packaged()
        var imap = try #require(config["imap"] as? [String: Any])
        imap["url"] = "imaps://imap.example.com"
        imap["username"] = "notices@example.com"
        config["imap"] = imap
        var smtp = try #require(config["smtp"] as? [String: Any])
        smtp["url"] = "smtp://smtp.example.com:587"
        smtp["username"] = "notices@example.com"
        config["smtp"] = smtp
        config["sender"] = "notices@example.com"
        var postgres = try #require(config["postgres"] as? [String: Any])
        postgres["host"] = "db.example.com"
        postgres["database"] = "crm"
        config["postgres"] = postgres
        config["organisation"] = ["name": "Example AS", "dpo_address": "privacy@example.com", "dpo_designated": false]
        config["data_map"] = repositoryRoot.appendingPathComponent("deploy/datamap.json").path
        config["identity"] = ["trusted_authserv_ids": ["mx.example.com"]]
        config["digest"] = ["address": "privacy@example.com", "hour": 7]
        // The installed paths, here the repository's templates and an empty site folder.
        #expect(config["templates_dir"] as? String == "/usr/share/dsrd/templates")
        #expect(config["site_templates_dir"] as? String == "/etc/dsrd/templates")
        config["templates_dir"] = repositoryRoot.appendingPathComponent("Templates").path
        config["site_templates_dir"] = site.path

        let data = try JSONSerialization.data(withJSONObject: config)
        let parsed = try ConfigParser.parse(Array(data), environment: ["CREDENTIALS_DIRECTORY": credentials.path]).get()
        #expect(parsed.siteTemplatesDirectory == site.path)
        #expect(parsed.schemaOwner?.user == "dsrd_owner")
        #expect(parsed.postgres.sslMode == "verify-full")
    }
}

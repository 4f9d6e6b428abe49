import Foundation
import Requests
import Testing
@testable import Daemon

private let shippedTemplates = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Templates").path

/// `site_templates_dir`: the site's reply templates, file by file over `templates_dir`.
@Suite struct SiteTemplatesConfigTests {
    private let base: [String: Any] = [
        "imap": ["url": "imaps://mail.example.net", "username": "notices@example.net", "password": ["env": "P"]],
        "smtp": ["url": "smtp://mail.example.net:587"],
        "sender": "notices@example.net",
        "postgres": ["host": "db.example.net", "database": "crm", "user": "dsrd", "password": ["env": "P"]],
        "organisation": ["name": "Example AS", "dpo_address": "dpo@example.net"],
        "log_id_key": ["env": "P"],
        "templates_dir": shippedTemplates,
    ]

    private func parse(_ change: (inout [String: Any]) -> Void) throws -> Result<DaemonConfig, ConfigError> {
        var object = base
        change(&object)
        return ConfigParser.parse(Array(try JSONSerialization.data(withJSONObject: object)), environment: ["P": "x"])
    }

    private func siteFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dsrd-site-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/nb", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/en", withIntermediateDirectories: true)
        return folder
    }

    @Test func itIsOptionalAndExistingConfigsKeepWorking() throws {
        let config = try parse { _ in }.get()
        #expect(config.siteTemplatesDirectory == nil)
        #expect(config.summary.contains { $0.0 == "site_templates_dir" && $0.1 == "-" })
        _ = try DaemonComponents.writer(config)
    }

    @Test func aFolderIsReadAndShownInTheSummary() throws {
        let site = try siteFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let config = try parse { $0["site_templates_dir"] = site }.get()
        #expect(config.siteTemplatesDirectory == site)
        #expect(config.summary.contains { $0.0 == "site_templates_dir" && $0.1.hasPrefix(site) })
        // The operators' commands that queue replies read it too.
        var object = base
        object["site_templates_dir"] = site
        let operators = try ConfigParser.parseOperator(Array(try JSONSerialization.data(withJSONObject: object)),
                                                       needs: .replies, environment: ["P": "x"]).get()
        #expect(operators.siteTemplatesDirectory == site)
    }

    @Test func aMissingFolderOrOneWithoutShippedTemplatesIsAProblem() throws {
        guard case .failure(let missing) = try parse({ $0["site_templates_dir"] = "/nonexistent-dsrd-site" }) else {
            Issue.record("a missing folder must be refused")
            return
        }
        #expect(missing.problems.map(\.path) == ["site_templates_dir"])
        let site = try siteFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        guard case .failure(let alone) = try parse({ $0["site_templates_dir"] = site; $0["templates_dir"] = nil }) else {
            Issue.record("site templates without shipped ones must be refused")
            return
        }
        #expect(alone.problems == [Problem(path: "site_templates_dir",
                                           message: "needs templates_dir: the site's files replace shipped ones, one by one")])
    }

    /// What `dsrd check-config` and `dsrd run` load: a misspelt site file
    /// or a broken one is a problem of `site_templates_dir` or of the file.
    @Test func theComponentsRefuseASiteFileThatNamesNoTemplate() throws {
        let site = try siteFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try "Subject: x\n\ny\n".write(toFile: site + "/en/refusl.txt", atomically: true, encoding: .utf8)
        let config = try parse { $0["site_templates_dir"] = site }.get()
        #expect(throws: DaemonComponents.LoadFailure.self) { try DaemonComponents.writer(config) }
        do {
            _ = try DaemonComponents.writer(config)
        } catch {
            #expect(error.problems.map(\.path) == ["site_templates_dir"])
            #expect(error.problems.first?.message.contains("refusl.txt") == true)
        }
        try FileManager.default.removeItem(atPath: site + "/en/refusl.txt")
        try "Subject: x\n\n{{nope}}\n".write(toFile: site + "/en/refusal.txt", atomically: true, encoding: .utf8)
        do {
            _ = try DaemonComponents.writer(config)
            Issue.record("a broken site file must be refused")
        } catch {
            #expect(error.problems.first?.message.contains(site + "/en/refusal.txt:3: unknown placeholder 'nope'") == true)
        }
    }
}

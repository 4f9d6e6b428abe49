import Daemon
import Foundation
import MailCore
import Records
import Requests
import Store
import Testing

/// A site folder (`site_templates_dir`, `/etc/dsrd/templates` in the Debian
/// package) holding one edited file: the shipped `nb/receipt.txt` or
/// `en/refusal.txt` with a line of the site's own under the greeting.
private struct SiteFolder {
    static let line = "Site wording 4711: this text comes from the site's own folder."
    let path = NSTemporaryDirectory() + "dsrd-site-templates-\(UUID().uuidString.prefix(8))"

    init(editing file: String) throws {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates").appendingPathComponent(file)
        let text = try String(contentsOf: shipped, encoding: .utf8)
        // The body starts after the first blank line (under Subject:).
        let edited = text.replacingOccurrences(of: "\n\n", with: "\n\n\(Self.line)\n\n", options: [],
                                               range: text.range(of: "\n\n"))
        for language in ["nb", "en"] {
            try FileManager.default.createDirectory(atPath: path + "/" + language, withIntermediateDirectories: true)
        }
        try edited.write(toFile: path + "/" + file, atomically: true, encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// An open request in English, due far ahead (so it may be extended), with
/// the message that opened it; its reference.
private func openEnglishRequest(_ client: PostgresClient) async throws -> String {
    let address = LocalStack.uniqueAddress("ola.smith", domain: "example.com")
    let receivedAt = Date()
    let farAhead: Day = try #require(Day(iso: "2099-06-01"))
    var request = TestData.Request(subject: address, receivedAt: receivedAt, dueOn: farAhead)
    request.reference = "T-SITE-" + UUID().uuidString.prefix(8).uppercased()
    request.kinds = [.access]
    let opened = request
    let messageID = "site-in-\(opened.reference.lowercased())@example.com"
    let raw = Array("From: \(address)\r\nSubject: Privacy\r\nMessage-ID: <\(messageID)>\r\n\r\nHello.\r\n".utf8)
    try await client.transaction { connection in
        let (id, _) = try TestData.open(opened, in: connection)
        try TestData.record(raw, messageID: messageID, for: id, mailbox: "test-site-templates", receivedAt: receivedAt,
                            in: connection)
    }
    return opened.reference
}

extension LiveStackTests {
    @Suite struct SiteTemplatesIntegrationTests {
        /// The daemon's receipts: the Norwegian one from the site's file,
        /// the English one (no site file) from the shipped folder.
        @Test func intakeAnswersWithTheSitesFileAndFallsBackToTheShippedOne() async throws {
            let site = try SiteFolder(editing: "nb/receipt.txt")
            defer { site.remove() }
            let harness = try IntakeHarness(siteTemplates: site.path)
            let kari = LocalStack.uniqueAddress("kari.nordmann", domain: "example.no")
            let ola = LocalStack.uniqueAddress("ola.smith", domain: "example.com")
            try await harness.deliver(requestMail(from: "Kari Nordmann <\(kari)>", to: harness.notices, subject: "Innsyn",
                                                  body: "Hei,\n\njeg ber om innsyn i alle personopplysninger dere har om meg.\n\nKari",
                                                  messageID: "site-nb-\(UUID().uuidString)@example.no"),
                                      from: kari, expectInbox: 1)
            try await harness.deliver(requestMail(from: "Ola Smith <\(ola)>", to: harness.notices, subject: "Access request",
                                                  body: "Hello,\n\nI ask for a copy of all personal data you hold about me.\n\nOla",
                                                  messageID: "site-en-\(UUID().uuidString)@example.com"),
                                      from: ola, expectInbox: 2)
            let report = try await harness.stage().runOnce()
            #expect(report.handled == 2)

            var receipts: [String: ParsedMessage] = [:]
            for request in try await harness.requests() {
                let outbox = try await harness.outbox(requestID: try request.int("id"))
                #expect(outbox.map { $0["template"] } == ["receipt"])
                receipts[try request.string("reply_language")] = MessageReader.read(try #require(outbox.first).bytes("raw"))
            }
            let nb = try #require(receipts["nb"])
            let en = try #require(receipts["en"])
            #expect(nb.text.contains(SiteFolder.line))
            #expect(nb.text.contains("Takk for forespørselen din"), "the rest of the site's file is the shipped text")
            #expect(!en.text.contains(SiteFolder.line))
            #expect(en.text.contains("Thank you for your request"))
        }

        /// The operators' commands (the `dsrd` binary under test, through
        /// the config file): a refusal from the site's file, an extension
        /// notice from the shipped one; `check-config` names a misspelt file.
        @Test func operatorRepliesAndCheckConfigUseTheSitesFolder() async throws {
            let site = try SiteFolder(editing: "en/refusal.txt")
            defer { site.remove() }
            let stack = try LocalStack()
            let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Templates").path
            let config = try configVariant(stack) {
                $0["templates_dir"] = templates
                $0["site_templates_dir"] = site.path
            }
            defer { try? FileManager.default.removeItem(atPath: config) }
            let request = try await openEnglishRequest(PostgresClient(configuration: stack.postgres))
            let environment = ["DSRD_CONFIG": config, "SUDO_USER": "kari"]

            let refusal = try await dsrd(["requests", "reject", request, "--ground", "art12-5", "--preview"],
                                         environment: environment)
            #expect(refusal.status == 0, "\(refusal.errors)")
            #expect(refusal.output.contains(SiteFolder.line))
            let extension_ = try await dsrd(["requests", "extend", request, "--ground", "many", "--preview"],
                                            environment: environment)
            #expect(extension_.status == 0, "\(extension_.errors)")
            #expect(extension_.output.contains("We have received many requests in a short time"))
            #expect(!extension_.output.contains(SiteFolder.line))

            let check = try await dsrd(["check-config"], environment: environment)
            #expect(check.status == 0, "\(check.errors)")
            #expect(check.output.contains("site_templates_dir") && check.output.contains(site.path))
            try "Subject: x\n\ny\n".write(toFile: site.path + "/en/refusl.txt", atomically: true, encoding: .utf8)
            let misspelt = try await dsrd(["check-config"], environment: environment)
            #expect(misspelt.status == 78)
            #expect((misspelt.output + misspelt.errors).contains("en/refusl.txt: names no reply template"),
                    "\(misspelt.output)\(misspelt.errors)")
        }
    }
}

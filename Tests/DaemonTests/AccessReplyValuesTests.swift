import CustomerData
import Foundation
import Testing
@testable import Daemon
import Requests

/// The repository's `Templates/` folder.
private let templatesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Templates").path

private func report(disclosures: [Disclosure]) -> AccessReport {
    let text = LocalizedText(en: "x", nb: "y")
    return AccessReport(subjectKey: "1", categories: [
        CategoryRows(table: "shop.people", category: LocalizedText(en: "Profile", nb: "Profil"), purpose: text,
                     legalBasis: text, retention: text, columns: ["id"], rows: [["1"]]),
        CategoryRows(table: "shop.orders", category: LocalizedText(en: "Orders", nb: "Bestillinger"), purpose: text,
                     legalBasis: text, retention: text, columns: ["id"], rows: [["1"], ["2"], ["3"]]),
    ], disclosures: disclosures)
}

private let common: TemplateValues = [
    "reference": "DSR-2026-0042", "organisation": "Shop AS", "dpo_address": "privacy@example.com",
    "received_date": "1 May 2026", "due_date": "1 June 2026", "case_period": "3 years",
]

struct AccessReplyValuesTests {
    // 2025-06-12 22:30 UTC: 13 June in Oslo.
    private let disclosure = Disclosure(partner: "Partner AS", date: Date(timeIntervalSince1970: 1_749_767_400), fields: ["name"])

    @Test func categoriesAndRecipientsInEnglish() throws {
        let values = AccessReplyValues.values(report(disclosures: [disclosure]), language: .en, attachmentName: "dsr-export-R.json")
        #expect(values["categories"] == .list([["name": "Profile", "count": "1 entry"], ["name": "Orders", "count": "3 entries"]]))
        #expect(values["recipients"] == .list([["name": "Partner AS", "date": "13 June 2025"]]))
        #expect(values["attachment_name"] == "dsr-export-R.json")
    }

    @Test func categoriesAndRecipientsInBokmal() {
        let values = AccessReplyValues.values(report(disclosures: [disclosure]), language: .nb, attachmentName: "a.json")
        #expect(values["categories"] == .list([["name": "Profil", "count": "1 oppføring"], ["name": "Bestillinger", "count": "3 oppføringer"]]))
        #expect(values["recipients"] == .list([["name": "Partner AS", "date": "13. juni 2025"]]))
    }

    @Test func theRepositoryTemplatesRenderWithTheseValues() throws {
        let templates = try TemplateSet.load(from: templatesFolder)
        let shared = AccessReplyValues.values(report(disclosures: [disclosure]), language: .nb, attachmentName: "dsr-export-R.json")
        let nb = try templates.render(.accessCompleted, language: .nb, values: common.merging(shared))
        #expect(nb.body.contains("- Bestillinger: 3 oppføringer"))
        #expect(nb.body.contains("- Partner AS (13. juni 2025)"))
        #expect(nb.body.contains("dsr-export-R.json"))
        let alone = AccessReplyValues.values(report(disclosures: []), language: .en, attachmentName: "a.json")
        let en = try templates.render(.accessCompleted, language: .en, values: common.merging(alone))
        #expect(en.body.contains("We have not shared your personal data"))
        #expect(!en.body.contains("We have shared data about you with"))
        let none = try templates.render(.noData, language: .en, values: common.merging(AccessReplyValues.noData()))
        #expect(none.body.contains("we have found none"))
    }
}

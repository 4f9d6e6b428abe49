import CustomerData
import Foundation
import Testing
@testable import Daemon
import Requests

/// The repository's `Templates/` folder.
private let templatesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Templates").path

private func text(_ en: String, _ nb: String) -> LocalizedText { LocalizedText(en: en, nb: nb) }

/// Three categories: orders and lines share purpose, basis and retention;
/// the profile has its own, a source and recipients; the diet is Art. 9 data.
private func report(disclosures: [Disclosure]) -> AccessReport {
    let accounts = text("Accounts", "Regnskap"), law = text("The law", "Loven"), fiveYears = text("Five years", "Fem år")
    return AccessReport(subjectKey: "1", categories: [
        CategoryRows(table: "shop.people", category: text("Profile", "Profil"), purpose: text("Service", "Tjeneste"),
                     legalBasis: text("Contract", "Avtale"), retention: text("Six years", "Seks år"),
                     source: text("From you", "Fra deg"), recipients: text("Partners get names", "Partnere får navn"),
                     columns: ["id"], rows: [["1"]]),
        CategoryRows(table: "shop.orders", category: text("Orders", "Bestillinger"), purpose: accounts,
                     legalBasis: law, retention: fiveYears, columns: ["id"], rows: [["1"], ["2"], ["3"]]),
        CategoryRows(table: "shop.lines", category: text("Order lines", "Ordrelinjer"), purpose: accounts,
                     legalBasis: law, retention: fiveYears, columns: ["id"], rows: [["1"]]),
        CategoryRows(table: "shop.diets", category: text("Diet", "Kost"), purpose: text("Food", "Mat"),
                     legalBasis: text("Explicit consent (Art. 9(2)(a))", "Uttrykkelig samtykke (art. 9 nr. 2 bokstav a)"),
                     retention: text("Six years", "Seks år"), source: text("From you", "Fra deg"), specialCategory: true,
                     columns: ["id"], rows: [["1"]]),
    ], disclosures: disclosures)
}

private let map = DataMap(
    subject: DataMapSubject(table: "shop.people", key: "id", emailColumn: "mail", nameColumns: ["name"]), tables: [],
    processors: [Processor(name: "Host AS", service: text("Hosting", "Drift"), country: "NO"),
                 Processor(name: "Mail Inc.", service: text("E-mail", "E-post"), country: "US",
                           safeguard: text("Standard contractual clauses", "Standardkontrakter"))],
    transfers: text("Mail leaves the EEA.", "E-post forlater EØS."))

private let files = AccessReplyValues.Files(json: "dsr-export-R.json", readable: "dsr-export-R.html")

private let common: TemplateValues = [
    "reference": "DSR-2026-0042", "organisation": "Shop AS", "dpo_address": "privacy@example.com",
    "received_date": "1 May 2026", "due_date": "1 June 2026", "case_period": "3 years",
]

struct AccessReplyValuesTests {
    // 2025-06-12 22:30 UTC: 13 June in Oslo.
    private let disclosure = Disclosure(partner: "Partner AS", date: Date(timeIntervalSince1970: 1_749_767_400), fields: ["name"])

    @Test func categoriesAndRecipientsInEnglish() throws {
        let values = AccessReplyValues.values(report(disclosures: [disclosure]), map: map, language: .en, files: files)
        #expect(values["categories"] == .list([["name": "Profile", "count": "1 entry"], ["name": "Orders", "count": "3 entries"],
                                               ["name": "Order lines", "count": "1 entry"], ["name": "Diet", "count": "1 entry"]]))
        #expect(values["recipients"] == .list([["name": "Partner AS", "date": "13 June 2025"]]))
        #expect(values["attachment_name"] == "dsr-export-R.json")
        #expect(values["readable_name"] == "dsr-export-R.html")
    }

    @Test func categoriesAndRecipientsInBokmal() {
        let values = AccessReplyValues.values(report(disclosures: [disclosure]), map: map, language: .nb, files: files)
        #expect(values["categories"] == .list([["name": "Profil", "count": "1 oppføring"], ["name": "Bestillinger", "count": "3 oppføringer"],
                                               ["name": "Ordrelinjer", "count": "1 oppføring"], ["name": "Kost", "count": "1 oppføring"]]))
        #expect(values["recipients"] == .list([["name": "Partner AS", "date": "13. juni 2025"]]))
    }

    /// Each distinct text once, naming the categories that share it, in the
    /// order of the copy; a category without a source or recipients text is
    /// not listed under them.
    @Test func theMapsTextsAreGroupedWhereCategoriesShareThem() {
        let nb = AccessReplyValues.values(report(disclosures: []), map: map, language: .nb, files: files)
        #expect(nb["purposes"] == .list([
            ["categories": "«Profil»", "purpose": "Tjeneste", "legal_basis": "Avtale"],
            ["categories": "«Bestillinger» og «Ordrelinjer»", "purpose": "Regnskap", "legal_basis": "Loven"],
            ["categories": "«Kost»", "purpose": "Mat", "legal_basis": "Uttrykkelig samtykke (art. 9 nr. 2 bokstav a)"],
        ]))
        #expect(nb["retention"] == .list([["categories": "«Profil» og «Kost»", "text": "Seks år"],
                                          ["categories": "«Bestillinger» og «Ordrelinjer»", "text": "Fem år"]]))
        #expect(nb["sources"] == .list([["categories": "«Profil» og «Kost»", "text": "Fra deg"]]))
        #expect(nb["shared_with"] == .list([["categories": "«Profil»", "text": "Partnere får navn"]]))
        let en = AccessReplyValues.values(report(disclosures: []), map: map, language: .en, files: files)
        #expect(en["retention"] == .list([["categories": "\u{201C}Profile\u{201D} and \u{201C}Diet\u{201D}", "text": "Six years"],
                                          ["categories": "\u{201C}Orders\u{201D} and \u{201C}Order lines\u{201D}", "text": "Five years"]]))
        #expect(AccessReplyValues.joined(["A", "B", "C"], .nb) == "«A», «B» og «C»")
        #expect(AccessReplyValues.joined([], .en) == "")
    }

    @Test func everyProcessorIsNamedWithItsCountryAndTheSafeguardOutsideTheEEA() {
        let nb = AccessReplyValues.values(report(disclosures: []), map: map, language: .nb, files: files)
        #expect(nb["processors"] == .list([
            ["name": "Host AS", "service": "Drift", "country": "Norge", "safeguard": ""],
            ["name": "Mail Inc.", "service": "E-post", "country": "USA", "safeguard": "Standardkontrakter"],
        ]))
        #expect(nb["transfers"] == "E-post forlater EØS.")
        #expect(nb["special_categories"] == .list([["name": "Kost", "legal_basis": "Uttrykkelig samtykke (art. 9 nr. 2 bokstav a)"]]))
    }

    @Test func theRepositoryTemplatesRenderWithTheseValues() throws {
        let templates = try TemplateSet.load(from: templatesFolder)
        let shared = AccessReplyValues.values(report(disclosures: [disclosure]), map: map, language: .nb, files: files)
        let nb = try templates.render(.accessCompleted, language: .nb, values: common.merging(shared))
        #expect(nb.body.contains("- Bestillinger: 3 oppføringer"))
        #expect(nb.body.contains("- Partner AS (13. juni 2025)"))
        #expect(nb.body.contains("dsr-export-R.json") && nb.body.contains("dsr-export-R.html"))
        #expect(nb.body.contains("- «Bestillinger» og «Ordrelinjer»\n  Formål: Regnskap\n  Grunnlag: Loven"))
        #expect(nb.body.contains("- «Profil» og «Kost»: Seks år"))
        #expect(nb.body.contains("- Host AS (Norge): Drift\n"))
        #expect(nb.body.contains("- Mail Inc. (USA): E-post. Grunnlag for overføringen: Standardkontrakter"))
        #expect(nb.body.contains("E-post forlater EØS."))
        #expect(nb.body.contains("særlige kategorier av personopplysninger (artikkel 9)"))
        #expect(nb.body.contains("- Kost. Grunnlag: Uttrykkelig samtykke (art. 9 nr. 2 bokstav a)"))
        #expect(nb.body.contains("trekke samtykket tilbake (artikkel 7 nr. 3)"))
        var alone = AccessReplyValues.values(report(disclosures: []), map: map, language: .en, files: files)
        alone["special_categories"] = .list([])
        let en = try templates.render(.accessCompleted, language: .en, values: common.merging(alone))
        #expect(en.body.contains("We have not shared data about you with any event partner."))
        #expect(!en.body.contains("We have shared data about you with"))
        #expect(!en.body.contains("special categories"))
        #expect(en.body.contains("withdraw that consent at any time\n(Article 7(3))"))
        let none = try templates.render(.noData, language: .en, values: common.merging(AccessReplyValues.noData()))
        #expect(none.body.contains("we have found none"))
    }
}

import Foundation
import Testing
@testable import Requests

/// The repository's `Templates/` folder, found from this file's path.
private let shippedFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Templates").path

/// An empty site folder with the two language folders, as the package installs it.
private func emptySiteFolder() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dsrd-site-\(UUID().uuidString)").path
    for language in ["nb", "en"] {
        try FileManager.default.createDirectory(atPath: folder + "/" + language, withIntermediateDirectories: true)
    }
    try "Copy a file from the shipped folder here to change it.\n".write(toFile: folder + "/README", atomically: true,
                                                                         encoding: .utf8)
    return folder
}

private let receiptValues: TemplateValues = [
    "reference": "DSR-2026-7KQ3M", "organisation": "Janteloppet AS", "dpo_address": "personvern@janteloppet.test",
    "received_date": "2026-03-02", "due_date": "2026-04-07", "case_period": "3 years",
    "access": true, "rectify": false, "erase": false, "object": false, "changes": .list([]),
]

@Suite("The site's templates over the shipped ones")
struct SiteTemplateFolderTests {
    @Test func aSiteFileReplacesTheShippedOneAndTheOthersStay() throws {
        let site = try emptySiteFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try "Subject: Mottatt [{{reference}}]\n\nVår egen juridiske tekst for {{organisation}}.\n"
            .write(toFile: site + "/nb/receipt.txt", atomically: true, encoding: .utf8)

        let set = try TemplateSet.load(from: shippedFolder, siteDirectory: site)
        let nb = try set.render(.receipt, language: .nb, values: receiptValues)
        #expect(nb.subject == "Mottatt [DSR-2026-7KQ3M]")
        #expect(nb.body == "Vår egen juridiske tekst for Janteloppet AS.")
        // The English receipt has no site file: the shipped text, as without a site folder.
        let shipped = try TemplateSet.load(from: shippedFolder)
        #expect(try set.render(.receipt, language: .en, values: receiptValues)
            == shipped.render(.receipt, language: .en, values: receiptValues))
    }

    @Test func anEmptySiteFolderChangesNothing() throws {
        let site = try emptySiteFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let set = try TemplateSet.load(from: shippedFolder, siteDirectory: site)
        let shipped = try TemplateSet.load(from: shippedFolder)
        #expect(try set.render(.receipt, language: .nb, values: receiptValues)
            == shipped.render(.receipt, language: .nb, values: receiptValues))
    }

    /// A site file is checked as strictly as a shipped one, and named.
    @Test func aBrokenSiteFileIsNamed() throws {
        let site = try emptySiteFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try "Subject: [{{reference}}]\n\n{{due_dat}}\n".write(toFile: site + "/en/refusal.txt", atomically: true, encoding: .utf8)
        #expect(throws: TemplateError.unknownPlaceholder(file: site + "/en/refusal.txt", line: 3, name: "due_dat")) {
            try TemplateSet.load(from: shippedFolder, siteDirectory: site)
        }
    }

    /// A misspelt file or a folder that is no language would never be
    /// read; the shipped text would go out instead, so loading refuses it.
    @Test func aFileThatNamesNoTemplateIsRefused() throws {
        let site = try emptySiteFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try "Subject: x\n\ny\n".write(toFile: site + "/nb/reciept.txt", atomically: true, encoding: .utf8)
        #expect(throws: TemplateError.unknownSiteFile(path: site + "/nb/reciept.txt")) {
            try TemplateSet.load(from: shippedFolder, siteDirectory: site)
        }
        try FileManager.default.removeItem(atPath: site + "/nb/reciept.txt")
        // An editor's backup beside a template is not a template.
        try "old".write(toFile: site + "/nb/receipt.txt~", atomically: true, encoding: .utf8)
        _ = try TemplateSet.load(from: shippedFolder, siteDirectory: site)
        try FileManager.default.createDirectory(atPath: site + "/sv", withIntermediateDirectories: true)
        #expect(throws: TemplateError.unknownSiteFile(path: site + "/sv")) {
            try TemplateSet.load(from: shippedFolder, siteDirectory: site)
        }
    }
}

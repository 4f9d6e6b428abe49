import Foundation
import Testing
@testable import Requests

/// The repository's `Templates/` folder, found from this file's path.
private let templatesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // RequestsTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // package root
    .appendingPathComponent("Templates").path

/// Values for every template, with fictional content only.
func sampleValues(for template: ReplyTemplate) -> TemplateValues {
    let common: TemplateValues = [
        "reference": "DSR-2026-7KQ3M",
        "organisation": "Janteloppet AS",
        "dpo_address": "personvernombud@janteloppet.test",
        "received_date": "2026-03-02",
        "due_date": "2026-04-07",
        "case_period": "3 years",
    ]
    let own: TemplateValues
    switch template {
    case .receipt:
        own = ["access": true, "rectify": true, "erase": true, "object": true,
               "changes": [["field": "Phone", "new_value": "+4741234567"]]]
    case .accessCompleted:
        own = [
            "categories": [["name": "Registrations", "count": "3"], ["name": "Invoices", "count": "1"]],
            "purposes": [["categories": "Registrations", "purpose": "Running the event", "legal_basis": "Art. 6(1)(b)"]],
            "retention": [["categories": "Invoices", "text": "Five years"]],
            "sources": [["categories": "Registrations", "text": "From you"]],
            "shared_with": [["categories": "Registrations", "text": "Event partners"]],
            "special_categories": [["name": "Dietary needs", "legal_basis": "Art. 9(2)(a)"]],
            "attachment_name": "DSR-2026-7KQ3M.json",
            "readable_name": "DSR-2026-7KQ3M.html",
            "recipients": [["name": "Example Partner AS", "date": "2026-01-15"]],
            "processors": [["name": "Example Hosting AS", "service": "Hosting", "country": "Norway", "safeguard": ""]],
            "transfers": "We keep your data in the EEA.",
        ]
    case .rectifyCompleted:
        own = ["changes": [["field": "Phone", "new_value": "+47 400 00 000"]]]
    case .eraseCompleted:
        own = [
            "erased": [["category": "Registrations"], ["category": "Newsletter subscription"]],
            "kept": [["category": "Invoices", "reason": "Bookkeeping Act § 13", "until": "2031-12-31"]],
            "consent_only": false,
        ]
    case .objectCompleted:
        own = ["changes": [["what": "Newsletter", "from_date": "2026-03-03"]]]
    case .confirmationNeeded, .confirmationReminder:
        own = ["token": "K7Q-29F", "expires_date": "2026-03-16", "erase": true, "rectify": true,
               "requested_by": "ola@example.net", "changes": [["field": "phone number", "new_value": "+47 400 00 000"]]]
    case .noData:
        own = ["other_address": true]
    case .confirmationExpired, .accessTooLarge:
        own = [:]
    case .partnerNotice:
        own = [
            "subject_address": "kari@example.no", "person": [],
            "disclosures": [["date": "2026-03-01", "fields": "first_name"]],
            "erased": false, "rectified": true, "changes": [["field": "phone number", "new_value": "+4748213579"]],
            "objected": false, "list_dates": "2026-03-01",
        ]
    case .moreInformation:
        own = ["fields": [["name": "Name"], ["name": "Phone"]], "problem": "We could not tell which event you meant."]
    case .extension:
        own = ["new_due_date": "2026-06-08", "reason": "Many requests arrived at once."]
    case .refusal:
        own = ["reason": "The request is manifestly unfounded."]
    case .operatorNote:
        own = ["state": "needs_review", "reason": "unclear kind", "object": true, "sender_verdict": "dmarc=pass"]
    }
    return common.merging(own)
}

/// A copy of the real templates in a fresh temporary folder, removed by the caller.
private func copyOfTemplates() throws -> String {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("dsrd-templates-\(UUID().uuidString)").path
    try FileManager.default.copyItem(atPath: templatesFolder, toPath: folder)
    return folder
}

@Suite("Template set and the repository's templates")
struct TemplateSetTests {
    @Test func theRepositoryTemplatesLoad() throws {
        _ = try TemplateSet.load(from: templatesFolder)
    }

    @Test("every template renders", arguments: ReplyTemplate.allCases, ReplyLanguage.allCases)
    func everyTemplateRenders(template: ReplyTemplate, language: ReplyLanguage) throws {
        let set = try TemplateSet.load(from: templatesFolder)
        let reply = try set.render(template, language: language, values: sampleValues(for: template))
        for text in [reply.subject, reply.body] {
            #expect(!text.contains("{{") && !text.contains("}}"), "\(language)/\(template)")
            #expect(!text.contains("##"))
            #expect(!text.contains("\r"))
        }
        #expect(reply.subject.contains("DSR-2026-7KQ3M"))
        #expect(!reply.subject.contains("\n"))
        #expect(reply.body.contains("personvernombud@janteloppet.test"))
        #expect(reply.body.contains("DSR-2026-7KQ3M"))
        #expect(!reply.body.isEmpty && !reply.body.hasPrefix("\n") && !reply.body.hasSuffix("\n"))
        #expect(!reply.body.contains("\n\n\n"))
        for line in reply.body.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(line.last.map { !$0.isWhitespace } ?? true, "trailing space in \(language)/\(template)")
        }
    }

    @Test("decisions tell of the right to complain", arguments: [
        ReplyTemplate.refusal, .confirmationExpired, .noData, .accessCompleted, .eraseCompleted,
    ], ReplyLanguage.allCases)
    func decisionsTellOfComplaint(template: ReplyTemplate, language: ReplyLanguage) throws {
        let set = try TemplateSet.load(from: templatesFolder)
        let body = try set.render(template, language: language, values: sampleValues(for: template)).body
        #expect(body.contains("Datatilsynet"))
        #expect(body.contains("https://www.datatilsynet.no"))
    }

    @Test(arguments: ReplyLanguage.allCases)
    func refusalNamesCourtsAndArticle12(language: ReplyLanguage) throws {
        let set = try TemplateSet.load(from: templatesFolder)
        let body = try set.render(.refusal, language: language, values: sampleValues(for: .refusal)).body
        #expect(body.contains(language == .nb ? "domstolene" : "court"))
        #expect(body.contains(language == .nb ? "artikkel 12 nr. 4" : "Article 12(4)"))
        #expect(body.contains("The request is manifestly unfounded."))
    }

    @Test func sectionsFollowTheValues() throws {
        let set = try TemplateSet.load(from: templatesFolder)
        var values = sampleValues(for: .receipt)
        values["rectify"] = false
        values["object"] = false
        let body = try set.render(.receipt, language: .en, values: values).body
        #expect(body.contains("Article 15") && body.contains("Article 17"))
        #expect(!body.contains("Article 16") && !body.contains("Article 21"))
        #expect(!body.contains("+4741234567"))
        values["rectify"] = true
        let corrected = try set.render(.receipt, language: .en, values: values).body
        #expect(corrected.contains("  - Phone: +4741234567"))

        var erase = sampleValues(for: .eraseCompleted)
        erase["kept"] = .list([])
        let erased = try set.render(.eraseCompleted, language: .nb, values: erase).body
        #expect(erased.contains("har vi ikke beholdt"))
        #expect(!erased.contains("Bookkeeping Act"))
        let kept = try set.render(.eraseCompleted, language: .nb, values: sampleValues(for: .eraseCompleted)).body
        #expect(kept.contains("- Invoices: Bookkeeping Act § 13 (til 2031-12-31)"))
    }

    @Test func optionalValuesMayBeLeftOut() throws {
        let set = try TemplateSet.load(from: templatesFolder)
        var values = sampleValues(for: .moreInformation)
        values["problem"] = nil
        let body = try set.render(.moreInformation, language: .en, values: values).body
        #expect(!body.contains("We could not tell"))
        #expect(body.contains("- Phone"))
    }

    @Test func subjectValuesLoseLineBreaks() throws {
        let set = try TemplateSet.load(from: templatesFolder)
        var values = sampleValues(for: .operatorNote)
        values["state"] = "needs\r\nreview"
        let reply = try set.render(.operatorNote, language: .en, values: values)
        #expect(reply.subject == "[dsrd] DSR-2026-7KQ3M: needs review")
    }

    @Test func missingRequiredValuesAreNamed() throws {
        let set = try TemplateSet.load(from: templatesFolder)
        var values = sampleValues(for: .refusal)
        values["reason"] = nil
        #expect(throws: TemplateError.missingValue(file: templatesFolder + "/en/refusal.txt", name: "reason")) {
            try set.render(.refusal, language: .en, values: values)
        }
        var access = sampleValues(for: .accessCompleted)
        access["categories"] = [["name": "Registrations"]]
        #expect(throws: TemplateError.missingValue(
            file: templatesFolder + "/nb/access_completed.txt", name: "categories.count")) {
            try set.render(.accessCompleted, language: .nb, values: access)
        }
        var flags = sampleValues(for: .receipt)
        flags["erase"] = "yes"
        #expect(throws: TemplateError.wrongValueKind(
            file: templatesFolder + "/en/receipt.txt", name: "erase", expected: "flag")) {
            try set.render(.receipt, language: .en, values: flags)
        }
    }

    @Test func aMissingFileIsNamed() throws {
        let folder = try copyOfTemplates()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.removeItem(atPath: folder + "/nb/refusal.txt")
        #expect(throws: TemplateError.missingFile(path: folder + "/nb/refusal.txt")) {
            try TemplateSet.load(from: folder)
        }
        #expect(throws: TemplateError.missingFile(path: "/nonexistent-dsrd-folder/nb/receipt.txt")) {
            try TemplateSet.load(from: "/nonexistent-dsrd-folder")
        }
    }

    @Test func anUnknownPlaceholderIsNamedWithFileAndLine() throws {
        let folder = try copyOfTemplates()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/en/extension.txt"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let lineCount = original.split(separator: "\n", omittingEmptySubsequences: false).count
        try (original + "Until {{new_due_dat}}.\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: TemplateError.unknownPlaceholder(file: path, line: lineCount, name: "new_due_dat")) {
            try TemplateSet.load(from: folder)
        }
    }

    @Test func placeholdersMustBeUsedAsTheirKind() throws {
        let folder = try copyOfTemplates()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/nb/erase_completed.txt"
        try "Subject: [{{reference}}]\n\nHei\n{{kept}}\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: TemplateError.self) { try TemplateSet.load(from: folder) }
        do {
            _ = try TemplateSet.load(from: folder)
        } catch let error as TemplateError {
            guard case .wrongUse(let file, let line, let name, _) = error else {
                Issue.record("expected wrongUse, got \(error)")
                return
            }
            #expect(file == path && line == 4 && name == "kept")
        }
        // An item's field is unknown outside its list.
        try "Subject: [{{reference}}]\n\n{{category}}\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: TemplateError.unknownPlaceholder(file: path, line: 3, name: "category")) {
            try TemplateSet.load(from: folder)
        }
        // A placeholder of another template is unknown here.
        try "Subject: [{{reference}}]\n\n{{token}}\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: TemplateError.unknownPlaceholder(file: path, line: 3, name: "token")) {
            try TemplateSet.load(from: folder)
        }
    }

    @Test func theTemplateFoldersHoldExactlyTheCatalogue() throws {
        let expected = Set(ReplyTemplate.allCases.map(\.fileName))
        #expect(expected.count == 15)
        for language in ReplyLanguage.allCases {
            let files = try FileManager.default.contentsOfDirectory(atPath: templatesFolder + "/" + language.rawValue)
            #expect(Set(files) == expected, "\(language)")
        }
    }
}

@Suite("Reply language")
struct TemplateLanguageTests {
    @Test(arguments: [
        ("nb", ReplyLanguage.nb), ("nn", .nb), ("no", .nb), ("sv", .nb), ("da", .nb),
        ("nb-NO", .nb), ("NN_no", .nb), (" sv-SE ", .nb), ("DA", .nb),
        ("nob", .nb), ("nno-NO", .nb), ("swe", .nb),
        ("en", .en), ("en-GB", .en), ("de", .en), ("fi", .en), ("", .en), ("nbx", .en), ("-", .en), ("-nb", .en),
    ])
    func languageForWriter(code: String, expected: ReplyLanguage) {
        #expect(ReplyLanguage.forWriter(code) == expected)
    }

    @Test(arguments: [
        (String?("en"), String?("privacy@example.no"), ReplyLanguage.en), ("nb-NO", "privacy@example.com", .nb),
        ("sv", nil, .nb), (nil, "personvern@example.no", .nb), ("", "Personvern@Example.NO.", .nb),
        (" ", "privacy@example.com", .en), (nil, "privacy@example.net", .en), (nil, "privacy@example.nol", .en),
        (nil, nil, .en),
    ])
    func languageForPartner(stored: String?, address: String?, expected: ReplyLanguage) {
        #expect(ReplyLanguage.forPartner(stored: stored, address: address) == expected)
    }

    @Test func datesAreWrittenInTheReplyLanguage() throws {
        let day = try #require(Day(year: 2026, month: 5, day: 17))
        #expect(ReplyLanguage.nb.dateText(day) == "17. mai 2026")
        #expect(ReplyLanguage.en.dateText(day) == "17 May 2026")
        let newYear = try #require(Day(year: 2027, month: 1, day: 1))
        #expect(ReplyLanguage.nb.dateText(newYear) == "1. januar 2027")
        #expect(ReplyLanguage.en.dateText(newYear) == "1 January 2027")
    }
}

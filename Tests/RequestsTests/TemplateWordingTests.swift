import Foundation
import Testing
@testable import Requests

/// The repository's `Templates/` folder, found from this file's path.
private let templatesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Templates").path

/// Every template file's text, `language/file.txt` → text.
private func templateTexts(_ language: ReplyLanguage) throws -> [(String, String)] {
    let folder = templatesFolder + "/" + language.rawValue
    return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { file in
        ("\(language.rawValue)/\(file)", try String(contentsOfFile: folder + "/" + file, encoding: .utf8))
    }
}

/// The wording faults the review of the replies found (operators-and-replies.md,
/// part c: C1 bokmål 1–18, C2 English 19–22, C3 legal L1–L11) must not come
/// back: each phrase below is one of them, as it was written.
@Suite("Template wording")
struct TemplateWordingTests {
    static let faultyBokmal: [(phrase: String, finding: String)] = [
        ("til når det er nødvendig", "1: ungrammatical 'til når'"),
        ("allerede er påmeldt:", "2: 'påmeldt' without 'til'"),
        ("som du har gitt oss", "3: one does not 'give' a need"),
        ("som de har gitt oss", "3: one does not 'give' a need"),
        ("\n{{received_date}} mottok vi", "4: a sentence opening with the date"),
        ("i tide, og har derfor", "5: comma before 'og' without a subject"),
        ("Svar bare på denne e-posten", "6: reads as 'reply only to this e-mail'"),
        ("om personen med e-postadressen", "7: two stacked 'med' phrases"),
        ("\n  Slett opplysningene", "8: a bare imperative to a partner"),
        ("\n  Rett opplysningene", "8: a bare imperative to a partner"),
        ("]: vi har sluttet\n", "9: 'stopped' what?"),
        ("våre medarbeidere", "10: Swedish-flavoured"),
        ("(kostbehovene dine)", "11: the category hard-coded"),
        (": skriv til oss", "11: lower case after the colon"),
        ("det protesteres mot", "12: impersonal passive"),
        ("gjør vi ingenting med den.", "13: 'den' is ambiguous"),
        ("Koden gjelder til {{expires_date}}", "14: is the date included?"),
        ("for din forespørsel", "15: a fronted possessive"),
        ("samarbeidspartner", "16: one term for partners"),
        ("med andre virksomheter", "16: one term for partners"),
        ("henvendelse", "18: 'forespørselen' throughout"),
        ("det vil si én måned", "receipt: wrong after a holiday"),
        ("\nPersonvernombud:", "L1: the DPO title without a designated DPO"),
        ("personvernombudet", "L1: the DPO title without a designated DPO"),
        ("med tillatelse", "20: 'med samtykke'"),
        ("ikke kan etterkomme", "21: 'decided not to' in both languages"),
    ]

    static let faultyEnglish: [(phrase: String, finding: String)] = [
        ("on consent", "19: 'with your consent'"),
        ("with permission", "20: 'with your consent'"),
        ("Subject: Re:", "22: subjects as in bokmål"),
        ("One of our staff", "10: contact, or delivery, by that date?"),
        ("]: we have stopped\n", "9: 'stopped' what?"),
        ("a purpose that is objected to", "12: impersonal passive"),
        ("valid until {{expires_date}}", "14: is the date included?"),
        ("shared the data with others", "16: one term for partners"),
        ("\nData protection officer:", "L1: the DPO title without a designated DPO"),
        ("data protection\nofficer if", "L1: the DPO title without a designated DPO"),
    ]

    @Test func noBokmalTemplateHasAFaultyPhrase() throws {
        for (file, text) in try templateTexts(.nb) {
            for (phrase, finding) in Self.faultyBokmal {
                #expect(!text.contains(phrase), "\(file): \(finding)")
            }
        }
    }

    @Test func noEnglishTemplateHasAFaultyPhrase() throws {
        for (file, text) in try templateTexts(.en) {
            for (phrase, finding) in Self.faultyEnglish {
                #expect(!text.contains(phrase), "\(file): \(finding)")
            }
        }
    }

    /// The access texts use the word Norwegians know for Art. 15 (finding 17).
    @Test func theAccessTextsSayInnsyn() throws {
        let texts = Dictionary(uniqueKeysWithValues: try templateTexts(.nb))
        for file in ["nb/receipt.txt", "nb/access_completed.txt", "nb/access_too_large.txt", "nb/confirmation_needed.txt"] {
            #expect(texts[file]?.contains("innsyn i og en kopi") == true, "\(file)")
        }
    }

    /// The contact is a "personvernansvarlig" / "privacy contact" unless a
    /// DPO is designated (`organisation.dpo_designated`, review L1).
    @Test(arguments: ReplyLanguage.allCases)
    func theContactsTitleFollowsTheDesignation(language: ReplyLanguage) throws {
        let set = try TemplateSet.load(from: templatesFolder)
        let contact = language == .nb ? "Personvernansvarlig: privacy@example.com" : "Privacy contact: privacy@example.com"
        let officer = language == .nb ? "Personvernombud: privacy@example.com" : "Data protection officer: privacy@example.com"
        for template in ReplyTemplate.allCases where ![.partnerNotice, .operatorNote].contains(template) {
            var values = sampleValues(for: template)
            values["dpo_address"] = "privacy@example.com"
            let plain = try set.render(template, language: language, values: values).body
            #expect(plain.contains(contact) && !plain.contains(officer), "\(template)")
            values["dpo_designated"] = true
            let designated = try set.render(template, language: language, values: values).body
            #expect(designated.contains(officer) && !designated.contains(contact), "\(template)")
        }
    }
}

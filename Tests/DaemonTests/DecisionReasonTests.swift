import Foundation
import Testing
@testable import Daemon
import Requests

/// The repository's `Templates/` folder.
private let templatesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Templates").path

private let common: TemplateValues = [
    "reference": "DSR-2026-0042", "organisation": "Shop AS", "dpo_address": "privacy@example.com",
    "received_date": "1 May 2026", "due_date": "1 June 2026", "new_due_date": "1 August 2026", "case_period": "3 years",
]

/// A refusal's or extension's reason: named grounds and text per language.
struct DecisionReasonTests {
    @Test func aReasonNeedsAGroundOrTextInTheRepliesLanguage() {
        let english = DecisionReason(texts: [.en: " Not yours. ", .nb: "  "])
        #expect(english.isComplete(for: .en) && !english.isComplete(for: .nb))
        #expect(english.text(.en) == "Not yours." && english.texts[.nb] == nil)
        let typed = DecisionReason(replyLanguageText: "Skrevet på svarets språk.")
        #expect(typed.isComplete(for: .nb) && typed.isComplete(for: .en))
        let ground = DecisionReason(grounds: [.manifestlyUnfounded])
        #expect(ground.isComplete(for: .nb) && ground.text(.nb) == "")
        #expect(DecisionReason(grounds: [.accessException], texts: [.nb: "Interne notater."]).summary(.nb)
                == "ground pol16; Interne notater.")
        #expect(!DecisionReason().isComplete(for: .en))
    }

    @Test func theTemplateValuesFlagTheGroundsOfTheDecision() {
        let values = DecisionReason(grounds: [.rightsOfOthers], texts: [.en: "x"]).templateValues(.en, decision: .refusal)
        #expect(values["reason"] == "x")
        #expect(values["ground_art15_4"] == .flag(true) && values["ground_art12_5"] == .flag(false))
        #expect(values["ground_pol16"] == .flag(false) && values["ground_complexity"] == nil)
        #expect(DecisionGround.all(for: .extension) == [.complexity, .volume])
    }

    /// Every ground is worded in both languages, citing its article; the
    /// decision reads "decided not to" in both (review finding 21).
    @Test(arguments: ReplyLanguage.allCases)
    func everyGroundIsWordedInEveryLanguage(language: ReplyLanguage) throws {
        let templates = try TemplateSet.load(from: templatesFolder)
        let citations: [DecisionGround: String] = language == .nb
            ? [.manifestlyUnfounded: "artikkel 12 nr. 5 bokstav b", .rightsOfOthers: "artikkel 15 nr. 4",
               .accessException: "personopplysningsloven § 16", .complexity: "Forespørselen din er sammensatt",
               .volume: "mange forespørsler på kort tid"]
            : [.manifestlyUnfounded: "Article 12(5)(b)", .rightsOfOthers: "Article 15(4)",
               .accessException: "personopplysningsloven § 16", .complexity: "Your request is complex",
               .volume: "many requests in a short time"]
        for ground in DecisionGround.allCases {
            let template: ReplyTemplate = ground.decision == .refusal ? .refusal : .extension
            let values = DecisionReason(grounds: [ground]).templateValues(language, decision: ground.decision)
            let body = try templates.render(template, language: language, values: common.merging(values)).body
            let citation = try #require(citations[ground])
            #expect(body.replacingOccurrences(of: "\n", with: " ").contains(citation), "\(ground)")
            for other in DecisionGround.all(for: ground.decision) where other != ground {
                #expect(!body.replacingOccurrences(of: "\n", with: " ").contains(try #require(citations[other])),
                        "\(ground) shows \(other)")
            }
            if template == .refusal {
                #expect(body.contains(language == .nb ? "Vi har bestemt at vi ikke\netterkommer den." : "We have decided not to act\non it."))
            }
        }
    }
}

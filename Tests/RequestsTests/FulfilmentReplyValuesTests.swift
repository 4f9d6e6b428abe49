import Foundation
import Testing
@testable import Requests

/// The repository's `Templates/` folder, found from this file's path.
private let templatesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Templates").path

private let common: TemplateValues = [
    "reference": "DSR-2026-7KQ3M", "organisation": "Janteloppet AS",
    "dpo_address": "personvernombud@janteloppet.test", "received_date": "2. mars 2026", "due_date": "7. april 2026",
    "case_period": "3 years",
]

private let orders = LocalizedText(en: "Orders", nb: "Ordrer")
private let lawReason = LocalizedText(en: "Accounting law", nb: "Bokføringsloven")

@Suite("Reply values of erasure, objection and rectification")
struct FulfilmentReplyValuesTests {
    @Test func erasureRendersErasedAndKeptInBothLanguages() throws {
        let templates = try TemplateSet.load(from: templatesFolder)
        let report = ErasureReport(
            erased: [LocalizedText(en: "Dietary needs", nb: "Kostbehov")],
            kept: [.init(category: orders, reason: lawReason, until: try #require(Day(iso: "2032-01-01")), rows: 1)])
        let english = try templates.render(.eraseCompleted, language: .en, values: common.merging(report.templateValues(.en)))
        #expect(english.body.contains("- Dietary needs"))
        #expect(english.body.contains("- Orders: Accounting law (until 1 January 2032)"))
        #expect(!english.body.contains("we have not kept any"))
        let bokmal = try templates.render(.eraseCompleted, language: .nb, values: common.merging(report.templateValues(.nb)))
        #expect(bokmal.body.contains("Kostbehov") && bokmal.body.contains("1. januar 2032"))

        let nothingKept = ErasureReport(erased: [orders])
        let plain = try templates.render(.eraseCompleted, language: .en, values: common.merging(nothingKept.templateValues(.en)))
        #expect(plain.body.contains("we have not kept any of your\npersonal data"))
    }

    /// What is kept after an erasure is said as it is: the case record for
    /// the retention period, and the keyed hash on the suppression list.
    /// A withdrawal of consent (the person stays a customer) says neither.
    @Test func erasureAndNoDataSayWhatIsKeptAndForHowLong() throws {
        let templates = try TemplateSet.load(from: templatesFolder)
        let report = ErasureReport(erased: [orders])
        let english = try templates.render(.eraseCompleted, language: .en, values: common.merging(report.templateValues(.en)))
        #expect(english.body.contains("We keep a record of this request for 3 years"))
        #expect(english.body.contains("keyed hash") && english.body.contains("suppression list"))
        let bokmal = try templates.render(.eraseCompleted, language: .nb,
                                          values: common.merging(["case_period": "3 år"]).merging(report.templateValues(.nb)))
        #expect(bokmal.body.contains("denne forespørselen i 3 år") && bokmal.body.contains("sperrelisten"))
        let consent = try templates.render(.eraseCompleted, language: .en,
                                           values: common.merging(report.templateValues(.en, consentOnly: true)))
        #expect(!consent.body.contains("keyed hash") && !consent.body.contains("We keep a record"))
        for language in [ReplyLanguage.en, .nb] {
            let none = try templates.render(.noData, language: language, values: common.merging(["case_period": "7 år"]))
            #expect(none.body.contains("7 år"), "\(language)")
        }
        #expect(ReplyLanguage.en.yearsText(1) == "1 year" && ReplyLanguage.en.yearsText(3) == "3 years")
        #expect(ReplyLanguage.nb.yearsText(3) == "3 år")
    }

    @Test func objectionListsWhatStoppedAndFromWhen() throws {
        let templates = try TemplateSet.load(from: templatesFolder)
        let report = ObjectionReport(
            scope: .both, changes: [.init(purpose: .sharing, state: .notRecorded), .init(purpose: .marketing, state: .changed)],
            subjectRows: 1, suppressed: true, effectiveFrom: try #require(Day(iso: "2026-03-03")))
        let reply = try templates.render(.objectCompleted, language: .en, values: common.merging(report.templateValues(.en)))
        #expect(reply.body.contains("- sending you marketing and newsletters, from 3 March 2026"))
        #expect(!reply.body.contains("event partners,"))  // sharing was not recorded anywhere: not claimed
    }

    /// Only a marketing objection puts the address on the suppression list,
    /// and only a recorded sharing objection changes the customer record:
    /// the reply tells of each only when it happened (review L3).
    @Test(arguments: ReplyLanguage.allCases)
    func theObjectionReplyDescribesOnlyWhatWasDone(language: ReplyLanguage) throws {
        let templates = try TemplateSet.load(from: templatesFolder)
        let day = try #require(Day(iso: "2026-03-03"))
        let sharing = ObjectionReport(scope: .sharing, changes: [.init(purpose: .sharing, state: .changed)],
                                      subjectRows: 1, suppressed: false, effectiveFrom: day)
        let marketing = ObjectionReport(scope: .marketing, changes: [.init(purpose: .marketing, state: .notRecorded)],
                                        subjectRows: 0, suppressed: true, effectiveFrom: day)
        let list = language == .nb ? "sperreliste" : "suppression list"
        let record = language == .nb ? "deltakerlistene" : "participant lists"
        let shared = try templates.render(.objectCompleted, language: language, values: common.merging(sharing.templateValues(language)))
        #expect(shared.body.contains(record) && !shared.body.contains(list))
        let suppressed = try templates.render(.objectCompleted, language: language,
                                              values: common.merging(marketing.templateValues(language)))
        #expect(suppressed.body.contains(list) && !suppressed.body.contains(record))
        #expect(suppressed.body.contains(language == .nb ? "ikke som selve\nadressen" : "rather than as the\naddress itself"))
        #expect(shared.subject.hasSuffix(language == .nb ? "protesten din er tatt til følge" : "we have acted on your objection"))
    }

    @Test func rectificationAndMoreInformation() throws {
        let templates = try TemplateSet.load(from: templatesFolder)
        let report = RectificationReport(
            changes: [.init(field: .phone, column: "phone", oldValue: "+4791234567", newValue: "+4740000000")],
            unchanged: [.init(field: .title, column: "title", oldValue: "Rådgiver", newValue: "Rådgiver")],
            pendingEmailChange: nil, unmapped: [])
        let done = try templates.render(.rectifyCompleted, language: .nb, values: common.merging(report.templateValues(.nb)))
        #expect(done.body.contains("- telefonnummer: +4740000000") && done.body.contains("- stillingstittel: Rådgiver"))
        #expect(!done.body.contains("+4791234567"))

        let values = RectificationOutcome.moreInformationValues(
            problems: [.impossiblePhone], rectifiable: ["phone", "title", "email"], language: .en)
        let more = try templates.render(.moreInformation, language: .en, values: common.merging(values))
        #expect(more.body.contains("- e-mail address") && more.body.contains("- job title"))
        #expect(more.body.contains("could not read the phone number"))
    }
}

import Foundation
import Testing
@testable import Daemon
import Requests

/// The partner notice's values: the partner's language, the map's labels.
struct PartnerNoticeValuesTests {
    private let map = DataMap(
        subject: DataMapSubject(table: "shop.people", key: "id", emailColumn: "mail", nameColumns: ["given"]),
        tables: [MappedTable(table: "shop.people", key: ["id"], path: [], category: LocalizedText(en: "P", nb: "P"),
                             labels: ["given": LocalizedText(en: "First name", nb: "Fornavn"),
                                      "mail": LocalizedText(en: "E-mail address", nb: "E-postadresse"),
                                      "ip": LocalizedText(en: "IP address", nb: "IP-adresse")],
                             purpose: LocalizedText(en: "x", nb: "y"), legalBasis: LocalizedText(en: "x", nb: "y"),
                             retention: LocalizedText(en: "x", nb: "y"), erasure: .delete,
                             rectification: ["phone": "tel"])],
        transfers: LocalizedText(en: "x", nb: "y"))

    private func partner(_ address: String, stored: String? = nil, fields: [[String]]) throws -> PartnerNotice {
        let days = [try #require(Day(iso: "2026-03-01")), try #require(Day(iso: "2026-04-20"))]
        return PartnerNotice(partnerName: "Partner AS", privacyAddress: address,
                             disclosures: zip(days, fields).map { PartnerNotice.Disclosure(day: $0, fields: $1) },
                             storedLanguage: stored)
    }

    @Test func aNorwegianPartnerReadsBokmalAndTheMapsLabels() throws {
        let notice = try partner("personvern@example.no", fields: [["given", "mail", "tel", "secret_code"]])
        #expect(notice.language == .nb)
        let values = PartnerNoticeValues.values(notice, map: map, subjectAddress: nil, person: [(column: "given", value: "Testa")],
                                                changes: [], flags: ["objected": .flag(true)])
        #expect(values["disclosures"] == .list([["date": "1. mars 2026",
                                                  "fields": "fornavn, e-postadresse, telefonnummer, andre opplysninger"]]))
        #expect(values["person"] == .list([["field": "fornavn", "value": "Testa"]]))
        #expect(values["list_dates"] == "1. mars 2026" && values["several_dates"] == .flag(false))
        #expect(values["objected"] == .flag(true) && values["erased"] == .flag(false))
    }

    @Test func anotherPartnerReadsEnglishUnlessItsLanguageIsStored() throws {
        let notice = try partner("privacy@example.com", fields: [[], ["ip"]])
        #expect(notice.language == .en)
        let values = PartnerNoticeValues.values(notice, map: map, subjectAddress: "kari@example.no", person: [],
                                                changes: [.init(field: .phone, column: "tel", oldValue: "1", newValue: "+4740000000")],
                                                flags: ["rectified": .flag(true)])
        #expect(values["disclosures"] == .list([["date": "1 March 2026", "fields": "contact details"],
                                                 ["date": "20 April 2026", "fields": "IP address"]]))
        #expect(values["list_dates"] == "1 March 2026 and 20 April 2026" && values["several_dates"] == .flag(true))
        #expect(values["changes"] == .list([["field": "phone number", "new_value": "+4740000000"]]))
        #expect(values["subject_address"] == "kari@example.no")
        #expect(try partner("privacy@example.com", stored: "nb-NO", fields: [[]]).language == .nb)
        #expect(try partner("personvern@example.no", stored: "de", fields: [[]]).language == .en)
    }
}

import CustomerData
import Foundation
import Testing
@testable import Daemon
import Requests

/// A report for a fictional person: labelled columns, a boolean, a NULL,
/// markup in a value, and a list of disclosed fields.
private func report() -> AccessReport {
    let text = { (value: String) in LocalizedText(en: value, nb: value + " (nb)") }
    let profile = CategoryRows(
        table: "shop.people", category: LocalizedText(en: "Profile", nb: "Profil"), purpose: text("Service"),
        legalBasis: text("Contract"), retention: text("Six years"), source: text("From you"),
        columns: ["id", "full_name", "no_ads", "note"],
        labels: ["id": LocalizedText(en: "Customer number", nb: "Kundenummer"),
                 "full_name": LocalizedText(en: "Name", nb: "Navn"),
                 "no_ads": LocalizedText(en: "Declined marketing", nb: "Reservert mot markedsføring"),
                 "note": LocalizedText(en: "Note", nb: "Merknad")],
        booleanColumns: ["no_ads"],
        rows: [["7", "Test <b>Tester</b> & Co", "t", nil]])
    let shared = CategoryRows(
        table: "shop.shared", category: LocalizedText(en: "Shared lists", nb: "Delte lister"), purpose: text("Partners"),
        legalBasis: text("Interest"), retention: text("Six years"), specialCategory: true,
        columns: ["id", "fields"],
        labels: ["id": LocalizedText(en: "Entry number", nb: "Løpenummer"),
                 "fields": LocalizedText(en: "Details shared", nb: "Opplysninger som ble delt")],
        disclosedFieldsColumn: "fields",
        rows: [["1", "{full_name,no_ads,secret_code}"]])
    let disclosure = Disclosure(partner: "Partner & Sønn AS", date: Date(timeIntervalSince1970: 1_749_767_400),
                                fields: ["full_name", "unknown_column"])
    return AccessReport(subjectKey: "7", categories: [profile, shared], disclosures: [disclosure])
}

private let generatedAt = Date(timeIntervalSince1970: 1_764_000_000)

private func page(_ language: ReplyLanguage) -> String {
    String(decoding: ReadableCopy.html(report(), reference: "DSR-2026-0001", generatedAt: generatedAt,
                                       controller: "Shop AS", language: language), as: UTF8.self)
}

struct ReadableCopyTests {
    @Test func oneSectionPerCategoryWithTheMapsHeadingsTextsAndLabels() {
        let html = page(.nb)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"nb\">"))
        #expect(html.contains("<h1>Personopplysninger om deg hos Shop AS</h1>"))
        #expect(html.contains("<h2>Slik leser du denne oversikten</h2>"))
        #expect(html.contains("<section id=\"c1\">\n<h2>Profil</h2>"))
        #expect(html.contains("<section id=\"c2\">\n<h2>Delte lister</h2>"))
        #expect(html.contains("<dt>Formål</dt><dd>Service (nb)</dd>"))
        #expect(html.contains("<dt>Lagringstid</dt><dd>Six years (nb)</dd>"))
        #expect(html.contains("<dt>Hvor opplysningene kommer fra</dt><dd>From you (nb)</dd>"))
        #expect(html.contains("personvernforordningen artikkel 9"))
        #expect(html.contains("<th scope=\"col\">Kundenummer</th><th scope=\"col\">Navn</th>"
                              + "<th scope=\"col\">Reservert mot markedsføring</th><th scope=\"col\">Merknad</th>"))
        // Column names never show: not as headings, not in the list of disclosed fields.
        for name in ["full_name", "no_ads", ">note<", ">fields<"] { #expect(!html.contains(name), "\(name)") }
        #expect(html.contains("<td>Navn, Reservert mot markedsføring, andre opplysninger</td>"))
        #expect(html.contains("<li><a href=\"#c1\">Profil</a> (1 oppføring)</li>"))
    }

    @Test func valuesAreEscapedAndReadable() {
        let html = page(.nb)
        #expect(html.contains("<td>Test &lt;b&gt;Tester&lt;/b&gt; &amp; Co</td><td>Ja</td><td>–</td>"))
        #expect(!html.contains("<b>Tester"))
        #expect(html.contains("<h2>Hvem vi har delt opplysningene med</h2>"))
        #expect(html.contains("<td>Partner &amp; Sønn AS</td><td>13. juni 2025</td><td>Navn, andre opplysninger</td>"))
        #expect(HTMLPage.escaped("a'\"\u{01}\u{9B}\n") == "a&#39;&quot;\u{FFFD}\u{FFFD}\n")
    }

    @Test func theEnglishPageHasItsOwnWords() {
        let html = page(.en)
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("<h2>How to read this overview</h2>"))
        #expect(html.contains("<h2>Profile</h2>") && html.contains("<dt>Purpose</dt><dd>Service</dd>"))
        #expect(html.contains("<th scope=\"col\">Declined marketing</th>"))
        #expect(html.contains("<td>Yes</td>") && html.contains("13 June 2025"))
        #expect(!html.contains("Kundenummer"))
    }

    @Test func thePageIsTheSameEveryTimeAndAttachedAsHTML() {
        #expect(page(.nb) == page(.nb))
        #expect(ReadableCopy.fileName(reference: "DSR-2026-0001") == "dsr-export-DSR-2026-0001.html")
        let attachments = AccessExport.attachments(report(), reference: "R1", generatedAt: generatedAt, controller: "C",
                                                   language: .en)
        #expect(attachments.map(\.filename) == ["dsr-export-R1.json", "dsr-export-R1.html"])
        #expect(attachments.map(\.contentType) == ["application/json", "text/html"])
    }

    @Test(arguments: [
        ("{first_name,last_name}", ["first_name", "last_name"]), ("{}", []), ("{\"a,b\",NULL,\"NULL\",c\\\\d}", ["a,b", "NULL", "c\\d"]),
        ("plain", ["plain"]),
    ])
    func postgresArraysAreSplit(text: String, elements: [String]) {
        #expect(PostgresTextArray.elements(text) == elements)
    }
}

import CustomerData
import Foundation
import Testing
@testable import Daemon
import Requests

/// A report for a fictional person, with a NULL, quotes, commas and a line break.
private func sampleReport() -> AccessReport {
    let text = { (value: String) in LocalizedText(en: value, nb: value + " (nb)") }
    let profile = CategoryRows(
        table: "shop.people", category: LocalizedText(en: "Profile", nb: "Profil"), purpose: text("Service"),
        legalBasis: text("Contract"), retention: text("Six years"), source: text("From you"),
        columns: ["id", "name", "note"], rows: [["7", "Test \"Tester\", Jr.", nil]])
    let messages = CategoryRows(
        table: "shop.messages", category: LocalizedText(en: "Messages", nb: "Meldinger"), purpose: text("Answers"),
        legalBasis: text("Interest"), retention: text("Six years"),
        columns: ["id", "body"], rows: [["1", "line one\nline two"], ["2", "plain"]])
    // 2025-06-12 22:30 UTC is 13 June in Oslo.
    let disclosure = Disclosure(partner: "Partner AS", date: Date(timeIntervalSince1970: 1_749_767_400), fields: ["name", "organization"])
    return AccessReport(subjectKey: "7", categories: [profile, messages], disclosures: [disclosure])
}

private let generatedAt = Date(timeIntervalSince1970: 1_764_000_000)

struct AccessExportTests {
    @Test func theJSONHasSortedKeysNullsAndEveryCategory() throws {
        let bytes = AccessExport.json(sampleReport(), reference: "DSR-2026-0001", generatedAt: generatedAt, controller: "Shop AS")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(object["reference"] as? String == "DSR-2026-0001")
        #expect(object["controller"] as? String == "Shop AS")
        #expect(object["generated_at"] as? String == "2025-11-24T16:00:00Z")
        let categories = try #require(object["categories"] as? [[String: Any]])
        #expect(categories.map { $0["table"] as? String } == ["shop.people", "shop.messages"])
        let category = try #require(categories.first?["category"] as? [String: String])
        #expect(category == ["en": "Profile", "nb": "Profil"])
        #expect((categories.first?["legal_basis"] as? [String: String])?["nb"] == "Contract (nb)")
        let rows = try #require(categories.first?["rows"] as? [[String: Any]])
        #expect(rows.first?["name"] as? String == "Test \"Tester\", Jr.")
        #expect(rows.first?["note"] is NSNull)
        #expect(categories.last?["source"] == nil)
        let disclosures = try #require(object["disclosures"] as? [[String: Any]])
        #expect(disclosures.first?["partner"] as? String == "Partner AS")
        #expect(disclosures.first?["date"] as? String == "2025-06-13")
        #expect(disclosures.first?["fields"] as? [String] == ["name", "organization"])
        // Keys of every object in sorted order, on the top level too.
        let text = String(decoding: bytes, as: UTF8.self)
        let topKeys = ["\"categories\"", "\"controller\"", "\"disclosures\"", "\"generated_at\"", "\"reference\""]
        let positions = topKeys.compactMap { text.range(of: "\n  " + $0)?.lowerBound }
        #expect(positions.count == topKeys.count)
        #expect(positions == positions.sorted())
    }

    @Test func theJSONIsTheSameEveryTime() {
        let first = AccessExport.json(sampleReport(), reference: "R", generatedAt: generatedAt, controller: "C")
        let second = AccessExport.json(sampleReport(), reference: "R", generatedAt: generatedAt, controller: "C")
        #expect(first == second)
        var changed = sampleReport()
        changed.categories[1].rows[1][1] = "changed"
        #expect(AccessExport.json(changed, reference: "R", generatedAt: generatedAt, controller: "C") != first)
    }

    @Test func controlCharactersAreEscaped() throws {
        var report = sampleReport()
        report.categories[1].rows[0][1] = "tab\there\u{01}\\end"
        let bytes = AccessExport.json(report, reference: "R", generatedAt: generatedAt, controller: "C")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#""tab\there\u0001\\end""#))
        let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        #expect(object != nil)
    }

    @Test func csvQuotesAsRFC4180Says() {
        let csv = String(decoding: AccessExport.csv(sampleReport().categories[0]), as: UTF8.self)
        #expect(csv == "id,name,note\r\n7,\"Test \"\"Tester\"\", Jr.\",\r\n")
        let lines = String(decoding: AccessExport.csv(sampleReport().categories[1]), as: UTF8.self)
        #expect(lines == "id,body\r\n1,\"line one\nline two\"\r\n2,plain\r\n")
    }

    @Test func fileNamesAndSize() {
        #expect(AccessExport.jsonFileName(reference: "DSR-2026-0001") == "dsr-export-DSR-2026-0001.json")
        #expect(AccessExport.jsonFileName(reference: "a/../b c") == "dsr-export-a_.._b_c.json")
        #expect(AccessExport.csvFileName(reference: "R1", category: sampleReport().categories[0]) == "dsr-export-R1-shop.people.csv")
        let attachment = AccessExport.attachment(sampleReport(), reference: "R1", generatedAt: generatedAt, controller: "C")
        #expect(attachment.contentType == "application/json")
        #expect(AccessExport.byteCount([attachment, attachment]) == 2 * attachment.data.count)
        #expect(attachment.data.count > 500)
    }
}

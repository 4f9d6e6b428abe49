import Foundation
import Testing
@testable import Requests

/// The repository's data map, found from this file's path.
let repositoryDataMapPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("deploy").appendingPathComponent("datamap.json").path

/// A small map of a fictional shop database, in the JSON format.
let smallMapJSON = """
{
  "version": 1,
  "subject": {"table": "shop.people", "key": "id", "email_column": "mail", "name_columns": ["full_name"]},
  "tables": [
    {"table": "shop.people", "key": ["id"], "path": [],
     "category": {"en": "Profile", "nb": "Profil"}, "purpose": {"en": "P", "nb": "F"},
     "legal_basis": {"en": "B", "nb": "G"}, "retention": {"en": "R", "nb": "L"},
     "erasure": {"action": "delete"},
     "rectification": {"email": "mail"},
     "objection": {"marketing": {"column": "no_ads", "value": true}}},
    {"table": "shop.invoices", "key": ["id"], "path": [{"column": "person_id", "references": "shop.people.id"}],
     "category": {"en": "Invoices", "nb": "Fakturaer"}, "purpose": {"en": "P", "nb": "F"},
     "legal_basis": {"en": "B", "nb": "G"}, "retention": {"en": "R", "nb": "L"},
     "erasure": {"action": "hold", "date_column": "issued_on", "years_after_financial_year": 5,
                 "keep_columns": ["total", "issued_on"], "clear_columns": ["note"], "detach_column": "person_id",
                 "reason": {"en": "Law", "nb": "Lov"}}},
    {"table": "shop.invoice_lines", "key": ["id"],
     "path": [{"column": "invoice_id", "references": "shop.invoices.id"}, {"column": "person_id", "references": "shop.people.id"}],
     "category": {"en": "Lines", "nb": "Linjer"}, "purpose": {"en": "P", "nb": "F"},
     "legal_basis": {"en": "B", "nb": "G"}, "retention": {"en": "R", "nb": "L"},
     "erasure": {"action": "hold", "with": "shop.invoices"}},
    {"table": "shop.visits", "key": ["id"], "path": [{"column": "person_id", "references": "shop.people.id"}],
     "category": {"en": "Visits", "nb": "Besøk"}, "purpose": {"en": "P", "nb": "F"},
     "legal_basis": {"en": "B", "nb": "G"}, "retention": {"en": "R", "nb": "L"}, "consent_data": true,
     "erasure": {"action": "nullify", "columns": ["ip"], "set": {"agent": "erased", "score": 0, "seen": false}}}
  ]
}
"""

func smallMap() throws -> DataMap {
    try DataMap.decode(Array(smallMapJSON.utf8))
}

struct DataMapTests {
    @Test func theRepositoryMapLoadsWithoutProblems() throws {
        let map = try DataMap.load(from: repositoryDataMapPath)
        #expect(map.problems() == [])
        #expect(map.tables.count == 16)
        #expect(map.subjectTable?.isSubjectTable == true)
        #expect(map.subjectTable?.objection?.marketing?.value == .bool(true))
    }

    @Test func theRepositoryMapHoldsOrdersAndDeletesTheRest() throws {
        let map = try DataMap.load(from: repositoryDataMapPath)
        var held: [String] = []
        for table in map.tables {
            if case .hold = table.erasure { held.append(table.table) }
        }
        #expect(held.count == 2)
        #expect(map.tables.filter(\.consentData).count == 1)
        #expect(map.tables.filter { $0.disclosures != nil }.count == 1)
    }

    @Test func aSmallMapDecodesEveryPart() throws {
        let map = try smallMap()
        #expect(map.problems() == [])
        #expect(map.subject.emailColumn == "mail")
        #expect(map.subject.languageColumn == nil)
        let invoices = try #require(map.table(named: "shop.invoices"))
        guard case .hold(let rule) = invoices.erasure else {
            Issue.record("invoices are not held")
            return
        }
        #expect(rule.dateColumn == "issued_on")
        #expect(rule.yearsAfterFinancialYear == 5)
        #expect(rule.keepColumns == ["total", "issued_on"])
        #expect(rule.detachColumn == "person_id")
        #expect(rule.reason?.text(.nb) == "Lov")
        let visits = try #require(map.table(named: "shop.visits"))
        #expect(visits.consentData)
        #expect(visits.erasure == .nullify(columns: ["ip"], set: ["agent": .string("erased"), "score": .number(0), "seen": .bool(false)]))
        #expect(map.table(named: "shop.invoice_lines")?.erasure == .hold(HoldRule(with: "shop.invoices")))
        #expect(map.table(named: "shop.nothing") == nil)
    }

    @Test func sharedRowsAreAllowedOnlyWhereTheMapSaysSo() throws {
        #expect(try smallMap().tables.allSatisfy { !$0.sharedRows })
        let json = smallMapJSON.replacingOccurrences(of: "\"consent_data\": true,", with: "\"consent_data\": true, \"shared_rows\": true,")
        let shared = try DataMap.decode(Array(json.utf8))
        #expect(shared.table(named: "shop.visits")?.sharedRows == true)
        #expect(DataMap.unknownKeys(in: Array(json.utf8)).isEmpty)
    }

    @Test func aMapSurvivesEncodingAndDecoding() throws {
        let map = try smallMap()
        let encoded = try JSONEncoder().encode(map)
        #expect(try DataMap.decode(Array(encoded)) == map)
    }

    @Test func decodingErrorsNameTheJSONPath() throws {
        let cases: [(String, String, String)] = [
            (smallMapJSON.replacingOccurrences(of: "\"action\": \"nullify\"", with: "\"action\": \"shred\""),
             "tables[3].erasure.action", "unknown action"),
            (smallMapJSON.replacingOccurrences(of: "\"email_column\": \"mail\", ", with: ""), "subject.email_column", "missing"),
            (smallMapJSON.replacingOccurrences(of: "\"years_after_financial_year\": 5", with: "\"years_after_financial_year\": \"five\""),
             "tables[1].erasure.years_after_financial_year", "wrong type"),
            ("{\"version\": 1,", "", "not valid JSON"),
        ]
        for (json, path, message) in cases {
            do {
                _ = try DataMap.decode(Array(json.utf8))
                Issue.record("decoded although \(path) is wrong")
            } catch let error as DataMapError {
                #expect(error.path == path)
                #expect(error.message.contains(message), "\(error)")
            }
        }
    }

    @Test func aMissingFileIsAnErrorNotACrash() {
        #expect(throws: DataMapError.self) { try DataMap.load(from: "/nonexistent/datamap.json") }
    }

    @Test func fixedValuesBecomeSQLText() {
        #expect(FixedValue.bool(false).sqlText == "false")
        #expect(FixedValue.number(3).sqlText == "3")
        #expect(FixedValue.number(2.5).sqlText == "2.5")
        #expect(FixedValue.string("x").sqlText == "x")
        #expect(FixedValue.null.sqlText == nil)
    }

    @Test func identifiersAreLowerCaseSQLNames() {
        #expect(DataMapIdentifier.isValid("customer_id"))
        #expect(DataMapIdentifier.isValid("_x9"))
        #expect(!DataMapIdentifier.isValid("Customer"))
        #expect(!DataMapIdentifier.isValid("9lives"))
        #expect(!DataMapIdentifier.isValid("a\"b"))
        #expect(!DataMapIdentifier.isValid(""))
        #expect(DataMapIdentifier.isValid("shop.people", parts: 2))
        #expect(!DataMapIdentifier.isValid("shop.people", parts: 3))
        #expect(!DataMapIdentifier.isValid("shop..people", parts: 3))
    }
}

/// Misspelt keys would be ignored by decoding; they are reported instead.
struct DataMapKeysTests {
    @Test func theRepositoryMapHasNoUnknownKeys() throws {
        let bytes = try #require(FileManager.default.contents(atPath: repositoryDataMapPath))
        #expect(DataMap.unknownKeys(in: Array(bytes)) == [])
        #expect(DataMap.unknownKeys(in: Array(smallMapJSON.utf8)) == [])
    }

    @Test func misspeltKeysAreReportedWithTheirPaths() {
        let json = smallMapJSON
            .replacingOccurrences(of: "\"consent_data\": true", with: "\"consent_dta\": true")
            .replacingOccurrences(of: "\"date_column\": \"issued_on\"", with: "\"date_column\": \"issued_on\", \"date_colum\": \"x\"")
            .replacingOccurrences(of: "\"reason\": {\"en\": \"Law\"", with: "\"reason\": {\"no\": \"-\", \"en\": \"Law\"")
            .replacingOccurrences(of: "\"column\": \"no_ads\"", with: "\"colum\": \"no_ads\", \"column\": \"no_ads\"")
            .replacingOccurrences(of: "\"version\": 1,", with: "\"version\": 1, \"comment\": \"-\",")
        #expect(DataMap.unknownKeys(in: Array(json.utf8)).map(\.description) == [
            "comment: unknown key",
            "tables[0].objection.marketing.colum: unknown key",
            "tables[1].erasure.date_colum: unknown key",
            "tables[1].erasure.reason.no: unknown key",
            "tables[3].consent_dta: unknown key",
        ])
        #expect(DataMap.unknownKeys(in: Array("not json".utf8)) == [])
    }
}

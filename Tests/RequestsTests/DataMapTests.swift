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
  "processors": [
    {"name": "Example Hosting AS", "service": {"en": "Hosting", "nb": "Drift"}, "country": "NO"},
    {"name": "Example Mail Inc.", "service": {"en": "E-mail", "nb": "E-post"}, "country": "US",
     "safeguard": {"en": "Standard contractual clauses", "nb": "Standardkontrakter"}}
  ],
  "transfers": {"en": "Mail is also processed in the US.", "nb": "E-post behandles også i USA."},
  "tables": [
    {"table": "shop.people", "key": ["id"], "path": [],
     "labels": {"id": {"en": "Number", "nb": "Nummer"}, "mail": {"en": "E-mail", "nb": "E-post"},
                "full_name": {"en": "Name", "nb": "Navn"}, "no_ads": {"en": "No ads", "nb": "Ingen reklame"}},
     "category": {"en": "Profile", "nb": "Profil"}, "purpose": {"en": "P", "nb": "F"},
     "legal_basis": {"en": "B", "nb": "G"}, "retention": {"en": "R", "nb": "L"},
     "erasure": {"action": "delete"},
     "rectification": {"email": "mail"},
     "objection": {"marketing": {"column": "no_ads", "value": true}}},
    {"table": "shop.invoices", "key": ["id"], "path": [{"column": "person_id", "references": "shop.people.id"}],
     "labels": {"id": {"en": "Number", "nb": "Nummer"}, "person_id": {"en": "Customer", "nb": "Kunde"},
                "issued_on": {"en": "Issued", "nb": "Utstedt"}, "total": {"en": "Total", "nb": "Sum"},
                "note": {"en": "Note", "nb": "Merknad"}},
     "category": {"en": "Invoices", "nb": "Fakturaer"}, "purpose": {"en": "P", "nb": "F"},
     "legal_basis": {"en": "B", "nb": "G"}, "retention": {"en": "R", "nb": "L"},
     "erasure": {"action": "hold", "date_column": "issued_on", "years_after_financial_year": 5,
                 "keep_columns": ["total", "issued_on"], "clear_columns": ["note"], "detach_column": "person_id",
                 "reason": {"en": "Law", "nb": "Lov"}}},
    {"table": "shop.invoice_lines", "key": ["id"],
     "path": [{"column": "invoice_id", "references": "shop.invoices.id"}, {"column": "person_id", "references": "shop.people.id"}],
     "labels": {"id": {"en": "Number", "nb": "Nummer"}, "invoice_id": {"en": "Invoice", "nb": "Faktura"},
                "what": {"en": "Item", "nb": "Vare"}},
     "category": {"en": "Lines", "nb": "Linjer"}, "purpose": {"en": "P", "nb": "F"},
     "legal_basis": {"en": "B", "nb": "G"}, "retention": {"en": "R", "nb": "L"},
     "erasure": {"action": "hold", "with": "shop.invoices"}},
    {"table": "shop.visits", "key": ["id"], "path": [{"column": "person_id", "references": "shop.people.id"}],
     "labels": {"id": {"en": "Number", "nb": "Nummer"}, "person_id": {"en": "Customer", "nb": "Kunde"},
                "ip": {"en": "IP address", "nb": "IP-adresse"}, "agent": {"en": "Browser", "nb": "Nettleser"},
                "score": {"en": "Score", "nb": "Poeng"}, "seen": {"en": "Seen", "nb": "Sett"}},
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

    @Test func theRepositoryMapNamesItsProcessorsAndLabelsItsColumns() throws {
        let map = try DataMap.load(from: repositoryDataMapPath)
        #expect(map.processors.count >= 2)
        #expect(Set(map.processors.map(\.name)).count == map.processors.count)
        #expect(map.transfers != nil)
        // Every processor outside the EEA names its safeguard, and the map says data leaves the EEA.
        #expect(map.processors.filter { !$0.isInEEA }.allSatisfy { $0.safeguard != nil })
        #expect(map.transfersOutsideEEA)
        #expect(map.tables.allSatisfy { !$0.labels.isEmpty })
        #expect(map.tables.filter(\.specialCategory).map(\.table) == map.tables.filter(\.consentData).map(\.table))
        for table in map.tables {
            for column in table.columns ?? [] { #expect(table.labels[column] != nil, "\(table.table).\(column)") }
        }
    }

    @Test func processorsDecodeWithTheirCountries() throws {
        let map = try smallMap()
        #expect(map.processors.map(\.name) == ["Example Hosting AS", "Example Mail Inc."])
        #expect(map.processors.map(\.isInEEA) == [true, false])
        #expect(map.processors[0].countryText(.nb) == "Norge")
        #expect(map.processors[1].countryText(.en) == "the United States")
        #expect(map.processors[1].safeguard?.text(.nb) == "Standardkontrakter")
        #expect(map.transfers?.text(.en) == "Mail is also processed in the US.")
        #expect(map.transfersOutsideEEA)
        let named = Processor(name: "X", service: LocalizedText(en: "s", nb: "t"), country: "FO",
                              countryName: LocalizedText(en: "the Faroe Islands", nb: "Færøyene"))
        #expect(named.countryText(.nb) == "Færøyene" && !named.isInEEA)
        #expect(map.table(named: "shop.people")?.label("mail", .nb) == "E-post")
        #expect(map.table(named: "shop.people")?.label("nothing", .nb) == nil)
    }

    /// Every text the replies show must exist in each reply language: a map
    /// that lacks one cannot be loaded (check-config reports its path).
    @Test(arguments: [
        ("\"service\": {\"en\": \"Hosting\", \"nb\": \"Drift\"}", "\"service\": {\"en\": \"Hosting\"}", "processors[0].service.nb"),
        ("\"transfers\": {\"en\": \"Mail is also processed in the US.\", ", "\"transfers\": {", "transfers.en"),
        ("\"mail\": {\"en\": \"E-mail\", \"nb\": \"E-post\"}", "\"mail\": {\"en\": \"E-mail\"}", "tables[0].labels.mail.nb"),
    ])
    func aMissingLanguageIsAnError(original: String, replacement: String, path: String) throws {
        let json = smallMapJSON.replacingOccurrences(of: original, with: replacement)
        #expect(json != smallMapJSON)
        do {
            _ = try DataMap.decode(Array(json.utf8))
            Issue.record("decoded without \(path)")
        } catch let error as DataMapError {
            #expect(error.path == path && error.message == "missing", "\(error)")
        }
    }

    @Test func unknownKeysOfProcessorsAndLabelsAreFound() throws {
        let json = smallMapJSON
            .replacingOccurrences(of: "\"country\": \"NO\"}", with: "\"country\": \"NO\", \"contry\": \"SE\"}")
            .replacingOccurrences(of: "\"full_name\": {\"en\": \"Name\", \"nb\": \"Navn\"}",
                                  with: "\"full_name\": {\"en\": \"Name\", \"nb\": \"Navn\", \"nn\": \"Namn\"}")
            .replacingOccurrences(of: "\"transfers\": {", with: "\"transfers\": {\"se\": \"x\", ")
        #expect(DataMap.unknownKeys(in: Array(json.utf8)).map(\.description) == [
            "tables[0].labels.full_name.nn: unknown key", "transfers.se: unknown key", "processors[0].contry: unknown key",
        ])
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

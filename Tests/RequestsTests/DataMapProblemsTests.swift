import Testing
@testable import Requests

/// Each kind of structural fault is reported with the JSON path of the part at fault.
struct DataMapProblemsTests {
    private func problems(_ change: (inout DataMap) -> Void) throws -> [String] {
        var map = try smallMap()
        change(&map)
        return map.problems().map(\.description)
    }

    @Test func aHoldWithoutDateColumnOrYearsIsReported() throws {
        let found = try problems { map in
            map.tables[1].erasure = .hold(HoldRule(keepColumns: ["total"], detachColumn: "person_id"))
        }
        #expect(found.contains("tables[1].erasure.date_column: missing"))
        #expect(found.contains("tables[1].erasure.years_after_financial_year: missing"))
        #expect(found.contains("tables[1].erasure.reason: missing"))
    }

    @Test func aPathThatDoesNotEndAtTheSubjectKeyIsReported() throws {
        let found = try problems { map in
            map.tables[3].path = [PathStep(column: "person_id", references: "shop.people.mail")]
        }
        #expect(found == ["tables[3].path[0].references: must end at shop.people.id, the subject key"])
    }

    @Test func anEmptyPathOutsideTheSubjectTableIsReported() throws {
        let found = try problems { map in map.tables[3].path = [] }
        #expect(found == ["tables[3].path: empty, but only the subject table may have an empty path"])
    }

    @Test func aSubjectTableWithAPathIsReported() throws {
        let found = try problems { map in
            map.tables[0].path = [PathStep(column: "id", references: "shop.people.id")]
        }
        #expect(found == ["tables[0].path: must be empty for the subject table"])
    }

    @Test func duplicateTablesAreReported() throws {
        let found = try problems { map in map.tables.append(map.tables[3]) }
        #expect(found == ["tables[4].table: duplicate of tables[3]"])
    }

    @Test func anUnlistedSubjectTableIsReported() throws {
        let found = try problems { map in map.subject.table = "shop.members" }
        #expect(found.contains("subject.table: not listed in tables"))
    }

    @Test func badIdentifiersAreReported() throws {
        let found = try problems { map in
            map.tables[3].table = "visits"
            map.tables[3].key = ["Id"]
            map.tables[2].path[0] = PathStep(column: "invoice id", references: "shop.invoices")
            map.subject.emailColumn = "mail; drop table x"
        }
        #expect(found.contains("tables[3].table: not a schema-qualified table name (schema.table)"))
        #expect(found.contains("tables[3].key[0]: not a lower-case SQL identifier"))
        #expect(found.contains("tables[2].path[0].column: not a lower-case SQL identifier"))
        #expect(found.contains("tables[2].path[0].references: not a schema-qualified column (schema.table.column)"))
        #expect(found.contains("subject.email_column: not a lower-case SQL identifier"))
    }

    @Test func holdingWithATableThatIsNotHeldOrNotOnThePathIsReported() throws {
        let notHeld = try problems { map in map.tables[1].erasure = .delete }
        #expect(notHeld == ["tables[2].erasure.with: shop.invoices is not held"])
        let offPath = try problems { map in map.tables[2].path = [PathStep(column: "person_id", references: "shop.people.id")] }
        #expect(offPath == ["tables[2].erasure.with: shop.invoices is not on this table's path"])
        let unlisted = try problems { map in map.tables[2].erasure = .hold(HoldRule(with: "shop.refunds")) }
        #expect(unlisted == ["tables[2].erasure.with: shop.refunds is not listed in tables"])
    }

    @Test func contradictoryHoldColumnsAreReported() throws {
        let found = try problems { map in
            map.tables[1].erasure = .hold(HoldRule(dateColumn: "issued_on", yearsAfterFinancialYear: 500, keepColumns: ["total", "person_id"],
                                                   clearColumns: ["total"], detachColumn: "person_id", reason: LocalizedText(en: "Law", nb: "")))
        }
        #expect(found.contains("tables[1].erasure.years_after_financial_year: must be between 0 and 100"))
        #expect(found.contains("tables[1].erasure.clear_columns[0]: total is also in keep_columns"))
        #expect(found.contains("tables[1].erasure.detach_column: person_id is also in keep_columns"))
        #expect(found.contains("tables[1].erasure.reason.nb: empty"))
        #expect(found.contains("tables[1].erasure.keep_columns: must include the date_column issued_on: the end of the hold is computed from it"))
    }

    @Test func subjectOnlySettingsElsewhereAreReported() throws {
        let found = try problems { map in
            map.tables[3].rectification = ["phone": "phone"]
            map.tables[3].objection = ObjectionColumns(sharing: ColumnValue(column: "shared", value: .bool(false)))
        }
        #expect(found == ["tables[3].rectification: allowed only on the subject table",
                          "tables[3].objection: allowed only on the subject table"])
    }

    @Test func emptyTextsAndNullifyWithoutColumnsAreReported() throws {
        let found = try problems { map in
            map.tables[3].purpose = LocalizedText(en: " ", nb: "Formål")
            map.tables[3].erasure = .nullify(columns: [], set: [:])
            map.version = 2
        }
        #expect(found == ["version: unsupported version 2 (expected 1)", "tables[3].purpose.en: empty",
                          "tables[3].erasure: nullify names no columns"])
    }

    @Test func theSubjectTableMustBeDeletedAndKeyedBySubjectKey() throws {
        let found = try problems { map in
            map.tables[0].key = ["mail"]
            map.tables[0].erasure = .nullify(columns: ["full_name"], set: [:])
        }
        #expect(found == ["tables[0].key: must be [\"id\"], the subject key",
                          "tables[0].erasure.action: the subject table cannot be nullified; use delete"])
    }

    @Test func processorsOutsideTheEEANeedASafeguardAndTheMapSaysWhereDataGoes() throws {
        let found = try problems { map in
            map.transfers = nil
            map.processors[1].safeguard = nil
            map.processors.append(Processor(name: "Example Hosting AS", service: LocalizedText(en: "", nb: "x"), country: "no"))
            map.processors.append(Processor(name: "Far Away Ltd", service: LocalizedText(en: "x", nb: "y"), country: "FO",
                                            safeguard: LocalizedText(en: "x", nb: "y")))
        }
        #expect(found == [
            "transfers: missing: the access reply must say whether personal data leaves the EEA (GDPR Art. 15(1)(c), 15(2))",
            "processors[1].safeguard: missing: US is outside the EEA, so the reply must name the transfer's safeguard "
                + "(an adequacy decision, Art. 45, or standard contractual clauses, Art. 46)",
            "processors[2].name: duplicate of processors[0]",
            "processors[2].service.en: empty",
            "processors[2].country: not an ISO 3166-1 alpha-2 country code in capitals (NO, IE, US)",
            "processors[2].safeguard: missing: no is outside the EEA, so the reply must name the transfer's safeguard "
                + "(an adequacy decision, Art. 45, or standard contractual clauses, Art. 46)",
            "processors[3].country_name: missing: dsrd has no name for FO; give {\"en\": …, \"nb\": …}",
        ])
    }

    @Test func labelsNameColumnsAndHaveTexts() throws {
        let found = try problems { map in
            map.tables[3].labels["Bad Name"] = LocalizedText(en: "x", nb: "y")
            map.tables[3].labels["ip"] = LocalizedText(en: "IP", nb: "")
        }
        #expect(found == ["tables[3].labels.Bad Name: not a lower-case SQL identifier", "tables[3].labels.ip.nb: empty"])
    }
}

import Testing
@testable import Requests

/// The database checks of the small shop map against hand-made catalogs.
struct DataMapValidatorTests {
    private typealias Column = DatabaseCatalog.Column

    /// A catalog that fits `smallMap()`.
    private func fittingCatalog() -> DatabaseCatalog {
        DatabaseCatalog(tables: [
            "shop.people": ["id": Column(dataType: "bigint", isNullable: false), "mail": Column(dataType: "text", isNullable: false),
                            "full_name": Column(dataType: "text", isNullable: false), "no_ads": Column(dataType: "boolean", isNullable: false)],
            "shop.invoices": ["id": Column(dataType: "bigint", isNullable: false), "person_id": Column(dataType: "integer", isNullable: true),
                              "issued_on": Column(dataType: "date", isNullable: false), "total": Column(dataType: "numeric", isNullable: false),
                              "note": Column(dataType: "text", isNullable: true)],
            "shop.invoice_lines": ["id": Column(dataType: "bigint", isNullable: false), "invoice_id": Column(dataType: "bigint", isNullable: false),
                                   "what": Column(dataType: "text", isNullable: false)],
            "shop.visits": ["id": Column(dataType: "bigint", isNullable: false), "person_id": Column(dataType: "bigint", isNullable: false),
                            "ip": Column(dataType: "inet", isNullable: true), "agent": Column(dataType: "text", isNullable: true),
                            "score": Column(dataType: "integer", isNullable: true), "seen": Column(dataType: "boolean", isNullable: true)],
            "shop.products": ["id": Column(dataType: "bigint", isNullable: false)],
        ], foreignKeys: [
            DatabaseCatalog.ForeignKey(table: "shop.invoices", column: "person_id", referencedTable: "shop.people", referencedColumn: "id"),
            DatabaseCatalog.ForeignKey(table: "shop.invoice_lines", column: "invoice_id", referencedTable: "shop.invoices", referencedColumn: "id"),
            DatabaseCatalog.ForeignKey(table: "shop.visits", column: "person_id", referencedTable: "shop.people", referencedColumn: "id"),
            DatabaseCatalog.ForeignKey(table: "shop.invoice_lines", column: "product_id", referencedTable: "shop.products", referencedColumn: "id"),
        ])
    }

    private func problems(catalog change: (inout DatabaseCatalog) -> Void = { _ in }, map mapChange: (inout DataMap) -> Void = { _ in }) throws -> [String] {
        var catalog = fittingCatalog()
        change(&catalog)
        var map = try smallMap()
        mapChange(&map)
        return DataMapValidator.problems(map, catalog: catalog).map(\.description)
    }

    @Test func aFittingCatalogHasNoProblems() throws {
        #expect(try problems() == [])
    }

    @Test func everyColumnInTheCopyHasALabelAndEveryLabelAColumn() throws {
        // All columns are exported: a new column without a label is found.
        let newColumn = try problems(catalog: { $0.tables["shop.visits"]?["referrer"] = Column(dataType: "text", isNullable: true) })
        #expect(newColumn == ["tables[3].labels: no label for referrer: the copy would show column names"])
        // With `columns`, only those need labels; a label for a column that is gone is reported.
        let listed = try problems(map: { map in
            map.tables[3].columns = ["id", "ip"]
            map.tables[3].labels = ["id": LocalizedText(en: "Number", nb: "Nummer"), "gone": LocalizedText(en: "x", nb: "y")]
        })
        #expect(listed == ["tables[3].labels.gone: column gone does not exist in shop.visits",
                           "tables[3].labels: no label for ip: the copy would show column names"])
    }

    @Test func missingTablesAndColumnsAreReported() throws {
        let found = try problems(catalog: { catalog in
            catalog.tables["shop.visits"] = nil
            catalog.tables["shop.people"]?["mail"] = nil
        })
        #expect(found == ["subject.email_column: column mail does not exist in shop.people",
                          "tables[0].labels.mail: column mail does not exist in shop.people",
                          "tables[0].rectification.email: column mail does not exist in shop.people",
                          "tables[3].table: table shop.visits does not exist"])
    }

    @Test func pathStepsMustJoinColumnsOfCompatibleTypes() throws {
        let wrongType = try problems(catalog: { $0.tables["shop.invoice_lines"]?["invoice_id"] = Column(dataType: "text", isNullable: false) })
        #expect(wrongType == ["tables[2].path[0].references: shop.invoice_lines.invoice_id is text but shop.invoices.id is bigint"])
        // The second step's column belongs to the table the first step reached.
        let missingInParent = try problems(catalog: { $0.tables["shop.invoices"]?["person_id"] = nil })
        #expect(missingInParent.contains("tables[2].path[1].column: column person_id does not exist in shop.invoices"))
        let missingTarget = try problems(map: { $0.tables[3].path[0].references = "shop.people.uid" })
        #expect(missingTarget.contains("tables[3].path[0].references: column uid does not exist in shop.people"))
    }

    @Test func holdDatesObjectionsAndClearedColumnsHaveTheRightTypes() throws {
        let found = try problems(catalog: { catalog in
            catalog.tables["shop.invoices"]?["issued_on"] = Column(dataType: "text", isNullable: false)
            catalog.tables["shop.invoices"]?["person_id"] = Column(dataType: "bigint", isNullable: false)
            catalog.tables["shop.invoices"]?["note"] = Column(dataType: "text", isNullable: false)
            catalog.tables["shop.people"]?["no_ads"] = Column(dataType: "integer", isNullable: false)
            catalog.tables["shop.visits"]?["ip"] = Column(dataType: "inet", isNullable: false)
        })
        #expect(found == [
            "tables[0].objection.marketing.column: column no_ads is integer, not boolean",
            "tables[1].erasure.date_column: column issued_on is text, not a date or timestamp",
            "tables[1].erasure.clear_columns[0]: column note is NOT NULL, so it cannot be cleared",
            "tables[1].erasure.detach_column: column person_id is NOT NULL, so it cannot be detached",
            "tables[1].erasure.keep_columns: column note is NOT NULL but not kept, so a held row cannot be cleared of it",
            "tables[1].erasure.keep_columns: column person_id is NOT NULL but not kept, so a held row cannot be cleared of it",
            "tables[3].erasure.columns[0]: column ip is NOT NULL, so it cannot be set NULL",
        ])
    }

    @Test func aTableReferencingAMappedTableMustBeMapped() throws {
        let found = try problems(catalog: { catalog in
            catalog.tables["shop.reviews"] = ["person_id": Column(dataType: "bigint", isNullable: false)]
            catalog.foreignKeys.append(DatabaseCatalog.ForeignKey(table: "shop.reviews", column: "person_id",
                                                                  referencedTable: "shop.people", referencedColumn: "id"))
        })
        #expect(found == ["tables: table shop.reviews references shop.people but is not in the data map"])
    }

    @Test func aStepMustFollowASingleColumnForeignKeyToAUniqueKey() throws {
        // No foreign key behind the step at all.
        let unbacked = try problems(catalog: { $0.foreignKeys.removeAll { $0.table == "shop.visits" } })
        #expect(unbacked == ["tables[3].path[0].references: shop.visits.person_id has no single-column foreign key to "
            + "shop.people.id (a primary or unique key): the join could reach other people's rows"])
        // Columns of compatible types, but not the key the foreign key references: every line of
        // every invoice of the person would join each invoice line.
        let fanOut = try problems(map: { $0.tables[2].path[0].references = "shop.invoices.person_id" })
        #expect(fanOut == ["tables[2].path[0].references: shop.invoice_lines.invoice_id has no single-column foreign key to "
            + "shop.invoices.person_id (a primary or unique key): the join could reach other people's rows"])
        // One column of a two-column key is not unique on its own.
        let composite = try problems(catalog: { catalog in
            catalog.foreignKeys = catalog.foreignKeys.map { key in
                var key = key
                if key.table == "shop.visits" { key.columnCount = 2 }
                return key
            }
        })
        #expect(composite.count == 1 && composite.first?.hasPrefix("tables[3].path[0].references: shop.visits.person_id has no") == true)
    }

    @Test func aTableWithSeveralForeignKeysToTheSubjectNeedsSharedRows() throws {
        let twoPeople: (inout DatabaseCatalog) -> Void = { catalog in
            catalog.tables["shop.invoices"]?["approver_id"] = Column(dataType: "bigint", isNullable: true)
            catalog.foreignKeys.append(DatabaseCatalog.ForeignKey(table: "shop.invoices", column: "approver_id",
                                                                  referencedTable: "shop.people", referencedColumn: "id"))
        }
        let labelled: (inout DataMap) -> Void = { $0.tables[1].labels["approver_id"] = LocalizedText(en: "Approver", nb: "Godkjent av") }
        let message = "shop.invoices has 2 foreign keys to shop.people (approver_id, person_id), so a row can belong to "
            + "several people: set \"shared_rows\": true if the path's key alone makes a row the person's"
        // The invoices, and the lines reached through them.
        #expect(try problems(catalog: twoPeople, map: labelled) == ["tables[1].path: " + message, "tables[2].path: " + message])
        #expect(try problems(catalog: twoPeople, map: { map in
            labelled(&map)
            map.tables[1].sharedRows = true
            map.tables[2].sharedRows = true
        }) == [])
    }

    @Test func joinableTypes() {
        #expect(DatabaseCatalog.joinable("integer", "bigint"))
        #expect(DatabaseCatalog.joinable("character varying", "text"))
        #expect(DatabaseCatalog.joinable("uuid", "uuid"))
        #expect(!DatabaseCatalog.joinable("uuid", "text"))
        #expect(!DatabaseCatalog.joinable("bigint", "text"))
        #expect(DatabaseCatalog.isDateLike("timestamp with time zone"))
        #expect(DatabaseCatalog.isDateLike("date"))
        #expect(!DatabaseCatalog.isDateLike("text"))
    }
}

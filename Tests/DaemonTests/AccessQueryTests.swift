import CustomerData
import Requests
import Testing

/// The SQL built from the data map: names validated and quoted, values only as `$1`.
struct AccessQueryTests {
    private let itemRows = SubjectRows(
        table: "shop.items", key: ["id"],
        path: [PathStep(column: "basket_id", references: "shop.baskets.id"),
               PathStep(column: "person_id", references: "shop.people.id")],
        subjectKey: "id")

    @Test func aTwoStepPathJoinsTheMiddleTableAndComparesTheLastColumn() throws {
        #expect(try itemRows.select(columns: nil) == """
            SELECT t0.* FROM "shop"."items" t0 JOIN "shop"."baskets" t1 ON t1."id" = t0."basket_id" \
            WHERE t1."person_id" = $1 ORDER BY t0."id"
            """)
        #expect(try itemRows.count() == """
            SELECT count(*) AS count FROM "shop"."items" t0 JOIN "shop"."baskets" t1 ON t1."id" = t0."basket_id" \
            WHERE t1."person_id" = $1
            """)
    }

    @Test func theSubjectTableIsReadByItsKeyWithChosenColumns() throws {
        let people = SubjectRows(table: "shop.people", key: ["id"], path: [], subjectKey: "id")
        #expect(try people.select(columns: ["full_name", "mail"])
            == #"SELECT t0."full_name", t0."mail" FROM "shop"."people" t0 WHERE t0."id" = $1 ORDER BY t0."id""#)
    }

    @Test func aCompositeKeyOrdersByEveryKeyColumn() throws {
        let members = SubjectRows(table: "shop.members", key: ["list_id", "person_id"],
                                  path: [PathStep(column: "person_id", references: "shop.people.id")], subjectKey: "id")
        #expect(try members.select(columns: nil).hasSuffix(#"WHERE t0."person_id" = $1 ORDER BY t0."list_id", t0."person_id""#))
    }

    @Test func hostileNamesAreRefused() {
        let hostile = [
            SubjectRows(table: "shop.items; DROP TABLE x", key: ["id"], path: [], subjectKey: "id"),
            SubjectRows(table: "shop.items", key: ["id\""], path: [], subjectKey: "id"),
            SubjectRows(table: "items", key: ["id"], path: [], subjectKey: "id"),
            SubjectRows(table: "shop.items", key: ["id"],
                        path: [PathStep(column: "basket_id", references: "shop.baskets"),
                               PathStep(column: "person_id", references: "shop.people.id")], subjectKey: "id"),
            SubjectRows(table: "shop.items", key: ["id"], path: [], subjectKey: "Id"),
        ]
        for rows in hostile {
            #expect(throws: SQLIdentifierError.self) { try rows.select(columns: nil) }
        }
        #expect(throws: SQLIdentifierError.self) { try itemRows.select(columns: ["label", "x y"]) }
    }

    @Test func identifiersAreQuotedPartByPart() throws {
        #expect(try SQLIdentifier.quoted("shop.people", parts: 2) == #""shop"."people""#)
        #expect(try SQLIdentifier.quoted("mail") == #""mail""#)
        #expect(throws: SQLIdentifierError.self) { try SQLIdentifier.quoted("shop.people") }
        #expect(throws: SQLIdentifierError.self) { try SQLIdentifier.quoted("") }
        #expect(throws: SQLIdentifierError.self) { try SQLIdentifier.quoted("ÆØÅ") }
        #expect(throws: SQLIdentifierError.self) { try SQLIdentifier.quoted(String(repeating: "a", count: 64)) }
        #expect(try SQLIdentifier.splitColumn("shop.people.id") == ("shop.people", "id"))
    }

    @Test func theLookupFoldsOnlyASCIILettersOfTheStoredAddress() throws {
        let lookup = SubjectLookup(table: "shop.people", key: "id", emailColumn: "mail", languageColumn: "lang", limit: 5)
        #expect(try lookup.select() == """
            SELECT s."id"::text AS key, s."mail"::text AS address, s."lang"::text AS language FROM "shop"."people" s \
            WHERE lower(s."mail"::text COLLATE "C") = ANY($1::text[]) ORDER BY s."id" LIMIT 5
            """)
        let plain = SubjectLookup(table: "shop.people", key: "id", emailColumn: "mail")
        #expect(try plain.select().contains("NULL::text AS language"))
    }

    @Test func disclosuresJoinThePartnerTable() throws {
        let rows = SubjectRows(table: "shop.shares", key: ["id"],
                               path: [PathStep(column: "person_id", references: "shop.people.id")], subjectKey: "id")
        let source = DisclosureSource(partnerColumn: "firm_id", partnerTable: "shop.firms", partnerKey: "id",
                                      partnerNameColumn: "name", partnerAddressColumn: nil, dateColumn: "shared_at",
                                      fieldsColumn: "what")
        let query = DisclosureRows(rows: rows, source: source)
        let sql = try query.select()
        #expect(sql.contains(#"FROM "shop"."shares" t0 JOIN "shop"."firms" p ON p."id" = t0."firm_id" WHERE t0."person_id" = $1"#))
        #expect(sql.contains(#"NULL::text AS address, NULL::text AS language"#))
        #expect(sql.contains(#"to_jsonb(t0."what")::text AS fields"#))
        var withLanguage = source
        withLanguage.partnerLanguageColumn = "lang"
        #expect(try DisclosureRows(rows: rows, source: withLanguage).select().contains(#"p."lang"::text AS language"#))
    }
}

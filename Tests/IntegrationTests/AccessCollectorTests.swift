import CustomerData
import Foundation
import Testing
@testable import Daemon
import Requests
import Store

/// Carries a value out of a transaction that is then rolled back.
private struct RolledBack<Value: Sendable>: Error {
    let value: Value
}

/// Runs `body` in a transaction that is always rolled back, and returns its value.
private func inRolledBackTransaction<Value: Sendable>(
    _ client: PostgresClient, _ body: @escaping @Sendable (PostgresConnection) throws -> Value
) async throws -> Value {
    do {
        try await client.transaction { connection in
            throw RolledBack(value: try body(connection))
        }
    } catch let rolledBack as RolledBack<Value> {
        return rolledBack.value
    }
    throw NotRolledBack()
}

/// `inRolledBackTransaction`'s body returned without the rollback (cannot happen).
private struct NotRolledBack: Error {}

/// Access requests against the stack's sample customers.
extension LiveStackTests {
    @Suite struct AccessCollectorTests {
        @Test func kariGetsEveryCategoryWithTheDatabasesRowCounts() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let map = try repositoryDataMap()
            let outcome = try await AccessCollector(map: map).collect(address: "kari.nordmann@example.no", client: client)
            guard case .found(let report) = outcome else {
                Issue.record("no report for Kari: \(outcome)")
                return
            }
            // Direct counts, written out per table.
            let counts = try await client.query("""
                SELECT 'crm.customers' AS t, count(*) AS n FROM crm.customers WHERE id = 1
                UNION ALL SELECT 'crm.dietary_needs', count(*) FROM crm.dietary_needs WHERE customer_id = 1
                UNION ALL SELECT 'crm.orders', count(*) FROM crm.orders WHERE customer_id = 1
                UNION ALL SELECT 'crm.order_lines', count(*) FROM crm.order_lines l JOIN crm.orders o ON o.id = l.order_id WHERE o.customer_id = 1
                UNION ALL SELECT 'crm.event_registrations', count(*) FROM crm.event_registrations WHERE customer_id = 1
                UNION ALL SELECT 'crm.disclosures', count(*) FROM crm.disclosures WHERE customer_id = 1
                UNION ALL SELECT 'crm.feedback', count(*) FROM crm.feedback WHERE customer_id = 1
                UNION ALL SELECT 'crm.conversation_notes', count(*) FROM crm.conversation_notes WHERE customer_id = 1
                UNION ALL SELECT 'crm.campaign_members', count(*) FROM crm.campaign_members WHERE customer_id = 1
                UNION ALL SELECT 'crm.interests', count(*) FROM crm.interests WHERE customer_id = 1
                UNION ALL SELECT 'crm.survey_answers', count(*) FROM crm.survey_answers WHERE customer_id = 1
                UNION ALL SELECT 'crm.privacy_requests', count(*) FROM crm.privacy_requests WHERE customer_id = 1
                UNION ALL SELECT 'crm.digital_sessions', count(*) FROM crm.digital_sessions WHERE customer_id = 1
                UNION ALL SELECT 'crm.devices', count(*) FROM crm.devices WHERE customer_id = 1
                UNION ALL SELECT 'crm.recorded_calls', count(*) FROM crm.recorded_calls WHERE customer_id = 1
                UNION ALL SELECT 'crm.correspondence', count(*) FROM crm.correspondence WHERE customer_id = 1
                """)
            var expected: [String: Int] = [:]
            for row in counts.rows where try row.int("n") > 0 { expected[try row.string("t")] = try row.int("n") }
            #expect(counts.rows.count == map.tables.count)
            #expect(expected.count >= 12, "Kari's sample data has rows in most tables")
            #expect(expected["crm.orders"] == 3)

            let collected = Dictionary(uniqueKeysWithValues: report.categories.map { ($0.table, $0.rows.count) })
            #expect(collected == expected)
            #expect(report.subjectKey == "1")
            #expect(report.storedLanguage == "nb")

            // The same counts in the exported JSON, and the disclosure with its date.
            let bytes = AccessExport.json(report, reference: "DSR-TEST-1", generatedAt: Date(), controller: "Janteloppet AS")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            let categories = try #require(object["categories"] as? [[String: Any]])
            var exported: [String: Int] = [:]
            for category in categories {
                let table = try #require(category["table"] as? String)
                exported[table] = (category["rows"] as? [Any])?.count
            }
            #expect(exported == expected)
            let profile = try #require(categories.first { $0["table"] as? String == "crm.customers" }?["rows"] as? [[String: Any]])
            #expect(profile.first?["email"] as? String == "kari.nordmann@example.no")
            #expect(profile.first?["last_disclosure_at"] != nil, "every column is exported, NULL or not")

            #expect(report.disclosures.count == 1)
            let disclosure = try #require(report.disclosures.first)
            #expect(disclosure.partner == "Fjellsikt Hotell AS")
            let stored = try await client.query("SELECT extract(epoch FROM disclosed_at)::bigint AS at FROM crm.disclosures WHERE customer_id = 1")
            #expect(Int(disclosure.date.timeIntervalSince1970) == (try stored.first?.int("at")))
            #expect(disclosure.fields.contains("organization"))
            let disclosures = try #require(object["disclosures"] as? [[String: Any]])
            #expect(disclosures.first?["partner"] as? String == "Fjellsikt Hotell AS")
            #expect(disclosures.first?["date"] as? String == Day(disclosure.date).description)

            let values = AccessReplyValues.values(report, map: map, language: .nb,
                                                  files: .init(json: "dsr-export-DSR-TEST-1.json", readable: "dsr-export-DSR-TEST-1.html"))
            #expect(values["recipients"] == .list([["name": "Fjellsikt Hotell AS", "date": .text(ReplyLanguage.nb.dateText(Day(disclosure.date)))]]))
            await client.close()
        }

        @Test func anUnknownAddressHasNoData() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let collector = try AccessCollector(map: try repositoryDataMap())
            #expect(try await collector.collect(address: "nobody.here@example.org", client: client) == .noData)
            #expect(try await collector.collect(address: "'; DROP TABLE x; --@example.org", client: client) == .noData)
            await client.close()
        }

        @Test func theAddressMatchesInAnyLetterCase() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let collector = try AccessCollector(map: try repositoryDataMap())
            guard case .found(let report) = try await collector.collect(address: "SIGRID.HAUGEN@EXAMPLE.NET", client: client) else {
                Issue.record("the stored Sigrid.Haugen@example.net was not found")
                return
            }
            #expect(report.subjectKey == "22")
            await client.close()
        }

        /// A map of temporary tables: two people share an address (in different
        /// case), and items reach people through baskets (a two-step path).
        @Test func severalSubjectsWithOneAddressAreAmbiguousAndPathsOfTwoStepsJoin() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let text = LocalizedText(en: "x", nb: "y")
            func table(_ name: String, path: [PathStep]) -> MappedTable {
                MappedTable(table: name, key: ["id"], path: path, category: text, purpose: text, legalBasis: text,
                            retention: text, erasure: .delete)
            }
            let map = DataMap(
                subject: DataMapSubject(table: "pg_temp.people", key: "id", emailColumn: "mail", nameColumns: ["full_name"]),
                tables: [
                    table("pg_temp.people", path: []),
                    table("pg_temp.baskets", path: [PathStep(column: "person_id", references: "pg_temp.people.id")]),
                    table("pg_temp.items", path: [PathStep(column: "basket_id", references: "pg_temp.baskets.id"),
                                                  PathStep(column: "person_id", references: "pg_temp.people.id")]),
                ], transfers: text)
            let collector = try AccessCollector(map: map)
            let outcomes = try await inRolledBackTransaction(client) { connection -> [AccessOutcome] in
                try connection.execute("CREATE TEMP TABLE people (id int PRIMARY KEY, mail text, full_name text) ON COMMIT DROP")
                try connection.execute("CREATE TEMP TABLE baskets (id int PRIMARY KEY, person_id int) ON COMMIT DROP")
                try connection.execute("CREATE TEMP TABLE items (id int PRIMARY KEY, basket_id int, label text) ON COMMIT DROP")
                try connection.execute("""
                    INSERT INTO people VALUES (1, 'test.one@example.com', 'Test One'), (2, 'Test.One@example.com', 'Test Two'),
                                              (3, 'test.three@example.com', 'Test Three')
                    """)
                try connection.execute("INSERT INTO baskets VALUES (10, 3), (11, 3), (12, 1)")
                try connection.execute("INSERT INTO items VALUES (100, 10, 'a'), (101, 10, NULL), (102, 11, 'c'), (103, 12, 'd')")
                return [try collector.collect(address: "test.one@example.com", on: connection),
                        try collector.collect(address: "test.three@example.com", on: connection)]
            }
            #expect(outcomes.first == .ambiguous(subjects: 2))
            guard case .found(let report) = outcomes.last else {
                Issue.record("no report for the third person")
                return
            }
            #expect(report.categories.map(\.table) == ["pg_temp.people", "pg_temp.baskets", "pg_temp.items"])
            #expect(report.categories.last?.columns == ["id", "basket_id", "label"])
            #expect(report.categories.last?.rows == [["100", "10", "a"], ["101", "10", nil], ["102", "11", "c"]])
            await client.close()
        }

        /// Not a timed test: prints how long collecting 10,000 rows takes.
        @Test func tenThousandRowsAreCollected() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let collector = try AccessCollector(map: try repositoryDataMap())
            let address = LocalStack.uniqueAddress("access-load")
            let measured = try await inRolledBackTransaction(client) { connection -> (Int, Double, Int, Double) in
                let created = try connection.execute(
                    "INSERT INTO crm.customers (email, first_name, last_name) VALUES ($1, 'Test', 'Volume') RETURNING id", [.text(address)])
                let id = try created.first?.string("id") ?? ""
                try connection.execute("""
                    INSERT INTO crm.correspondence (customer_id, channel, direction, sent_at, subject, body)
                    SELECT $1, 'email', 'inbound', now() - n * interval '1 minute', 'Test ' || n, repeat('Test text. ', 20)
                    FROM generate_series(1, 10000) AS n
                    """, [.text(id)])
                let clock = ContinuousClock()
                let start = clock.now
                let outcome = try collector.collect(address: address, on: connection)
                let collected = clock.now - start
                guard case .found(let report) = outcome else { return (0, 0, 0, 0) }
                let rows = report.categories.first { $0.table == "crm.correspondence" }?.rows.count ?? 0
                let exportStart = clock.now
                let bytes = AccessExport.json(report, reference: "DSR-LOAD", generatedAt: Date(), controller: "Test")
                let exported = clock.now - exportStart
                return (rows, Self.seconds(collected), bytes.count, Self.seconds(exported))
            }
            #expect(measured.0 == 10_000)
            let figure = "access: collected 10,000 correspondence rows in \(String(format: "%.3f", measured.1)) s; "
                + "JSON export \(measured.2) bytes in \(String(format: "%.3f", measured.3)) s\n"
            FileHandle.standardError.write(Data(figure.utf8))
            await client.close()
        }

        private static func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
    }
}

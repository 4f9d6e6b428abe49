import CustomerData
import Foundation
import Testing
@testable import Daemon
import Requests
import Store

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The repository's data map, decoded.
func repositoryDataMap() throws -> DataMap {
    try DataMap.load(from: repositoryRoot.appendingPathComponent("deploy/datamap.json").path)
}

/// The data map against the live stack database, directly and through `dsrd check-config`.
extension LiveStackTests {
    @Suite struct DataMapValidationTests {
        @Test func theRepositoryMapMatchesTheStackDatabase() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let problems = try await DataMapDatabaseCheck.problems(try repositoryDataMap(), client: client)
            #expect(problems == [])
            await client.close()
        }

        @Test func missingTablesAndColumnsAndWrongJoinsAreReportedWithTheirPaths() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            let map = try brokenMap()
            #expect(map.problems() == [], "the broken map must pass the structural checks")
            let problems = try await DataMapDatabaseCheck.problems(map, client: client).map(\.description)
            #expect(problems.contains("tables[1].columns[1]: column allergy_notes does not exist in crm.dietary_needs"))
            #expect(problems.contains("tables[6].table: table crm.feedbacks does not exist"))
            #expect(problems.contains("tables[3].path[0].references: crm.order_lines.order_id is bigint but crm.orders.order_number is text"))
            #expect(problems.contains("tables[2].erasure.date_column: column billing_city is text, not a date or timestamp"))
            #expect(problems.contains("tables[0].objection.sharing.column: column language is text, not boolean"))
            // The misspelt table leaves the real one unmapped.
            #expect(problems.contains("tables: table crm.feedback references crm.customers but is not in the data map"))
            #expect(problems.count == 6, "\(problems)")
            await client.close()
        }

        @Test func aTableLeftOutOfTheMapIsReported() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            var map = try repositoryDataMap()
            map.tables.removeAll { $0.table == "crm.recorded_calls" }
            let problems = try await DataMapDatabaseCheck.problems(map, client: client).map(\.description)
            #expect(problems == ["tables: table crm.recorded_calls references crm.customers but is not in the data map"])
            await client.close()
        }

        @Test func labelsAndThePartnerLanguageColumnAreCheckedAgainstTheDatabase() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            var map = try repositoryDataMap()
            let dietary = try #require(map.tables.firstIndex { $0.table == "crm.dietary_needs" })
            let disclosures = try #require(map.tables.firstIndex { $0.table == "crm.disclosures" })
            map.tables[dietary].labels["needs"] = nil
            map.tables[dietary].labels["allergens"] = LocalizedText(en: "Allergens", nb: "Allergener")
            map.tables[disclosures].disclosures?.partnerLanguageColumn = "language"
            #expect(map.problems() == [])
            let problems = try await DataMapDatabaseCheck.problems(map, client: client).map(\.description)
            #expect(problems == [
                "tables[\(dietary)].labels.allergens: column allergens does not exist in crm.dietary_needs",
                "tables[\(dietary)].labels: no label for needs: the copy would show column names",
                "tables[\(disclosures)].disclosures.partner_language_column: column language does not exist in crm.partners",
            ])
            await client.close()
        }

        /// A text the replies show that lacks one of the reply languages
        /// (nb, en) keeps the map from loading: check-config names its path.
        @Test func checkConfigRefusesAMapThatLacksATextInAReplyLanguage() throws {
            let stack = try LocalStack()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dsrd-datamap-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let original = try Data(contentsOf: repositoryRoot.appendingPathComponent("deploy/datamap.json"))
            let cases: [(String, (inout [String: Any]) throws -> Void)] = [
                ("processors[0].service.nb", { root in
                    var processors = try #require(root["processors"] as? [[String: Any]])
                    processors[0]["service"] = ["en": "Hosting"]
                    root["processors"] = processors
                }),
                ("transfers.en", { root in root["transfers"] = ["nb": "Vi lagrer alt i EØS."] }),
                ("tables[1].labels.needs.nb", { root in
                    var tables = try #require(root["tables"] as? [[String: Any]])
                    var labels = try #require(tables[1]["labels"] as? [String: Any])
                    labels["needs"] = ["en": "Dietary needs"]
                    tables[1]["labels"] = labels
                    root["tables"] = tables
                }),
            ]
            for (index, (path, change)) in cases.enumerated() {
                var root = try #require(try JSONSerialization.jsonObject(with: original) as? [String: Any])
                try change(&root)
                let mapPath = folder.appendingPathComponent("map-\(index).json").path
                try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: mapPath))
                let config = try writeConfig(in: folder, name: "config-\(index).json", stack: stack, mapPath: mapPath)
                let checked = try runDsrd(["check-config", "--config", config])
                #expect(checked.status == 78, "\(path)")
                #expect(checked.output.contains("\(path): missing"), "\(checked.output)")
            }
        }

        @Test func checkConfigExitsWithOneAndNamesThePaths() throws {
            let stack = try LocalStack()
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dsrd-datamap-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let goodConfig = try writeConfig(in: folder, name: "good.json", stack: stack,
                                             mapPath: repositoryRoot.appendingPathComponent("deploy/datamap.json").path)
            let good = try runDsrd(["check-config", "--config", goodConfig])
            #expect(good.status == 0, "\(good.output)")
            #expect(good.output.contains("data map matches the database"))

            let mapPath = folder.appendingPathComponent("broken-map.json").path
            try JSONEncoder().encode(try brokenMap()).write(to: URL(fileURLWithPath: mapPath))
            let badConfig = try writeConfig(in: folder, name: "bad.json", stack: stack, mapPath: mapPath)
            let bad = try runDsrd(["check-config", "--config", badConfig])
            #expect(bad.status == 78)
            #expect(bad.output.contains("data_map: tables[6].table: table crm.feedbacks does not exist"))
            #expect(bad.output.contains("data_map: tables[1].columns[1]: column allergy_notes does not exist"))
            #expect(bad.output.contains("data_map: tables[3].path[0].references:"))
        }

        @Test func aPathThatWouldReachOtherPeoplesRowsIsRefusedWithItsKeyPath() async throws {
            let stack = try LocalStack()
            let client = PostgresClient(configuration: stack.postgres)
            var map = try repositoryDataMap()
            let index = try #require(map.tables.firstIndex { $0.table == "crm.disclosures" })
            let steps = [PathStep(column: "event_id", references: "crm.event_registrations.event_id"),
                         PathStep(column: "customer_id", references: "crm.customers.id")]
            map.tables[index].path = steps
            #expect(map.problems() == [], "the map is well formed; only the database shows the fan-out")
            // What the path would read for customer 1: every disclosure of every event she registered for.
            let rows = SubjectRows(table: "crm.disclosures", key: ["id"], path: steps, subjectKey: "id")
            let reached = try await client.query(try rows.count(), [.text("1")]).first?.int("count") ?? 0
            let own = try await client.query("SELECT count(*) FROM crm.disclosures WHERE customer_id = 1").first?.int("count") ?? 0
            #expect(reached > own)

            let expected = "tables[\(index)].path[0].references: crm.disclosures.event_id has no single-column foreign key to "
                + "crm.event_registrations.event_id (a primary or unique key): the join could reach other people's rows"
            #expect(try await DataMapDatabaseCheck.problems(map, client: client).map(\.description) == [expected])
            await client.close()

            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dsrd-datamap-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let mapPath = folder.appendingPathComponent("fan-out-map.json").path
            try JSONEncoder().encode(map).write(to: URL(fileURLWithPath: mapPath))
            let config = try writeConfig(in: folder, name: "fan-out.json", stack: stack, mapPath: mapPath)
            let checked = try runDsrd(["check-config", "--config", config])
            #expect(checked.status == 78)
            #expect(checked.output.contains("data_map: " + expected), "\(checked.output)")
        }

        /// The repository map with a missing column, a missing table, a path to
        /// a wrong column, a text hold date and a text objection column.
        private func brokenMap() throws -> DataMap {
            var map = try repositoryDataMap()
            map.tables[1].columns = ["needs", "allergy_notes"]
            map.tables[6].table = "crm.feedbacks"
            map.tables[3].path[0] = PathStep(column: "order_id", references: "crm.orders.order_number")
            if case .hold(var rule) = map.tables[2].erasure {
                rule.dateColumn = "billing_city"
                map.tables[2].erasure = .hold(rule)
            }
            map.tables[0].objection?.sharing?.column = "language"
            return map
        }

        /// The stack's config with `data_map` and `templates_dir` of this checkout.
        private func writeConfig(in folder: URL, name: String, stack: LocalStack, mapPath: String) throws -> String {
            let data = try Data(contentsOf: URL(fileURLWithPath: stack.configPath))
            var config = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            config["data_map"] = mapPath
            config["templates_dir"] = repositoryRoot.appendingPathComponent("Templates").path
            let path = folder.appendingPathComponent(name).path
            try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: path))
            return path
        }

        /// Runs the `dsrd` under test (`DSRDBinary`), stdout and stderr together.
        private func runDsrd(_ arguments: [String]) throws -> (status: Int32, output: String) {
            let binary = URL(fileURLWithPath: DSRDBinary.path)
            try #require(FileManager.default.isExecutableFile(atPath: binary.path),
                         "build the dsrd binary first (swift build --product dsrd) or set DSRD_BINARY")
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: output, as: UTF8.self))
        }
    }
}

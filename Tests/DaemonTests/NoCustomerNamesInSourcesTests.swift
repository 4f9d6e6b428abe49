import Foundation
import Testing

/// dsrd knows the customer database only through its data map: no file under
/// `Sources/` may name the map's schema, its tables (as SQL identifiers) or
/// its distinctive column names. The names are read from `deploy/datamap.json`.
struct NoCustomerNamesInSourcesTests {
    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The names to look for, read from the repository's data map.
    struct Names {
        var schemas: Set<String> = []
        var tables: Set<String> = []
        /// Column names with an underscore (plain words such as `email` are
        /// everyday words), minus rectification field names, which are dsrd's
        /// own vocabulary (`first_name`).
        var columns: Set<String> = []
    }

    static func names() throws -> Names {
        let data = try Data(contentsOf: repository.appendingPathComponent("deploy/datamap.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tables = try #require(root["tables"] as? [[String: Any]])
        var names = Names()
        var columns: Set<String> = []
        var fields: Set<String> = []
        func addTable(_ qualified: String?) {
            guard let parts = qualified?.split(separator: "."), parts.count == 2 else { return }
            names.schemas.insert(String(parts[0]))
            names.tables.insert(String(parts[1]))
        }
        for table in tables {
            addTable(table["table"] as? String)
            columns.formUnion(table["key"] as? [String] ?? [])
            columns.formUnion(table["columns"] as? [String] ?? [])
            for step in table["path"] as? [[String: String]] ?? [] {
                columns.insert(step["column"] ?? "")
                let parts = (step["references"] ?? "").split(separator: ".")
                if parts.count == 3 { columns.insert(String(parts[2])) }
            }
            if let erasure = table["erasure"] as? [String: Any] {
                for key in ["keep_columns", "clear_columns", "columns"] { columns.formUnion(erasure[key] as? [String] ?? []) }
                for key in ["date_column", "detach_column"] { if let name = erasure[key] as? String { columns.insert(name) } }
            }
            if let rectification = table["rectification"] as? [String: String] {
                fields.formUnion(rectification.keys)
                columns.formUnion(rectification.values)
            }
            for value in (table["objection"] as? [String: [String: Any]] ?? [:]).values {
                if let column = value["column"] as? String { columns.insert(column) }
            }
            if let disclosures = table["disclosures"] as? [String: String] {
                addTable(disclosures["partner_table"])
                for (key, value) in disclosures where key != "partner_table" { columns.insert(value) }
            }
        }
        names.columns = columns.filter { $0.contains("_") && !fields.contains($0) }
        return names
    }

    /// Every violation in `text`, as "what: name".
    static func violations(in text: String, names: Names) -> [String] {
        var found: [String] = []
        for schema in names.schemas.sorted() where text.contains(schema + ".") {
            found.append("schema: \(schema).")
        }
        for table in names.tables.sorted() {
            let sql = #"(?i)\b(from|join|into|update|table|references)\s+(\\?")?"# + table + #"\b"#
            if text.range(of: sql, options: .regularExpression) != nil { found.append("table: \(table)") }
        }
        for column in names.columns.sorted() where text.range(of: #"\b"# + column + #"\b"#, options: .regularExpression) != nil {
            found.append("column: \(column)")
        }
        return found
    }

    @Test func theMapGivesEnoughNamesToLookFor() throws {
        let names = try Self.names()
        #expect(names.schemas == ["crm"])
        #expect(names.tables.count >= 16)
        #expect(names.tables.contains("correspondence"))
        #expect(names.columns.contains("customer_id"))
        #expect(names.columns.contains("share_with_partners"))
        #expect(!names.columns.contains("first_name"))
    }

    @Test func theScannerFindsPlantedNames() throws {
        let names = try Self.names()
        #expect(Self.violations(in: #"let sql = "SELECT * FROM crm.orders""#, names: names) == ["schema: crm."])
        #expect(Self.violations(in: #"DELETE FROM "orders" WHERE x = $1"#, names: names) == ["table: orders"])
        #expect(Self.violations(in: #"UPDATE \"devices\" SET"#, names: names) == ["table: devices"])
        #expect(Self.violations(in: "join correspondence c", names: names) == ["table: correspondence"])
        #expect(Self.violations(in: "WHERE customer_id = $1", names: names) == ["column: customer_id"])
        #expect(Self.violations(in: "orders placed by customers; my_customer_id_x", names: names) == [])
    }

    @Test func noSourceFileNamesTheCustomerDatabase() throws {
        let names = try Self.names()
        let sources = Self.repository.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var scanned = 0
        var problems: [String] = []
        for case let file as URL in enumerator where ["swift", "c", "h", "sql"].contains(file.pathExtension) {
            let text = try String(contentsOf: file, encoding: .utf8)
            scanned += 1
            for violation in Self.violations(in: text, names: names) {
                problems.append("\(file.path.replacingOccurrences(of: sources.path + "/", with: "")): \(violation)")
            }
        }
        #expect(scanned > 100)
        #expect(problems == [])
    }
}

import Requests
import Store

/// Checks a data map against the live database: reads the catalog of the
/// schemas the map names in one read-only transaction, then compares.
public enum DataMapDatabaseCheck {
    /// The schemas a map's tables live in.
    static func schemas(of map: DataMap) -> [String] {
        var names = map.tables.map(\.table) + [map.subject.table]
        names += map.tables.compactMap { $0.disclosures?.partnerTable }
        names += map.tables.flatMap { $0.path.compactMap { $0.referencedColumn?.table } }
        let schemas = names.compactMap { $0.split(separator: ".").first.map(String.init) }
        return Array(Set(schemas)).sorted()
    }

    /// The catalog of `schemas` as the validator wants it.
    public static func catalog(schemas: [String], client: PostgresClient) async throws -> DatabaseCatalog {
        try await client.transaction(readOnly: true) { connection in
            var tables: [String: [String: DatabaseCatalog.Column]] = [:]
            for column in try CatalogReader.columns(schemas: schemas, on: connection) {
                tables[column.table, default: [:]][column.name] = DatabaseCatalog.Column(
                    dataType: column.dataType, isNullable: column.isNullable)
            }
            let keys = try CatalogReader.foreignKeys(schemas: schemas, on: connection)
            return DatabaseCatalog(tables: tables, foreignKeys: keys)
        }
    }

    /// Every mismatch between `map` and the database `client` reaches.
    public static func problems(_ map: DataMap, client: PostgresClient) async throws -> [Problem] {
        let catalog = try await catalog(schemas: schemas(of: map), client: client)
        return DataMapValidator.problems(map, catalog: catalog)
    }
}

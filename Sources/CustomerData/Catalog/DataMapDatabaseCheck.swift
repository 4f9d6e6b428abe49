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

    /// The catalog of `schemas`, read in one read-only transaction.
    public static func catalog(schemas: [String], client: PostgresClient) async throws -> DatabaseCatalog {
        try await client.transaction(readOnly: true) { try CatalogReader.catalog(schemas: schemas, on: $0) }
    }

    /// Every mismatch between `map` and the database `client` reaches.
    public static func problems(_ map: DataMap, client: PostgresClient) async throws -> [Problem] {
        let catalog = try await catalog(schemas: schemas(of: map), client: client)
        return DataMapValidator.problems(map, catalog: catalog)
    }
}

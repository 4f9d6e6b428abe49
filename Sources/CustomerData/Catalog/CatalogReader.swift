import Requests
import Store

/// Reads what a database has, for checking a data map against it: the
/// columns (with type and nullability) and the foreign keys of some schemas,
/// as the validator's `DatabaseCatalog`.
public enum CatalogReader {
    /// The catalog of `schemas`: every column of every table, and every
    /// foreign key whose table is in one of them.
    public static func catalog(schemas: [String], on connection: PostgresConnection) throws -> DatabaseCatalog {
        var tables: [String: [String: DatabaseCatalog.Column]] = [:]
        for row in try columns(schemas: schemas, on: connection).rows {
            tables[try row.string("table_name"), default: [:]][try row.string("column_name")] = DatabaseCatalog.Column(
                dataType: try row.string("data_type"), isNullable: try row.string("is_nullable") == "YES")
        }
        return DatabaseCatalog(tables: tables, foreignKeys: try foreignKeys(schemas: schemas, on: connection))
    }

    /// Every column of every table in `schemas`, in table and column order.
    private static func columns(schemas: [String], on connection: PostgresConnection) throws -> QueryResult {
        try connection.execute("""
            SELECT table_schema || '.' || table_name AS table_name, column_name, data_type, is_nullable
            FROM information_schema.columns
            WHERE table_schema = ANY($1::text[])
            ORDER BY table_schema, table_name, ordinal_position
            """, [.textArray(schemas)])
    }

    /// Every foreign key whose table is in `schemas`, one entry per column
    /// pair, each with the number of pairs of its constraint.
    private static func foreignKeys(schemas: [String], on connection: PostgresConnection) throws -> [DatabaseCatalog.ForeignKey] {
        let result = try connection.execute("""
            SELECT fn.nspname || '.' || fc.relname AS table_name, fa.attname AS column_name,
                   rn.nspname || '.' || rc.relname AS referenced_table, ra.attname AS referenced_column,
                   cardinality(k.conkey) AS column_count
            FROM pg_constraint k
            JOIN pg_class fc ON fc.oid = k.conrelid
            JOIN pg_namespace fn ON fn.oid = fc.relnamespace
            JOIN pg_class rc ON rc.oid = k.confrelid
            JOIN pg_namespace rn ON rn.oid = rc.relnamespace
            CROSS JOIN LATERAL unnest(k.conkey, k.confkey) AS pair(own, other)
            JOIN pg_attribute fa ON fa.attrelid = k.conrelid AND fa.attnum = pair.own
            JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = pair.other
            WHERE k.contype = 'f' AND fn.nspname = ANY($1::text[])
            ORDER BY 1, 2
            """, [.textArray(schemas)])
        return try result.rows.map { row in
            DatabaseCatalog.ForeignKey(table: try row.string("table_name"), column: try row.string("column_name"),
                                       referencedTable: try row.string("referenced_table"),
                                       referencedColumn: try row.string("referenced_column"),
                                       columnCount: try row.int("column_count"))
        }
    }
}

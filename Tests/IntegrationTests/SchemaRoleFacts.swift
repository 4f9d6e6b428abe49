import Store

/// Who owns what in schema `dsr` and who may do what with it, as text: the
/// schema's owner and privileges, and each table's, sequence's and
/// function's. Two reads compare equal when nothing changed.
struct SchemaRoleFacts: Equatable {
    let lines: [String]

    static func read(_ client: PostgresClient, schema: String = "dsr") async throws -> SchemaRoleFacts {
        let rows = try await client.query("""
            SELECT concat_ws(' ', 'schema', n.nspname::text, pg_get_userbyid(n.nspowner)::text,
                             coalesce(n.nspacl::text, '-')) AS line
            FROM pg_namespace n WHERE n.nspname = $1::text
            UNION ALL
            SELECT concat_ws(' ', c.relkind::text, c.relname::text, pg_get_userbyid(c.relowner)::text,
                             coalesce(c.relacl::text, '-'))
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1::text
            UNION ALL
            SELECT concat_ws(' ', 'function', p.oid::regprocedure::text, pg_get_userbyid(p.proowner)::text,
                             coalesce(p.proacl::text, '-'), CASE WHEN p.prosecdef THEN 'definer' END)
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1::text
            ORDER BY 1
            """, [.text(schema)])
        return SchemaRoleFacts(lines: try rows.rows.map { try $0.string("line") })
    }

    /// Owners of the schema and everything in it.
    static func owners(_ client: PostgresClient, schema: String = "dsr") async throws -> Set<String> {
        let rows = try await client.query("""
            SELECT pg_get_userbyid(n.nspowner)::text AS owner FROM pg_namespace n WHERE n.nspname = $1::text
            UNION SELECT pg_get_userbyid(c.relowner)::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = $1::text
            UNION SELECT pg_get_userbyid(p.proowner)::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                  WHERE n.nspname = $1::text
            """, [.text(schema)])
        return Set(try rows.rows.map { try $0.string("owner") })
    }
}

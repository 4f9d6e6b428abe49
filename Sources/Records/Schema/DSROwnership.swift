/// Who owns schema `dsr`: the role `dsrd migrate` connects as, never the
/// daemon's. A database migrated before there were two roles has the
/// daemon's role as owner of everything; `DSRSetup` hands every object over
/// to the role running it, before any migration (that role must, for that
/// once, be a member of the old owner: `GRANT dsrd TO dsrd_owner`). Run by
/// the owner on a schema it already owns, or before there is a schema, it
/// changes nothing.
enum DSROwnership {
    static let takeOver = """
        DO $$
        DECLARE
            me oid := (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user);
            item record;
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'dsr') THEN
                RETURN;
            END IF;
            IF (SELECT nspowner FROM pg_catalog.pg_namespace WHERE nspname = 'dsr') <> me THEN
                EXECUTE 'ALTER SCHEMA dsr OWNER TO CURRENT_USER';
            END IF;
            FOR item IN
                SELECT c.relname, c.relkind FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'dsr' AND c.relowner <> me AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            LOOP
                EXECUTE format('ALTER TABLE dsr.%I OWNER TO CURRENT_USER', item.relname);
            END LOOP;
            -- Sequences of identity columns follow their tables; any other goes by itself.
            FOR item IN
                SELECT c.relname FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'dsr' AND c.relowner <> me AND c.relkind = 'S'
            LOOP
                EXECUTE format('ALTER SEQUENCE dsr.%I OWNER TO CURRENT_USER', item.relname);
            END LOOP;
            FOR item IN
                SELECT p.oid::regprocedure AS signature FROM pg_catalog.pg_proc p
                JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'dsr' AND p.proowner <> me
            LOOP
                EXECUTE format('ALTER ROUTINE %s OWNER TO CURRENT_USER', item.signature);
            END LOOP;
        END
        $$
        """
}

/// dsrd's own schema, as the list of migrations that build it.
public enum DSRSchema {
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "inbound ledger", sql: [
            """
            CREATE TABLE dsr.inbound (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                mailbox text NOT NULL,
                uid_validity bigint NOT NULL,
                uid bigint NOT NULL,
                message_id text,
                received_at timestamptz NOT NULL,
                size_bytes integer NOT NULL,
                raw bytea NOT NULL,
                recorded_at timestamptz NOT NULL DEFAULT now(),
                UNIQUE (mailbox, uid_validity, uid)
            )
            """,
            "CREATE INDEX inbound_message_id ON dsr.inbound (message_id) WHERE message_id IS NOT NULL",
            "COMMENT ON TABLE dsr.inbound IS 'Every message read from the notices mailbox, keyed by its IMAP identity'",
        ]),
    ]
}

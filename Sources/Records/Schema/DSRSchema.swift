import Store

/// dsrd's own schema, as the list of migrations that build it. A released
/// migration is never edited; a change is a new one at the end.
public enum DSRSchema {
    /// Applies these migrations to the schema `dsr`.
    public static var migrator: Migrator { Migrator(schema: "dsr", migrations: migrations) }

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
        Migration(version: 2, name: "requests, audit trail and outbox", sql: pipelineTables),
        Migration(version: 3, name: "accounting holds and suppression list", sql: holdAndSuppressionTables),
        Migration(version: 4, name: "fulfilment, confirmations and daily jobs", sql: fulfilmentTables),
        // Intake's global abuse-limit count reads the newest requests only.
        Migration(version: 5, name: "requests by time of receipt", sql: [
            "CREATE INDEX requests_received_at ON dsr.requests (received_at)",
        ]),
        Migration(version: 6, name: "requester, sender verdict and attempts", sql: requesterAndAttempts),
        // What intake read in the opening message (`RequestReading`), so
        // fulfilment never reads the mail again for its meaning.
        Migration(version: 7, name: "the reading of a request", sql: [
            "ALTER TABLE dsr.requests ADD COLUMN reading jsonb",
        ]),
        Migration(version: 8, name: "operators: cancelled mail and the daemon's heartbeat", sql: operatorTables),
        // What retention and the erasure of a person's records need, and
        // the audit trail's only two doors (the schema's owner role is
        // `DSRSetup`'s business, at every migrate).
        Migration(version: 9, name: "retention and erasure of dsrd's own records", sql: DSRRetentionSchema.statements),
        Migration(version: 10, name: "indexes for the address and window lookups of intake", sql: lookupIndexes),
        // A reply that stands in for the receipt looks for the request's
        // waiting receipt among the pending mail, which under a backlog
        // (receipts wait `delivery.receipt_grace_seconds`) is thousands of rows.
        Migration(version: 11, name: "pending mail by request", sql: [
            "CREATE INDEX outbox_pending_request ON dsr.outbox (request_id) WHERE state = 'pending'",
        ]),
        // With a receipt grace, a request going to fulfilment owes its
        // receipt until this moment instead of queuing it (`ReceiptsOwed`):
        // an answer queued first stands in for it, and no receipt is written.
        // And a message's link found from the message: `dsrd outbox list`
        // reads each mail's role so, and without an index each read went
        // through every link (minutes with 40,000 mails in the outbox).
        Migration(version: 12, name: "receipts owed, and links by message", sql: [
            "ALTER TABLE dsr.requests ADD COLUMN receipt_due_at timestamptz",
            "CREATE INDEX requests_receipt_due ON dsr.requests (receipt_due_at) WHERE receipt_due_at IS NOT NULL",
            "CREATE INDEX request_messages_outbox ON dsr.request_messages (outbox_id) WHERE outbox_id IS NOT NULL",
            "CREATE INDEX request_messages_inbound ON dsr.request_messages (inbound_id) WHERE inbound_id IS NOT NULL",
        ]),
        // Settling an owed receipt asks whether any of the request's mail
        // stands in for it, sent or not: without an index on every row's
        // request each settle read the whole outbox. A request has a
        // handful of mails, so the index serves the pending ones too and
        // replaces migration 11's. The addresses of requests are compared
        // with ASCII letters folded only (migration 10's `_c` indexes):
        // the indexes in the database's collation serve no statement, and
        // every version of a request's row (four or so as it goes through
        // intake and fulfilment) was written into them too.
        Migration(version: 13, name: "mail by request, and no unused indexes of requests", sql: [
            "CREATE INDEX outbox_request ON dsr.outbox (request_id)",
            "DROP INDEX dsr.outbox_pending_request",
            "DROP INDEX dsr.requests_requester",
            "DROP INDEX dsr.requests_subject",
            // Room on each page for the row's next version: fulfilment's
            // count of an attempt changes no indexed column, and so needs
            // no index entry when the new version fits beside the old.
            "ALTER TABLE dsr.requests SET (fillfactor = 80)",
        ]),
        // The next requests in a state, in id order (fulfilment reads the
        // `received` ones 25 at a time), come from the index in that order:
        // with the state and the date due, each read went through every
        // request in the state and sorted them, over the whole backlog. The
        // date due was never read from that index (the statements ask for
        // `coalesce(extended_due_on, due_on)`), so the new index replaces it.
        Migration(version: 14, name: "requests by state in id order", sql: [
            "CREATE INDEX requests_state_id ON dsr.requests (state, id)",
            "DROP INDEX dsr.requests_state_due",
        ]),
    ]

    /// The lookups intake makes for every message compare addresses with
    /// ASCII letters folded only (`lower(… COLLATE "C")`, as
    /// `AddressMatcher` does), which the indexes on `lower(…)` in the
    /// database's collation cannot serve: without these each lookup read
    /// the whole table. The window count of the global limits reads only
    /// the index of requests that count.
    static let lookupIndexes = [
        "CREATE INDEX requests_requester_c ON dsr.requests (lower(requester_address COLLATE \"C\"), received_at)",
        "CREATE INDEX requests_subject_c ON dsr.requests (lower(subject_address COLLATE \"C\"))",
        """
        CREATE INDEX requests_window ON dsr.requests (sender_authenticated, received_at) WHERE state <> 'ignored'
        """,
        "CREATE INDEX inbound_sender_c ON dsr.inbound (lower(from_address COLLATE \"C\"))",
        "CREATE INDEX confirmations_address_c ON dsr.confirmations (lower(address COLLATE \"C\"), sent_at)",
    ]

    /// What the operators' commands need: mail an operator took out of the
    /// queue (`dsrd outbox cancel`) is `cancelled`, never sent and never
    /// claimed again; and each daemon's last successful round
    /// (`DaemonHeartbeat`), which `dsrd status --max-age` reads.
    static let operatorTables = [
        "ALTER TABLE dsr.outbox DROP CONSTRAINT outbox_state_check",
        """
        ALTER TABLE dsr.outbox ADD CONSTRAINT outbox_state_check
            CHECK (state IN ('pending', 'sent', 'failed', 'cancelled'))
        """,
        """
        CREATE TABLE dsr.heartbeat (
            daemon text PRIMARY KEY,
            last_round_at timestamptz NOT NULL,
            version text NOT NULL,
            recorded_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        "COMMENT ON TABLE dsr.heartbeat IS 'The last successful round of each daemon, for dsrd status'",
    ]

    /// Who really asked (the opening message's From, which a claimed address
    /// never replaces), what the company's mail server said about that
    /// sender, and how often a request or a message was tried: one that
    /// takes the process down again and again is set aside for a person.
    static let requesterAndAttempts = [
        """
        ALTER TABLE dsr.requests
            ADD COLUMN requester_address text,
            ADD COLUMN sender_verdict text,
            ADD COLUMN sender_authenticated boolean NOT NULL DEFAULT false,
            ADD COLUMN fulfil_attempts integer NOT NULL DEFAULT 0
        """,
        "UPDATE dsr.requests SET requester_address = subject_address",
        "CREATE INDEX requests_requester ON dsr.requests (lower(requester_address), received_at)",
        // Intake's attempts per message, counted in their own transaction
        // before the message is read: a crash leaves the count behind.
        """
        CREATE TABLE dsr.intake_attempts (
            mailbox text NOT NULL,
            uid_validity bigint NOT NULL,
            uid bigint NOT NULL,
            attempts integer NOT NULL DEFAULT 0,
            last_at timestamptz NOT NULL,
            PRIMARY KEY (mailbox, uid_validity, uid)
        )
        """,
        "ALTER TABLE dsr.inbound DROP CONSTRAINT inbound_outcome_check",
        """
        ALTER TABLE dsr.inbound ADD CONSTRAINT inbound_outcome_check
            CHECK (outcome IN ('recorded', 'request', 'follow_up', 'duplicate', 'auto', 'bounce', 'not_a_request',
                               'loop_guard', 'own_mail', 'unreadable', 'oversized', 'rate_limited', 'repeat',
                               'quarantined'))
        """,
    ]

    static let pipelineTables = [
        // What intake made of each message; filled in the recording transaction.
        """
        ALTER TABLE dsr.inbound
            ADD COLUMN raw_sha256 text,
            ADD COLUMN from_address text,
            ADD COLUMN outcome text NOT NULL DEFAULT 'recorded'
                CHECK (outcome IN ('recorded', 'request', 'follow_up', 'duplicate', 'auto', 'bounce',
                                   'not_a_request', 'loop_guard', 'own_mail', 'unreadable', 'oversized')),
            ADD COLUMN auto_kind text,
            ADD COLUMN problem text,
            ADD COLUMN moved_at timestamptz
        """,
        "CREATE INDEX inbound_raw_sha256 ON dsr.inbound (raw_sha256) WHERE raw_sha256 IS NOT NULL",
        "CREATE INDEX inbound_sender_time ON dsr.inbound (lower(from_address), received_at)",
        // The UIDVALIDITY last seen per mailbox, to notice a change.
        """
        CREATE TABLE dsr.mailbox_state (
            mailbox text PRIMARY KEY,
            uid_validity bigint NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        """
        CREATE TABLE dsr.requests (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            reference text NOT NULL UNIQUE,
            kinds text[] NOT NULL,
            language text NOT NULL,
            reply_language text NOT NULL CHECK (reply_language IN ('nb', 'en')),
            subject_address text NOT NULL,
            state text NOT NULL CHECK (state IN ('received', 'awaiting_confirmation', 'needs_review',
                                                 'completed', 'rejected', 'ignored')),
            state_reason text,
            received_at timestamptz NOT NULL,
            due_on date NOT NULL,
            extended_due_on date,
            confidence double precision NOT NULL,
            on_behalf boolean NOT NULL DEFAULT false,
            auto_kind text,
            evidence text[] NOT NULL DEFAULT '{}',
            fields jsonb NOT NULL DEFAULT '{}',
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        "CREATE INDEX requests_state_due ON dsr.requests (state, due_on)",
        "CREATE INDEX requests_subject ON dsr.requests (lower(subject_address))",
        """
        CREATE TABLE dsr.outbox (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            request_id bigint REFERENCES dsr.requests (id),
            message_id text NOT NULL UNIQUE,
            template text NOT NULL,
            envelope_from text NOT NULL,
            recipients text[] NOT NULL,
            raw bytea NOT NULL,
            state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
            attempts integer NOT NULL DEFAULT 0,
            next_attempt_at timestamptz NOT NULL DEFAULT now(),
            last_error text,
            created_at timestamptz NOT NULL DEFAULT now(),
            sent_at timestamptz,
            bounced_at timestamptz
        )
        """,
        "CREATE INDEX outbox_pending ON dsr.outbox (next_attempt_at) WHERE state = 'pending'",
        // Every message of a request, both ways.
        """
        CREATE TABLE dsr.request_messages (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            request_id bigint NOT NULL REFERENCES dsr.requests (id),
            inbound_id bigint REFERENCES dsr.inbound (id),
            outbox_id bigint REFERENCES dsr.outbox (id),
            role text NOT NULL CHECK (role IN ('request', 'follow_up', 'duplicate', 'reply', 'bounce')),
            created_at timestamptz NOT NULL DEFAULT now(),
            CHECK ((inbound_id IS NULL) <> (outbox_id IS NULL))
        )
        """,
        "CREATE INDEX request_messages_request ON dsr.request_messages (request_id)",
        // The audit trail: append-only, enforced by the database itself.
        """
        CREATE TABLE dsr.audit_events (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            request_id bigint REFERENCES dsr.requests (id),
            inbound_id bigint REFERENCES dsr.inbound (id),
            at timestamptz NOT NULL DEFAULT now(),
            actor text NOT NULL,
            action text NOT NULL,
            from_state text,
            to_state text,
            reason text,
            details jsonb NOT NULL DEFAULT '{}'
        )
        """,
        "CREATE INDEX audit_events_request ON dsr.audit_events (request_id, id)",
        """
        CREATE FUNCTION dsr.audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'dsr.audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
        END
        $$
        """,
        """
        CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON dsr.audit_events
            FOR EACH STATEMENT EXECUTE FUNCTION dsr.audit_events_append_only()
        """,
    ]

    /// Rows an erasure had to keep for the accounting law, and the addresses
    /// (as keyed hashes) we must never contact or share again.
    static let holdAndSuppressionTables = [
        // One row per customer-database row kept after an erasure, until its
        // hold ends. The person is named only by a keyed hash of the address.
        """
        CREATE TABLE dsr.holds (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            subject_ref text NOT NULL,
            table_name text NOT NULL,
            row_key jsonb NOT NULL,
            erasable_on date NOT NULL,
            reason text,
            held_at timestamptz NOT NULL DEFAULT now(),
            purged_at timestamptz
        )
        """,
        "CREATE UNIQUE INDEX holds_open_row ON dsr.holds (table_name, row_key) WHERE purged_at IS NULL",
        "CREATE INDEX holds_due ON dsr.holds (erasable_on) WHERE purged_at IS NULL",
        """
        CREATE TABLE dsr.suppression (
            address_hmac text PRIMARY KEY CHECK (address_hmac ~ '^[0-9a-f]{64}$'),
            reasons text[] NOT NULL CHECK (cardinality(reasons) > 0
                                           AND reasons <@ ARRAY['erased', 'marketing_objection']::text[]),
            first_at timestamptz NOT NULL DEFAULT now(),
            last_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        "COMMENT ON TABLE dsr.holds IS 'Customer rows kept after an erasure for the accounting law, until erasable_on'",
        "COMMENT ON TABLE dsr.suppression IS 'HMAC-SHA256 of addresses never to be contacted or shared again'",
    ]

    /// What carrying out requests needs: the operator's decisions on a
    /// request, confirmations by reply (tokens stored hashed), links for
    /// repeated requests and partner notices, intake's abuse-limit outcomes,
    /// and the days the daily jobs last ran.
    static let fulfilmentTables = [
        """
        ALTER TABLE dsr.requests
            ADD COLUMN approved_by text,
            ADD COLUMN approved_kinds text[],
            ADD COLUMN confirmed_at timestamptz,
            ADD COLUMN completed_at timestamptz
        """,
        "ALTER TABLE dsr.request_messages DROP CONSTRAINT request_messages_role_check",
        """
        ALTER TABLE dsr.request_messages ADD CONSTRAINT request_messages_role_check
            CHECK (role IN ('request', 'follow_up', 'duplicate', 'reply', 'bounce', 'repeat', 'notice'))
        """,
        "ALTER TABLE dsr.inbound DROP CONSTRAINT inbound_outcome_check",
        """
        ALTER TABLE dsr.inbound ADD CONSTRAINT inbound_outcome_check
            CHECK (outcome IN ('recorded', 'request', 'follow_up', 'duplicate', 'auto', 'bounce', 'not_a_request',
                               'loop_guard', 'own_mail', 'unreadable', 'oversized', 'rate_limited', 'repeat'))
        """,
        // One row per confirmation message (and per reminder, which carries a
        // fresh token). The token itself is never stored.
        """
        CREATE TABLE dsr.confirmations (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            request_id bigint NOT NULL REFERENCES dsr.requests (id),
            address text NOT NULL,
            token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
            message_id text NOT NULL,
            sent_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL,
            is_reminder boolean NOT NULL DEFAULT false,
            answered_at timestamptz,
            answer text CHECK (answer IN ('confirm', 'decline', 'expired'))
        )
        """,
        "CREATE INDEX confirmations_request ON dsr.confirmations (request_id)",
        // Which follow-ups of a request the confirmation check has read.
        "ALTER TABLE dsr.request_messages ADD COLUMN checked_at timestamptz",
        """
        CREATE TABLE dsr.daily_jobs (
            job text PRIMARY KEY,
            last_day date NOT NULL,
            last_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        "COMMENT ON TABLE dsr.confirmations IS 'Confirmation messages sent to registered addresses; tokens as SHA-256 only'",
    ]
}

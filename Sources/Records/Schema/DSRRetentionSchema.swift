/// Migration 8's tables and functions: when a request closed, what was
/// cleared and when, sizes and hashes of mail whose bytes go, the retention
/// floor the owner sets, and the only two ways anything in the audit trail
/// changes — both `SECURITY DEFINER` functions of the owner role, since the
/// daemon's role may only insert into and read `dsr.audit_events`:
///
/// - `dsr.redact_audit_values(request ids)` clears the personal values in
///   the details of closed requests whose mail is already cleared
///   (rectification's old and new values, attachment names); actions,
///   actors, times, states and reasons stay.
/// - `dsr.delete_closed_cases(today, case years)` deletes cases closed at
///   least the retention ago, with their audit events, links,
///   confirmations and mail, and mail that opened no request as old. The
///   years are never fewer than `dsr.retention_policy.case_years`, which
///   only `dsrd migrate` writes, and the day never later than the
///   database's own: nothing younger can be deleted, whatever is asked.
enum DSRRetentionSchema {
    static let statements = columns + policy + auditFunctions

    static let columns = [
        // Set by the lifecycle writer when a request enters a closed state
        // (cleared when it is reopened); retention counts from it.
        """
        ALTER TABLE dsr.requests
            ADD COLUMN closed_at timestamptz,
            ADD COLUMN mail_cleared_at timestamptz,
            ADD COLUMN scrubbed_at timestamptz
        """,
        """
        UPDATE dsr.requests r SET closed_at = coalesce(
            r.completed_at,
            (SELECT max(e.at) FROM dsr.audit_events e WHERE e.request_id = r.id AND e.to_state = r.state),
            r.updated_at)
        WHERE r.state IN ('completed', 'rejected', 'ignored')
        """,
        "CREATE INDEX requests_closed_at ON dsr.requests (closed_at) WHERE closed_at IS NOT NULL",
        "ALTER TABLE dsr.inbound ADD COLUMN raw_cleared_at timestamptz",
        "UPDATE dsr.inbound SET raw_sha256 = encode(sha256(raw), 'hex') WHERE raw_sha256 IS NULL AND octet_length(raw) > 0",
        "CREATE INDEX inbound_raw_kept ON dsr.inbound (received_at) WHERE raw_cleared_at IS NULL",
        "ALTER TABLE dsr.inbound DROP CONSTRAINT inbound_outcome_check",
        """
        ALTER TABLE dsr.inbound ADD CONSTRAINT inbound_outcome_check
            CHECK (outcome IN ('recorded', 'request', 'follow_up', 'duplicate', 'auto', 'bounce', 'not_a_request',
                               'loop_guard', 'own_mail', 'unreadable', 'oversized', 'rate_limited', 'repeat',
                               'quarantined', 'over_storage_cap'))
        """,
        // A sent mail's bytes go after the retention (an access copy at
        // acceptance); its size and SHA-256 stay.
        """
        ALTER TABLE dsr.outbox
            ADD COLUMN size_bytes integer,
            ADD COLUMN raw_sha256 text,
            ADD COLUMN carries_copy boolean NOT NULL DEFAULT false,
            ADD COLUMN failed_at timestamptz,
            ADD COLUMN raw_cleared_at timestamptz
        """,
        """
        UPDATE dsr.outbox SET size_bytes = octet_length(raw), raw_sha256 = encode(sha256(raw), 'hex'),
                              carries_copy = (template = 'access_completed'),
                              failed_at = CASE WHEN state = 'failed' THEN created_at END
        """,
        "CREATE INDEX outbox_raw_kept ON dsr.outbox (id) WHERE raw_cleared_at IS NULL AND state <> 'pending'",
        // Mail whose bytes are gone is never sent (as an empty message):
        // a reply needed again is built again.
        "ALTER TABLE dsr.outbox ADD CONSTRAINT outbox_pending_has_bytes CHECK (state <> 'pending' OR raw_cleared_at IS NULL)",
    ]

    /// The shortest case retention the owner allows (`retention.case_years`
    /// as `dsrd migrate` last wrote it): one row.
    static let policy = [
        """
        CREATE TABLE dsr.retention_policy (
            only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
            case_years integer NOT NULL CHECK (case_years >= 1),
            updated_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        "INSERT INTO dsr.retention_policy (case_years) VALUES (3)",
        "COMMENT ON TABLE dsr.retention_policy IS 'The shortest case retention, written by dsrd migrate; dsr.delete_closed_cases never deletes younger cases'",
    ]

    static let auditFunctions = [
        // The append-only trigger stays, and lets through only the two
        // functions below (which set dsr.audit_maintenance while they run;
        // anyone may set it, but the daemon's role has no UPDATE or DELETE
        // to try it with: the trigger guards against the owner's mistakes).
        """
        CREATE OR REPLACE FUNCTION dsr.audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF current_setting('dsr.audit_maintenance', true) = 'on' THEN
                RETURN NULL;
            END IF;
            RAISE EXCEPTION 'dsr.audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
        END
        $$
        """,
        """
        CREATE FUNCTION dsr.audit_details_without_values(details jsonb) RETURNS jsonb
        LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
            SELECT CASE WHEN jsonb_typeof(step.d -> 'attachments') = 'array' THEN
                       jsonb_set(step.d, '{attachments}', (
                           SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(a) = 'object' THEN a - 'name' ELSE a END
                                                     ORDER BY n), '[]'::jsonb)
                           FROM jsonb_array_elements(step.d -> 'attachments') WITH ORDINALITY AS t(a, n)))
                   ELSE step.d END
            FROM (SELECT CASE WHEN jsonb_typeof(details -> 'changes') = 'array' THEN
                              jsonb_set(details, '{changes}', (
                                  SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(c) = 'object'
                                                                      AND (c ? 'old' OR c ? 'new')
                                                                 THEN c || '{"old": null, "new": null}'::jsonb
                                                                 ELSE c END ORDER BY n), '[]'::jsonb)
                                  FROM jsonb_array_elements(details -> 'changes') WITH ORDINALITY AS t(c, n)))
                          ELSE details END AS d) AS step
        $$
        """,
        """
        CREATE FUNCTION dsr.redact_audit_values(cases bigint[]) RETURNS integer
        LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp
        AS $$
        DECLARE
            changed integer;
        BEGIN
            PERFORM set_config('dsr.audit_maintenance', 'on', true);
            UPDATE dsr.audit_events e SET details = dsr.audit_details_without_values(e.details)
            WHERE e.request_id = ANY(cases)
              AND e.request_id IN (SELECT r.id FROM dsr.requests r
                                   WHERE r.state IN ('completed', 'rejected', 'ignored')
                                     AND r.closed_at IS NOT NULL AND r.mail_cleared_at IS NOT NULL)
              AND e.details IS DISTINCT FROM dsr.audit_details_without_values(e.details);
            GET DIAGNOSTICS changed = ROW_COUNT;
            PERFORM set_config('dsr.audit_maintenance', 'off', true);
            RETURN changed;
        END
        $$
        """,
        """
        CREATE FUNCTION dsr.delete_closed_cases(today date, case_years integer) RETURNS jsonb
        LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp
        AS $$
        DECLARE
            years integer := greatest(delete_closed_cases.case_years,
                                      (SELECT p.case_years FROM dsr.retention_policy p), 1);
            through date := (least(delete_closed_cases.today, (now() AT TIME ZONE 'Europe/Oslo')::date)
                             - make_interval(years => years))::date;
            cases bigint[];
            mail bigint[];
            events bigint;
            received bigint;
            sent bigint;
            deleted bigint;
        BEGIN
            PERFORM set_config('dsr.audit_maintenance', 'on', true);
            SELECT coalesce(array_agg(r.id), '{}') INTO cases FROM dsr.requests r
            WHERE r.state IN ('completed', 'rejected', 'ignored') AND r.closed_at IS NOT NULL
              AND (r.closed_at AT TIME ZONE 'Europe/Oslo')::date <= through;
            -- Their mail that belongs to no other request, and mail that
            -- opened none, received as long ago.
            SELECT coalesce(array_agg(i.id), '{}') INTO mail FROM dsr.inbound i
            WHERE (EXISTS (SELECT 1 FROM dsr.request_messages m WHERE m.inbound_id = i.id AND m.request_id = ANY(cases))
                   OR ((i.received_at AT TIME ZONE 'Europe/Oslo')::date <= through
                       AND NOT EXISTS (SELECT 1 FROM dsr.request_messages m WHERE m.inbound_id = i.id)))
              AND NOT EXISTS (SELECT 1 FROM dsr.request_messages m
                              WHERE m.inbound_id = i.id AND NOT m.request_id = ANY(cases))
              AND NOT EXISTS (SELECT 1 FROM dsr.audit_events e
                              WHERE e.inbound_id = i.id AND e.request_id IS NOT NULL AND NOT e.request_id = ANY(cases));
            DELETE FROM dsr.audit_events
            WHERE request_id = ANY(cases) OR (request_id IS NULL AND inbound_id = ANY(mail));
            GET DIAGNOSTICS events = ROW_COUNT;
            DELETE FROM dsr.confirmations WHERE request_id = ANY(cases);
            DELETE FROM dsr.request_messages WHERE request_id = ANY(cases);
            DELETE FROM dsr.outbox o
            WHERE (o.request_id = ANY(cases)
                   OR (o.request_id IS NULL AND (o.created_at AT TIME ZONE 'Europe/Oslo')::date <= through))
              AND NOT EXISTS (SELECT 1 FROM dsr.request_messages m WHERE m.outbox_id = o.id);
            GET DIAGNOSTICS sent = ROW_COUNT;
            DELETE FROM dsr.inbound WHERE id = ANY(mail);
            GET DIAGNOSTICS received = ROW_COUNT;
            DELETE FROM dsr.requests WHERE id = ANY(cases);
            GET DIAGNOSTICS deleted = ROW_COUNT;
            PERFORM set_config('dsr.audit_maintenance', 'off', true);
            RETURN jsonb_build_object('closed_through', through, 'cases', deleted, 'audit_events', events,
                                      'received_mail', received, 'sent_mail', sent);
        END
        $$
        """,
        "REVOKE ALL ON FUNCTION dsr.redact_audit_values(bigint[]) FROM PUBLIC",
        "REVOKE ALL ON FUNCTION dsr.delete_closed_cases(date, integer) FROM PUBLIC",
        "REVOKE ALL ON FUNCTION dsr.audit_details_without_values(jsonb) FROM PUBLIC",
    ]
}

-- The privacy officers' read/decide role: what `dsrd requests list|show|find|export|approve|reject|extend|
-- complete|note`, `dsrd outbox list|show|retry|cancel`, `dsrd status` and `dsrd suppression check` need,
-- and nothing more. No access to the customer database, no deleting, no changing addresses, the
-- request's content or the audit trail (append-only for everyone).
--
-- Once, as a superuser (or a role with CREATEROLE):
--   CREATE ROLE dsrd_operator NOLOGIN;
--   CREATE ROLE kari LOGIN PASSWORD '...' IN ROLE dsrd_operator;   -- one login per officer
-- Then, as the role that owns schema dsr (postgres.migration_user, the one `dsrd migrate` uses;
-- never the daemon's role), after every `dsrd migrate`:
--   psql -U dsrd_owner -v ON_ERROR_STOP=1 -f deploy/operator-grants.sql
GRANT USAGE ON SCHEMA dsr TO dsrd_operator;
-- Reading requests, their messages (in and out), the audit trail, the heartbeat and the suppression list.
GRANT SELECT ON dsr.requests, dsr.request_messages, dsr.inbound, dsr.outbox, dsr.audit_events, dsr.heartbeat,
    dsr.suppression, dsr.schema_migrations TO dsrd_operator;
-- Decisions: the state and the columns the lifecycle sets with it (also what SELECT ... FOR UPDATE needs).
GRANT UPDATE (state, state_reason, updated_at, completed_at, closed_at, approved_by, approved_kinds,
    fulfil_attempts, extended_due_on) ON dsr.requests TO dsrd_operator;
-- Replies and notices queued with a decision, linked to their request; every decision's audit event.
GRANT INSERT ON dsr.outbox, dsr.request_messages, dsr.audit_events TO dsrd_operator;
-- The outbox: retry (due now, attempts reset) and cancel.
GRANT UPDATE (state, next_attempt_at, attempts, last_error) ON dsr.outbox TO dsrd_operator;

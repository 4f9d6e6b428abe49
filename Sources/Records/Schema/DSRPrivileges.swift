import LogSafety
import Store

/// What the daemon's role may do in schema `dsr`, granted by the owner role
/// at every `dsrd migrate` (granting what is already granted changes
/// nothing): read everything; insert and update its working tables; delete
/// only intake's attempt counts; insert into and read the audit trail, never
/// update, delete, truncate or alter it; and call the two functions through
/// which retention and erasure touch the trail. Not owning anything in the
/// schema, it can neither alter a table nor disable a trigger.
public struct DSRPrivileges {
    let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Tables the daemon inserts into and updates.
    static let workingTables = [
        "inbound", "mailbox_state", "requests", "outbox", "request_messages", "holds", "suppression", "confirmations",
        "daily_jobs", "intake_attempts", "heartbeat",
    ]
    /// Tables it deletes rows from (intake clears a message's attempt count).
    static let deletableTables = ["intake_attempts"]
    static let functions = ["dsr.redact_audit_values(bigint[])", "dsr.delete_closed_cases(date, integer)"]

    /// Why the schema's roles are not as they must be: a role name and what
    /// is wrong, never data.
    public struct RoleProblem: LogSafeError, Sendable, Equatable {
        public let message: String
        public var description: String { message }

        public init(message: String) {
            self.message = message
        }
    }

    /// Grants the daemon's role `daemonRole` exactly its privileges (in the
    /// caller's transaction, as the owner), after checking the roles: the
    /// owner owns the whole schema, and the daemon's role is another role,
    /// no superuser and no member of the owner.
    public func grant(to daemonRole: String) throws {
        guard !daemonRole.isEmpty, !daemonRole.utf8.contains(0) else {
            throw RoleProblem(message: "the daemon's role name is empty or holds NUL")
        }
        let problems = try self.problems(daemonRole: daemonRole)
        if let first = problems.first { throw first }
        let role = Self.quoted(daemonRole)
        let tables = { (names: [String]) in names.map { "dsr." + $0 }.joined(separator: ", ") }
        for statement in [
            "GRANT USAGE ON SCHEMA dsr TO \(role)",
            "REVOKE ALL ON ALL TABLES IN SCHEMA dsr FROM \(role)",
            "GRANT SELECT ON ALL TABLES IN SCHEMA dsr TO \(role)",
            "GRANT INSERT, UPDATE ON \(tables(Self.workingTables)) TO \(role)",
            "GRANT DELETE ON \(tables(Self.deletableTables)) TO \(role)",
            "GRANT INSERT ON dsr.audit_events TO \(role)",
            "GRANT USAGE ON ALL SEQUENCES IN SCHEMA dsr TO \(role)",
            "GRANT EXECUTE ON FUNCTION \(Self.functions.joined(separator: ", ")) TO \(role)",
        ] {
            try connection.execute(statement)
        }
    }

    /// What is wrong with the roles, as the connected role (the owner) sees them.
    public func problems(daemonRole: String) throws -> [RoleProblem] {
        let result = try connection.execute("""
            SELECT current_user AS owner,
                   (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = $1::name) AS daemon_super,
                   CASE WHEN EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = $1::name)
                        THEN pg_catalog.pg_has_role($1::name, current_user, 'MEMBER') END AS daemon_is_owner,
                   (SELECT pg_catalog.pg_get_userbyid(n.nspowner) FROM pg_catalog.pg_namespace n
                    WHERE n.nspname = 'dsr') AS schema_owner,
                   (SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'dsr' AND c.relowner <> (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user))
                   + (SELECT count(*) FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                      WHERE n.nspname = 'dsr' AND p.proowner <> (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user))
                     AS foreign_objects
            """, [.text(daemonRole)])
        guard let row = result.first else {
            throw PostgresError(kind: .unexpectedResult, context: "reading the roles of schema dsr")
        }
        let owner = try row.string("owner")
        var problems: [RoleProblem] = []
        if owner == daemonRole {
            problems.append(RoleProblem(message: "dsrd migrate runs as \(owner), the daemon's own role: it must run as the role that owns schema dsr"))
        }
        guard let superuser = row["daemon_super"] else {
            return problems + [RoleProblem(message: "the daemon's role \(daemonRole) does not exist")]
        }
        if superuser == "t" {
            problems.append(RoleProblem(message: "the daemon's role \(daemonRole) is a superuser: it bypasses every privilege"))
        }
        if row["daemon_is_owner"] == "t", owner != daemonRole {
            problems.append(RoleProblem(message: "the daemon's role \(daemonRole) is a member of \(owner), which owns schema dsr: "
                                        + "REVOKE \(owner) FROM \(daemonRole)"))
        }
        if let schemaOwner = row["schema_owner"], schemaOwner != owner {
            problems.append(RoleProblem(message: "schema dsr is owned by \(schemaOwner), not by \(owner)"))
        }
        if row.optionalInt("foreign_objects") ?? 0 > 0 {
            problems.append(RoleProblem(message: "schema dsr holds objects \(owner) does not own"))
        }
        return problems
    }

    /// A role name as an SQL identifier (roles cannot be bound parameters).
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Store

/// What `dsrd migrate` does, as the role that owns schema `dsr`: takes over
/// a schema the daemon's role still owns (`DSROwnership`), applies the
/// migrations not yet applied, then grants the daemon's role its privileges
/// and writes the case retention floor. Run again, it applies nothing and
/// leaves ownership, every privilege and the floor as they were.
public enum DSRSetup {
    public static func migrate(_ client: PostgresClient, daemonRole: String, caseYears: Int) async throws -> Migrator.Outcome {
        let owner = try await client.query("SELECT current_user AS role").first?.string("role")
        if owner == daemonRole {
            throw DSRPrivileges.RoleProblem(message: "dsrd migrate runs as \(daemonRole), the daemon's own role: "
                                            + "it must run as the role that owns schema dsr")
        }
        try await client.transaction { connection in _ = try connection.execute(DSROwnership.takeOver) }
        let outcome = try await DSRSchema.migrator.migrate(client)
        try await client.transaction { connection in
            try DSRPrivileges(connection).grant(to: daemonRole)
            try RetentionFloor(connection).set(caseYears: caseYears)
        }
        return outcome
    }
}

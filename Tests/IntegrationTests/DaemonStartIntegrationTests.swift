import Daemon
import Foundation
import Records
import Store
import Testing

/// `dsrd run` refuses to start when starting cannot help, with a status
/// systemd does not restart (78, `RestartPreventExitStatus=78`): a
/// configuration with problems, or a schema older than this dsrd needs.
/// A wrong word is a usage error (64).
extension LiveStackTests {
    @Suite struct DaemonStartIntegrationTests {
        @Test func wrongWordsAndABadConfigurationStopBeforeAnything() async throws {
            let stack = try LocalStack()
            let bogus = try await dsrd(["run", "--bogus"])
            #expect(bogus.status == 64 && bogus.errors.contains("unexpected argument '--bogus'"), "\(bogus.errors)")
            let unknownKey = try configVariant(stack) { $0["bogus_key"] = 1 }
            defer { unlink(unknownKey) }
            let refused = try await dsrd(["run", "--once", "--config", unknownKey])
            #expect(refused.status == 78 && refused.errors.contains("bogus_key: unknown key"), "\(refused.errors)")
            let help = try await dsrd(["run", "--help"])
            #expect(help.status == 0 && help.output.contains("dsrd run"))
        }

        /// A database migrated by an older dsrd (version 8, before the
        /// retention migration): the daemon says to run `dsrd migrate` and
        /// exits 78 before it touches the mailbox or the database; after
        /// the migration it starts. `check-config` passes with a warning
        /// that names the command.
        @Test func anOlderSchemaIsRefusedWithTheCommandThatFixesIt() async throws {
            let stack = try LocalStack()
            let name = "dsrd_start_\(UUID().uuidString.prefix(8).lowercased())"
            let admin = PostgresClient(configuration: try stack.superuserPostgres())
            try await admin.query("CREATE DATABASE \(name) OWNER \"\(stack.daemonRole)\"")
            var scratch = stack.postgres
            scratch.database = name
            let daemon = PostgresClient(configuration: scratch)
            do {
                let old = Migrator(schema: "dsr", migrations: Array(DSRSchema.migrations.prefix { $0.version <= 8 }))
                #expect(try await old.migrate(daemon).current == 8)
                let config = try configVariant(stack) { object in
                    var postgres = object["postgres"] as? [String: Any] ?? [:]
                    postgres["database"] = name
                    object["postgres"] = postgres
                }
                defer { unlink(config) }
                let process = try DaemonProcess(arguments: ["run", "--once", "--config", config], environment: [:])
                try process.start()
                #expect(await process.exitStatus(within: 60) == 78, "log: \(process.log)")
                #expect(process.log.contains("schema dsr is at version 8 and this dsrd needs \(SchemaCheck.needed): run dsrd migrate"),
                        "\(process.log)")
                #expect(!process.log.contains("stage round done"), "no round ran: \(process.log)")
                // Nothing was written: no heartbeat, no request, no mail recorded.
                let written = try #require(try await daemon.query("""
                    SELECT (SELECT count(*) FROM dsr.heartbeat) + (SELECT count(*) FROM dsr.requests)
                           + (SELECT count(*) FROM dsr.inbound) AS n
                    """).first)
                #expect(try written.int("n") == 0)
                #expect(await SchemaCheck.check(daemon) == .older(version: 8, needed: SchemaCheck.needed))
                // check-config accepts the configuration and warns: the
                // Debian package's postinst then leaves the service alone.
                // (Without the data map: this scratch database has no customer tables.)
                let noMap = try configVariant(stack) { object in
                    var postgres = object["postgres"] as? [String: Any] ?? [:]
                    postgres["database"] = name
                    object["postgres"] = postgres
                    object["data_map"] = nil
                }
                defer { unlink(noMap) }
                let check = try await dsrd(["check-config", "--config", noMap])
                #expect(check.status == 0, "\(check.errors)")
                #expect(check.errors.contains("dsrd: warning: postgres: schema dsr is at version 8 and this dsrd needs "
                                              + "\(SchemaCheck.needed): run dsrd migrate"), "\(check.errors)")
            } catch {
                await daemon.close()
                try await admin.query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
                await admin.close()
                throw error
            }
            await daemon.close()
            try await admin.query("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            await admin.close()
        }
    }
}

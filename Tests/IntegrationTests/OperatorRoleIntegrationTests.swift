import Daemon
import Foundation
import Records
import Requests
import Store
import Testing

/// The privacy officer's commands under the read/decide database role of
/// `deploy/operator-grants.sql`, with a configuration of their own that
/// holds no IMAP, SMTP or log secret.
extension LiveStackTests {
    @Suite struct OperatorRoleIntegrationTests {
        static let officer = "dsrd_officer"

        /// Applies `deploy/operator-grants.sql` as the owner of schema dsr.
        static func applyGrants(_ client: PostgresClient) async throws {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent("deploy/operator-grants.sql"),
                                  encoding: .utf8)
            let statements = text.split(separator: "\n").filter { !$0.hasPrefix("--") }.joined(separator: "\n")
                .split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            #expect(statements.count == 5)
            for statement in statements { try await client.query(statement) }
        }

        /// The officer's configuration: the database as the officer, the
        /// templates, the sender and the suppression key; nothing else.
        static func officerConfig(_ stack: LocalStack) throws -> String {
            let state = stack.environment["DSRD_STACK_STATE", default: ""]
            let object: [String: Any] = [
                "postgres": ["host": stack.postgres.host, "port": stack.postgres.port, "database": stack.postgres.database,
                             "user": officer, "password": ["file": state + "/secrets/officer-pg-password"],
                             "sslmode": "disable"],
                "templates_dir": repositoryRoot.appendingPathComponent("Templates").path,
                "sender": "notices@janteloppet.test",
                "organisation": ["name": "Janteloppet AS", "dpo_address": "personvern@janteloppet.test"],
                "suppression_key": ["file": state + "/secrets/suppression-key"],
            ]
            let path = NSTemporaryDirectory() + "dsrd-officer-\(UUID().uuidString.prefix(8)).json"
            try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
            return path
        }

        private func open(_ client: PostgresClient, state: RequestState, subject: String) async throws -> (id: Int, reference: String) {
            var request = TestData.Request(subject: subject)
            request.state = state
            let opened = request
            return try await client.transaction { try TestData.open(opened, in: $0) }
        }

        @Test func theOfficerReadsAndDecidesWithTheDatabaseAloneAndNothingMore() async throws {
            let stack = try LocalStack()
            let owner = PostgresClient(configuration: try stack.ownerPostgres())
            try await Self.applyGrants(owner)
            let config = try Self.officerConfig(stack)
            defer { unlink(config) }
            let subject = LocalStack.uniqueAddress("officer.case", domain: "example.com")
            let approve = try await open(owner, state: .needsReview, subject: subject)
            let reject = try await open(owner, state: .needsReview, subject: subject)
            let extend = try await open(owner, state: .needsReview, subject: subject)
            let complete = try await open(owner, state: .needsReview, subject: subject)
            let officer = ["SUDO_USER": "kari", "DSRD_OPERATOR": ""]
            func run(_ words: [String]) async throws -> (status: Int32?, output: String, errors: String) {
                try await dsrd(words + ["--config", config], environment: officer)
            }

            // Reading.
            for words in [["requests", "list", "--limit", "3"], ["requests", "show", approve.reference],
                          ["requests", "show", String(approve.id)], ["requests", "find", subject],
                          ["requests", "export", "--from", Day(Date()).description], ["outbox", "list", "--limit", "3"],
                          ["status"], ["suppression", "check", subject]] {
                let result = try await run(words)
                #expect(result.status == 0, "\(words): \(result.errors)")
            }
            let found = try await run(["requests", "find", subject, "--json"])
            #expect(found.output.split(separator: "\n").count == 4 && !found.errors.contains("suppression_key"))

            // Deciding, mail included.
            #expect(try await run(["requests", "approve", approve.reference]).status == 0)
            #expect(try await run(["requests", "reject", reject.reference, "--reason", "Not a customer."]).status == 0)
            #expect(try await run(["requests", "extend", extend.reference, "--reason", "Many requests."]).status == 0)
            #expect(try await run(["requests", "complete", complete.reference, "--note", "Done by hand.",
                                   "--reply", "no_data"]).status == 0)
            #expect(try await run(["requests", "note", complete.reference, "Checked twice."]).status == 0)
            let states = try await owner.query("""
                SELECT reference, state, extended_due_on IS NOT NULL AS extended FROM dsr.requests WHERE id = ANY($1::bigint[])
                """, [.textArray([approve, reject, extend, complete].map { String($0.id) })]).rows
            let byReference = Dictionary(uniqueKeysWithValues: states.map { ($0["reference"] ?? "", $0) })
            #expect(byReference[approve.reference]?["state"] == "received")
            #expect(byReference[reject.reference]?["state"] == "rejected")
            #expect(byReference[extend.reference]?["extended"] == "t")
            #expect(byReference[complete.reference]?["state"] == "completed")
            let actors = try await owner.query("""
                SELECT DISTINCT actor FROM dsr.audit_events WHERE request_id = ANY($1::bigint[])
                """, [.textArray([approve, reject, extend, complete].map { String($0.id) })]).rows.compactMap { $0["actor"] }
            #expect(actors == ["operator:kari"])

            // The outbox: the refusal just queued is retried, then cancelled.
            let refusal = try #require(try await owner.query("""
                SELECT id FROM dsr.outbox WHERE request_id = $1 AND template = 'refusal'
                """, [.int(reject.id)]).first?.int("id"))
            #expect(try await run(["outbox", "show", String(refusal)]).status == 0)
            #expect(try await run(["outbox", "retry", String(refusal)]).status == 0)
            #expect(try await run(["outbox", "cancel", String(refusal)]).status == 0)
            let replies = try await owner.query("""
                SELECT id FROM dsr.outbox WHERE request_id = ANY($1::bigint[]) AND state = 'pending'
                """, [.textArray([extend, complete].map { String($0.id) })]).rows.compactMap { $0["id"] }
            for id in replies { #expect(try await run(["outbox", "cancel", id]).status == 0) }

            // The daemon's own commands need what the officer does not have.
            let check = try await run(["check-config"])
            #expect(check.status == 78 && check.errors.contains("imap: missing key"))
            #expect(try await run(["probe"]).status == 78)

            // And the role can do nothing else: no deleting, no changing addresses or the trail, no customer data.
            var officerSettings = stack.postgres
            officerSettings.user = Self.officer
            officerSettings.password = try String(contentsOfFile: stack.environment["DSRD_STACK_STATE", default: ""]
                                                  + "/secrets/officer-pg-password", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let asOfficer = PostgresClient(configuration: officerSettings)
            for statement in ["DELETE FROM dsr.requests WHERE false",
                              "UPDATE dsr.requests SET subject_address = subject_address WHERE false",
                              "UPDATE dsr.outbox SET recipients = recipients WHERE false",
                              "DELETE FROM dsr.suppression WHERE false",
                              "SELECT count(*) FROM crm.customers",
                              "SELECT count(*) FROM dsr.confirmations",
                              "CREATE TABLE dsr.officer_scratch (x int)"] {
                await #expect(throws: PostgresError.self, "\(statement)") {
                    do {
                        try await asOfficer.query(statement)
                    } catch let error as PostgresError {
                        #expect(error.sqlState == "42501", "\(statement): \(error)")
                        throw error
                    }
                }
            }
            await asOfficer.close()
            await owner.close()
        }

        @Test func aMissingPrivilegeExits77AndTheGrantsFileRestoresIt() async throws {
            let stack = try LocalStack()
            let owner = PostgresClient(configuration: try stack.ownerPostgres())
            let config = try Self.officerConfig(stack)
            defer { unlink(config) }
            try await owner.query("REVOKE SELECT ON dsr.requests FROM dsrd_operator")
            let denied = try await dsrd(["requests", "list", "--limit", "1", "--config", config])
            #expect(denied.status == 77, "\(denied.errors)")
            #expect(denied.errors.contains("sqlstate=42501") && denied.errors.contains("lacks a privilege"))
            try await Self.applyGrants(owner)
            let allowed = try await dsrd(["requests", "list", "--limit", "1", "--config", config])
            #expect(allowed.status == 0, "\(allowed.errors)")
            await owner.close()
        }
    }
}

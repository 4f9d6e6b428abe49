import Foundation
import MailCore
import Records
import Requests
import Store
import Testing

/// The two database roles on the live stack: schema `dsr` belongs to the
/// owner role `dsrd migrate` uses, and the daemon's role cannot rewrite the
/// audit trail.
extension LiveStackTests {
    @Suite struct SchemaRolesIntegrationTests {
        /// The daemon's role appends to and reads the trail; it cannot update,
        /// delete, truncate or alter it, nor disable or drop its trigger, nor
        /// create anything in the schema — not even with the maintenance
        /// setting the owner's functions use.
        @Test func theDaemonsRoleCanOnlyAppendToTheAuditTrail() async throws {
            let stack = try LocalStack()
            let daemon = PostgresClient(configuration: stack.postgres)
            let actor = "test:append-only-\(UUID().uuidString.prefix(8))"
            try await daemon.transaction { connection in
                try AuditTrail(connection).append(requestID: nil, actor: actor, action: .retentionApplied,
                                                  reason: "written by the daemon's role")
            }
            let written = try await daemon.query("SELECT id, reason FROM dsr.audit_events WHERE actor = $1", [.text(actor)])
            #expect(written.rows.count == 1)
            let id = try #require(written.first).int("id")

            for statement in [
                "UPDATE dsr.audit_events SET reason = 'rewritten' WHERE id = $1::bigint",
                "DELETE FROM dsr.audit_events WHERE id = $1::bigint",
            ] {
                let refused = await refusal(daemon, statement, [.int(id)])
                #expect(refused == "42501", "\(statement)")
                let withSetting = await refusal(daemon, statement, [.int(id)], setting: true)
                #expect(withSetting == "42501", "\(statement), maintenance setting on")
            }
            for statement in [
                "TRUNCATE dsr.audit_events",
                "ALTER TABLE dsr.audit_events DISABLE TRIGGER USER",
                "ALTER TABLE dsr.audit_events DISABLE TRIGGER audit_events_append_only",
                "DROP TRIGGER audit_events_append_only ON dsr.audit_events",
                "ALTER TABLE dsr.audit_events OWNER TO CURRENT_USER",
                "CREATE TABLE dsr.shadow_trail (id int)",
                "CREATE OR REPLACE FUNCTION dsr.audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$",
                "DELETE FROM dsr.requests WHERE false",
            ] {
                #expect(await refusal(daemon, statement) == "42501", "\(statement)")
            }
            #expect(try await daemon.query("SELECT reason FROM dsr.audit_events WHERE id = $1::bigint", [.int(id)])
                .first?["reason"] == "written by the daemon's role")

            // The owner's own mistakes meet the trigger.
            let owner = PostgresClient(configuration: try stack.ownerPostgres())
            #expect(await refusal(owner, "UPDATE dsr.audit_events SET reason = 'oops' WHERE id = $1::bigint", [.int(id)])
                == "42501")
            await daemon.close()
            await owner.close()
        }

        /// The two functions are the only doors, and neither opens onto what is
        /// young or open: asked for the end of time and zero years, deleting
        /// takes no case closed within the owner's floor by the database's
        /// clock; redacting takes no open request.
        @Test func theOwnersFunctionsRefuseWhatIsYoungOrOpen() async throws {
            let stack = try LocalStack()
            let daemon = PostgresClient(configuration: stack.postgres)
            let address = LocalStack.uniqueAddress("young.case")
            let now = Date()
            let (closed, open) = try await daemon.transaction { connection in
                let closed = try Self.request(connection, address: address, at: now.addingTimeInterval(-400 * 86_400))
                try RequestStates(connection).apply(.completed(reason: nil), to: closed, actor: "test", at: now)
                try AuditTrail(connection).append(requestID: closed, actor: "test", action: .rectified, detailsJSON: """
                    {"changes": [{"field": "phone", "column": "phone", "old": "+4790000001", "new": "+4790000002"}]}
                    """, at: now)
                let open = try Self.request(connection, address: address, at: now)
                try AuditTrail(connection).append(requestID: open, actor: "test", action: .rectified, detailsJSON: """
                    {"changes": [{"field": "phone", "column": "phone", "old": "+4790000003", "new": "+4790000004"}]}
                    """, at: now)
                return (closed, open)
            }
            let future = try #require(Day(iso: "9999-12-31"))
            let deleted = try await daemon.transaction { try Retention($0).deleteClosedCases(today: future, caseYears: 0) }
            #expect(deleted["cases"] != nil)
            let left = try await daemon.query("SELECT count(*) AS n FROM dsr.requests WHERE id = ANY($1::bigint[])",
                                              [.textArray([String(closed), String(open)])])
            #expect(try left.first?.int("n") == 2)

            // Redaction: not before the request's mail is cleared, never while it is open.
            #expect(try await daemon.transaction { try AuditRedaction($0).redact(requestIDs: [closed, open]) } == 0)
            try await daemon.query("UPDATE dsr.requests SET mail_cleared_at = now() WHERE id = ANY($1::bigint[])",
                                   [.textArray([String(closed), String(open)])])
            #expect(try await daemon.transaction { try AuditRedaction($0).redact(requestIDs: [closed, open]) } == 1)
            let trail = try await daemon.query("""
                SELECT request_id, details::text AS details FROM dsr.audit_events
                WHERE request_id = ANY($1::bigint[]) AND action = 'rectified' ORDER BY request_id
                """, [.textArray([String(closed), String(open)])]).rows
            #expect(trail.count == 2)
            let closedDetails = try #require(trail.first { $0["request_id"] == String(closed) }?["details"])
            let openDetails = try #require(trail.first { $0["request_id"] == String(open) }?["details"])
            #expect(closedDetails.contains("\"field\": \"phone\"") && !closedDetails.contains("+479000000"))
            #expect(openDetails.contains("+4790000003") && openDetails.contains("+4790000004"))
            await daemon.close()
        }

        /// A database from before there were two roles: the daemon's role
        /// created schema `dsr` (version 7) and filled it. `dsrd migrate` as
        /// the owner role takes every object over, applies migrations 8 and 9 with
        /// its backfills, grants the daemon's role its privileges and loses
        /// nothing; run again, it changes nothing. Run as the daemon's role,
        /// it refuses.
        @Test func anExistingDatabaseMovesToTheOwnerRoleWithAllItsData() async throws {
            let stack = try LocalStack()
            let ownerConfiguration = try stack.ownerPostgres()
            let name = "dsrd_migration_\(UUID().uuidString.prefix(8).lowercased())"
            let admin = PostgresClient(configuration: try stack.superuserPostgres())
            try await admin.query("CREATE DATABASE \(name) OWNER \"\(stack.daemonRole)\"")
            try await admin.query("GRANT CONNECT, CREATE ON DATABASE \(name) TO \"\(ownerConfiguration.user)\"")
            var daemonConfiguration = stack.postgres
            daemonConfiguration.database = name
            var scratchOwner = ownerConfiguration
            scratchOwner.database = name
            let daemon = PostgresClient(configuration: daemonConfiguration)
            let owner = PostgresClient(configuration: scratchOwner)

            do {
                // Version 7, migrated and filled by the daemon's own role.
                let old = Migrator(schema: "dsr", migrations: Array(DSRSchema.migrations.prefix { $0.version <= 7 }))
                #expect(try await old.migrate(daemon).current == 7)
                #expect(try await SchemaRoleFacts.owners(daemon) == [stack.daemonRole])
                let raw = Array("From: kari@example.no\r\nSubject: Innsyn\r\n\r\nHei\r\n".utf8)
                let completedAt = try #require(TimestampFormat.date(from: "2026-01-15T10:00:00Z"))
                try await daemon.transaction { connection in
                    let inbound = try #require(try InboundLedger(connection).insert(InboundLedger.NewMessage(
                        mailbox: "notices@janteloppet.test/INBOX", uidValidity: 1, uid: 7, messageID: "old-1@example.no",
                        receivedAt: completedAt, raw: raw, sizeBytes: raw.count, rawSHA256: nil,
                        fromAddress: "kari@example.no")))
                    // Version 7's columns: today's repositories write columns it
                    // does not have yet, so these two rows are written as the
                    // code of that time wrote them.
                    let request = try #require(try connection.execute("""
                        INSERT INTO dsr.requests (reference, kinds, language, reply_language, subject_address, state,
                                                  received_at, due_on, confidence, completed_at, requester_address)
                        VALUES ('DSR-2026-OLD01', '{access}', 'nb', 'nb', 'kari@example.no', 'completed', $1, '2026-02-16',
                                0.9, $1, 'kari@example.no')
                        RETURNING id
                        """, [.timestamp(completedAt)]).first?.int("id"))
                    let outbox = try #require(try connection.execute("""
                        INSERT INTO dsr.outbox (request_id, message_id, template, envelope_from, recipients, raw, state, sent_at)
                        VALUES ($1, 'reply-old-1@janteloppet.test', 'access_completed', 'notices@janteloppet.test',
                                '{kari@example.no}', $2, 'sent', $3)
                        RETURNING id
                        """, [.int(request), .bytes(raw + raw), .timestamp(completedAt)]).first?.int("id"))
                    let records = RequestRecords(connection)
                    try records.link(requestID: request, inboundID: inbound, role: .request)
                    try records.link(requestID: request, outboxID: outbox, role: .reply)
                    try AuditTrail(connection).append(requestID: request, inboundID: inbound, actor: "dsrd:intake",
                                                      action: .received, to: "received", at: completedAt)
                    try AuditTrail(connection).append(requestID: request, actor: "dsrd:fulfil", action: .completed,
                                                      from: "received", to: "completed", at: completedAt)
                }
                let before = try await Self.contents(daemon)

                // Refused as the daemon's own role.
                await #expect(throws: DSRPrivileges.RoleProblem.self) {
                    try await DSRSetup.migrate(daemon, daemonRole: stack.daemonRole, caseYears: 3)
                }

                let first = try await DSRSetup.migrate(owner, daemonRole: stack.daemonRole, caseYears: 3)
                #expect(first.applied == DSRSchema.migrations.map(\.version).filter { $0 > 7 })
                #expect(try await SchemaRoleFacts.owners(owner) == [ownerConfiguration.user])
                #expect(try await Self.contents(daemon) == before)
                let backfilled = try #require(try await daemon.query("""
                    SELECT r.closed_at = r.completed_at AS closed, o.size_bytes, o.raw_sha256 = encode(sha256(o.raw), 'hex')
                           AS hashed, o.carries_copy, i.raw_sha256 = encode(sha256(i.raw), 'hex') AS inbound_hashed
                    FROM dsr.requests r JOIN dsr.outbox o ON o.request_id = r.id
                    JOIN dsr.request_messages m ON m.request_id = r.id AND m.role = 'request'
                    JOIN dsr.inbound i ON i.id = m.inbound_id
                    """).first)
                #expect(try backfilled.bool("closed") && backfilled.bool("hashed") && backfilled.bool("carries_copy"))
                #expect(try backfilled.bool("inbound_hashed") && backfilled.int("size_bytes") == 2 * raw.count)
                #expect(await refusal(daemon, "UPDATE dsr.audit_events SET reason = 'x'") == "42501")
                #expect(await refusal(daemon, "ALTER TABLE dsr.audit_events DISABLE TRIGGER USER") == "42501")
                // The daemon's role works on: it reads and appends.
                try await daemon.transaction { connection in
                    try AuditTrail(connection).append(requestID: nil, actor: "test", action: .retentionApplied)
                }

                let facts = try await SchemaRoleFacts.read(owner)
                let second = try await DSRSetup.migrate(owner, daemonRole: stack.daemonRole, caseYears: 3)
                #expect(second.applied.isEmpty && second.current == first.current)
                #expect(try await SchemaRoleFacts.read(owner) == facts)
                #expect(try await RetentionFloorReading.caseYears(daemon) == 3)
            } catch {
                Issue.record("\(error)")
            }
            await daemon.close()
            await owner.close()
            try await admin.query("DROP DATABASE \(name) WITH (FORCE)")
            await admin.close()
        }

        /// The SQLSTATE a statement is refused with; nil when it ran (it is
        /// rolled back either way). `setting`: with `dsr.audit_maintenance` on.
        private func refusal(_ client: PostgresClient, _ sql: String, _ parameters: [SQLValue] = [],
                             setting: Bool = false) async -> String? {
            struct RolledBack: Error {}
            do {
                try await client.transaction { connection in
                    if setting { try connection.execute("SELECT set_config('dsr.audit_maintenance', 'on', true)") }
                    try connection.execute(sql, parameters)
                    throw RolledBack()
                }
            } catch let error as PostgresError {
                return error.sqlState
            } catch {
                return nil
            }
            return nil
        }

        /// A request opened at `at` through the lifecycle writer.
        static func request(_ connection: PostgresConnection, address: String, at: Date) throws -> Int {
            let new = RequestRecords.NewRequest(
                kinds: ["rectify"], language: "nb", replyLanguage: "nb", subjectAddress: address, state: .received,
                stateReason: nil, receivedAt: at, dueOn: DueDate.due(receivedAt: at).description, confidence: 0.9,
                onBehalf: false, autoKind: nil, evidence: [], fieldsJSON: "{}")
            return try #require(try RequestStates(connection).open(new, reference: "T-ROLES-\(UUID().uuidString.prefix(10))"))
        }

        /// Every row of the tables version 7 had, as text, in a fixed order.
        static func contents(_ client: PostgresClient) async throws -> [String] {
            var lines: [String] = []
            for (table, order) in [("inbound", "id"), ("requests", "id"), ("outbox", "id"), ("request_messages", "id"),
                                   ("audit_events", "id")] {
                let rows = try await client.query("""
                    SELECT (to_jsonb(t) - ARRAY['closed_at', 'mail_cleared_at', 'scrubbed_at', 'raw_cleared_at', 'size_bytes',
                                               'raw_sha256', 'carries_copy', 'failed_at', 'receipt_due_at'])::text AS line
                    FROM dsr.\(table) t WHERE t.\(order) IS NOT NULL AND NOT (to_jsonb(t) ? 'actor' AND to_jsonb(t) ->> 'actor' = 'test')
                    ORDER BY t.\(order)
                    """)
                lines += try rows.rows.map { table + " " + (try $0.string("line")) }
            }
            return lines
        }
    }
}

/// The owner's case retention floor, as the daemon's role reads it.
enum RetentionFloorReading {
    static func caseYears(_ client: PostgresClient) async throws -> Int? {
        try await client.transaction { try RetentionFloor($0).caseYears() }
    }
}

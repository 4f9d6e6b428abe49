import Daemon
import Foundation
import MailCore
import Store
import Testing
import Transport

/// The whole daemon as a process: mail in over SMTP, `dsrd run`, replies out
/// into the senders' Dovecot mailboxes. Each test has a notices account of
/// its own.
struct PipelineFixture {
    let stack: LocalStack
    let notices: String
    let configPath: String
    let database: PostgresClient

    /// `change`: anything else the test's config differs in.
    init(change: (inout [String: Any]) -> Void = { _ in }) throws {
        stack = try LocalStack()
        let notices = LocalStack.uniqueAddress("notices", domain: "janteloppet.test")
        self.notices = notices
        configPath = try configVariant(stack) { object in
            var imap = object["imap"] as? [String: Any] ?? [:]
            imap["username"] = notices
            object["imap"] = imap
            object["sender"] = notices
            object["poll_interval_seconds"] = 1
            change(&object)
        }
        database = PostgresClient(configuration: stack.postgres)
    }

    func send(_ text: String, from sender: String) async throws {
        try await stack.smtp().send(Array(text.utf8), from: sender, to: [notices])
    }

    func runOnce(environment: [String: String] = [:]) async throws -> (status: Int32?, log: String) {
        let daemon = try DaemonProcess(arguments: ["run", "--once", "--config", configPath], environment: environment)
        try daemon.start()
        let status = await daemon.exitStatus(within: 30)
        return (status, daemon.log)
    }

    /// Waits (bounded) for `count` messages in `address`'s INBOX; returns their bytes.
    func mailbox(of address: String, count: Int) async throws -> [[UInt8]] {
        let imap = stack.imap(user: address)
        _ = try await stack.waitForMessages(imap, mailbox: .inbox, count: count)
        var messages: [[UInt8]] = []
        for uid in try await imap.uids(in: .inbox, from: 1) {
            messages.append(try await imap.fetch(uid: uid, in: .inbox))
        }
        return messages
    }

    func ledger() async throws -> [QueryResult.Row] {
        try await database.query("SELECT id, outcome, moved_at IS NOT NULL AS moved FROM dsr.inbound WHERE mailbox = $1 ORDER BY id",
                                 [.text(notices + "/INBOX")]).rows
    }

    func requestCount() async throws -> Int {
        try await database.query("""
            SELECT count(DISTINCT m.request_id) AS n FROM dsr.request_messages m JOIN dsr.inbound i ON i.id = m.inbound_id
            WHERE i.mailbox = $1
            """, [.text(notices + "/INBOX")]).first?.int("n") ?? -1
    }
}

extension LiveStackTests {
    @Suite struct PipelineIntegrationTests {
        @Test func replyLandsInTheSendersMailboxThreadedWithReferenceAndÆØÅ() async throws {
            let fixture = try PipelineFixture()
            let person = LocalStack.uniqueAddress("kari", domain: "example.no")
            let messageID = "pipeline-\(UUID().uuidString)@example.no"
            try await fixture.send(requestMail(from: "Kari Nordmann <\(person)>", to: fixture.notices,
                                               subject: "Innsyn i personopplysninger",
                                               body: "Hei,\n\njeg ønsker innsyn i alle opplysninger dere har lagret om meg.\n\nKari",
                                               messageID: messageID), from: person)
            _ = try await fixture.stack.waitForMessages(fixture.stack.imap(user: fixture.notices), mailbox: .inbox, count: 1)
            let run = try await fixture.runOnce()
            #expect(run.status == 0, "log: \(run.log)")

            // One mail, the answer (nothing is held about this address): it was
            // queued before the receipt left, so the receipt was withdrawn.
            let replies = try await fixture.mailbox(of: person, count: 1).map { MessageReader.read($0) }
            #expect(replies.count == 1)
            let reply = try #require(replies.first)
            let reference = try #require(RequestReferenceText.first(in: reply.subject))
            #expect(reply.subject == "Din personvernforespørsel [\(reference)]: vi har ingen opplysninger om deg")
            #expect(reply.inReplyTo == [messageID])
            #expect(reply.references.contains(messageID))
            #expect(reply.header("Auto-Submitted") == "auto-replied")
            #expect(reply.header("Content-Language") == "nb")
            #expect(reply.from.first?.address == fixture.notices)
            #expect(reply.text.contains("Takk for forespørselen din"))
            #expect(reply.text.contains("Datatilsynet"))
            let request = try await fixture.database.query("SELECT state FROM dsr.requests WHERE reference = $1",
                                                           [.text(reference)])
            #expect(request.first?["state"] == "completed")
            let queued = try await fixture.database.query("""
                SELECT id, template, state FROM dsr.outbox
                WHERE request_id = (SELECT id FROM dsr.requests WHERE reference = $1) ORDER BY id
                """, [.text(reference)]).rows
            #expect(queued.map { "\($0["template"] ?? "?") \($0["state"] ?? "?")" } == ["receipt cancelled", "no_data sent"])
            let withdrawn = try await fixture.database.query("""
                SELECT reason, details->>'outbox_id' AS receipt, details->>'answered_by' AS answer FROM dsr.audit_events
                WHERE action = 'receipt_withdrawn' AND request_id = (SELECT id FROM dsr.requests WHERE reference = $1)
                """, [.text(reference)]).rows
            #expect(withdrawn.count == 1)
            #expect(withdrawn.first?["reason"] == "no_data")
            #expect(withdrawn.first?["receipt"] == queued.first?["id"] && withdrawn.first?["answer"] == queued.last?["id"])
            // One id in every line about the request: recorded, handled, the reply sent.
            let ids = try await fixture.database.query("""
                SELECT r.id AS request_id, o.id AS outbox_id FROM dsr.requests r JOIN dsr.outbox o ON o.request_id = r.id
                WHERE r.reference = $1 AND o.state = 'sent'
                """, [.text(reference)]).rows
            let keys = Set(ids.compactMap { $0["request_id"].map { "request_id=\($0) " } }
                           + ids.compactMap { $0["outbox_id"].map { "outbox_id=\($0) " } })
            #expect(keys.count == 2)
            let about = run.log.split(separator: "\n").map { $0 + " " }.filter { line in
                keys.contains { line.contains($0) } || line.contains("msg=\"message recorded\"")
            }
            #expect(about.count >= 3, "log: \(run.log)")
            for line in about { #expect(line.contains("reference=\(reference) "), "\(line)") }
            #expect(about.filter { $0.contains("msg=\"reply sent\"") }.count == 1)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await fixture.mailbox(of: person, count: 1).count == 1)
        }

        @Test func killedBetweenCommitAndMoveRecordsOnce() async throws {
            let fixture = try PipelineFixture()
            let person = LocalStack.uniqueAddress("ola", domain: "example.com")
            try await fixture.send(requestMail(from: person, to: fixture.notices, subject: "Delete",
                                               body: "Please delete all personal data you hold about me.",
                                               messageID: "pipeline-kill-\(UUID().uuidString)@example.com"), from: person)
            _ = try await fixture.stack.waitForMessages(fixture.stack.imap(user: fixture.notices), mailbox: .inbox, count: 1)

            // The first run dies right after its COMMIT, before the IMAP move.
            let crashed = try await fixture.runOnce(environment: ["DSRD_TEST_EXIT_AFTER_COMMIT": "1"])
            #expect(crashed.status == 75, "log: \(crashed.log)")
            let afterCrash = try await fixture.ledger()
            #expect(afterCrash.count == 1)
            #expect(try afterCrash.first?.bool("moved") == false)

            // Started again, it finishes the move and answers once.
            let again = try await fixture.runOnce()
            #expect(again.status == 0, "log: \(again.log)")
            let ledger = try await fixture.ledger()
            #expect(ledger.count == 1)
            #expect(try ledger.first?.bool("moved") == true)
            #expect(try await fixture.requestCount() == 1)
            // The answer (no data held), once; it stood in for the receipt.
            #expect(try await fixture.mailbox(of: person, count: 1).count == 1)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await fixture.mailbox(of: person, count: 1).count == 1)
        }

        @Test func postgresRestartedUnderARunningDaemonIsSurvived() async throws {
            let fixture = try PipelineFixture()
            let state = try #require(fixture.stack.environment["DSRD_STACK_STATE"])
            let daemon = try DaemonProcess(arguments: ["run", "--config", fixture.configPath], environment: [:])
            try daemon.start()
            defer { daemon.signal(SIGKILL) }
            try await Task.sleep(for: .seconds(1))

            try await restartPostgres(stateDirectory: state, stack: fixture.stack)

            let person = LocalStack.uniqueAddress("emma", domain: "example.org")
            try await fixture.send(requestMail(from: person, to: fixture.notices, subject: "Erasure request",
                                               body: "Please erase my personal data.",
                                               messageID: "pipeline-pg-\(UUID().uuidString)@example.org"), from: person)
            // The answer arrives; the receipt too, unless the answer was queued
            // before delivery took it (then it was withdrawn).
            var subjects: [String] = []
            for _ in 0..<150 where !subjects.contains(where: { $0.contains("]:") }) {
                subjects = try await fixture.mailbox(of: person, count: 1).map { MessageReader.read($0).subject }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(subjects.filter { $0.contains("]:") }.count == 1, "log: \(daemon.log)")
            #expect(subjects.count == 1 || subjects.count == 2, "\(subjects)")
            #expect(daemon.isRunning)
            daemon.signal(SIGTERM)
            #expect(await daemon.exitStatus(within: 10) == 0, "log: \(daemon.log)")
            #expect(try await fixture.requestCount() == 1)
        }
    }
}

/// `pg_ctl restart` of the stack's cluster, as the postgres user. The
/// restarted server inherits the descriptor Foundation watches for the
/// child's exit, so the restart is recognised by a new postmaster PID that
/// accepts connections, not by pg_ctl's exit.
private func restartPostgres(stateDirectory: String, stack: LocalStack) async throws {
    let pidFile = stateDirectory + "/pg/data/postmaster.pid"
    func postmasterPID() -> String? {
        (try? String(contentsOfFile: pidFile, encoding: .utf8))?.split(separator: "\n").first.map(String.init)
    }
    let before = postmasterPID()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
    process.arguments = ["-u", "postgres", "--", "/usr/lib/postgresql/15/bin/pg_ctl", "-D", stateDirectory + "/pg/data",
                         "-m", "fast", "-w", "restart", "-l", stateDirectory + "/pg/server.log"]
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let probe = PostgresClient(configuration: stack.postgres)
    for _ in 0..<300 {
        try await Task.sleep(for: .milliseconds(100))
        if let now = postmasterPID(), now != before, (try? await probe.query("SELECT 1")) != nil { return }
    }
    struct RestartFailed: Error {}
    throw RestartFailed()
}

/// Finds `DSR-YYYY-XXXXX` in a subject (tests only need the first).
enum RequestReferenceText {
    static func first(in text: String) -> String? {
        guard let range = text.range(of: #"DSR-[0-9]{4}-[0-9A-Z]{5}"#, options: .regularExpression) else { return nil }
        return String(text[range])
    }
}

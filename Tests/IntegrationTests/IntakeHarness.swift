import Daemon
import DaemonTesting
import Foundation
import MailCore
import Records
import Store
import Testing
import Transport

/// An intake stage reading a mailbox of its own (a fresh address at
/// janteloppet.test), so tests never see each other's mail.
struct IntakeHarness {
    let stack: LocalStack
    let notices: String
    let config: DaemonConfig
    /// What `dsrd run` builds from `config`, loaded once.
    let components: DaemonComponents
    let database: PostgresClient
    let imap: IMAPClient
    let clock = ManualWallClock(Date())

    /// `limits` replaces the stack's abuse limits (which are set high so
    /// that other tests never meet them); `storedBytesPerSender` the storage
    /// cap per sender and day; `siteTemplates` a `site_templates_dir`.
    init(loopGuard: Int = 5, limits: DaemonConfig.Limits? = nil, storedBytesPerSender: Int? = nil,
         siteTemplates: String? = nil) throws {
        stack = try LocalStack()
        notices = LocalStack.uniqueAddress("notices", domain: "janteloppet.test")
        var config = try ConfigLoader.load(path: stack.configPath).get()
        config.imap.server.username = notices
        config.sender = notices
        config.intake.loopGuardMessages = loopGuard
        if let limits { config.limits = limits }
        if let storedBytesPerSender { config.intake.maximumStoredBytesPerSenderPerDay = storedBytesPerSender }
        // This checkout's templates, not those of the checkout that wrote the
        // stack's configuration (they may be a different version).
        config.templatesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates").path
        config.siteTemplatesDirectory = siteTemplates
        self.config = config
        components = try DaemonComponents.load(config)
        database = PostgresClient(configuration: config.postgres)
        imap = IMAPClient(settings: config.imap.server)
    }

    func stage(exitAfterCommit: Bool = false) throws -> IntakeStage {
        try stage(settings: components.intake, faults: FaultInjection(exitAfterCommit: exitAfterCommit))
    }

    /// A stage with settings of the test's own (budgets, say).
    func stage(settings: IntakeSettings, faults: FaultInjection = .none) throws -> IntakeStage {
        IntakeStage(imap: IMAPClient(settings: config.imap.server), database: database,
                    recorder: IntakeRecorder(settings: settings, writer: components.writer),
                    logger: Logger(level: .error), clock: clock, faults: faults)
    }

    /// The recorder the stage uses, for recording without IMAP.
    var recorder: IntakeRecorder { IntakeRecorder(settings: components.intake, writer: components.writer) }

    /// Sends a message to this harness's notices address and waits for it.
    /// With `mxResult` the stack's MX writes that Authentication-Results
    /// header about the domain of `sender` (the envelope sender differs
    /// from `sender` then); without, it writes none.
    func deliver(_ text: String, from sender: String, expectInbox count: Int,
                 mxResult: LocalStack.MXResult? = nil) async throws {
        let envelope = mxResult?.envelopeSender(for: sender) ?? sender
        try await stack.smtp().send(Array(text.utf8), from: envelope, to: [notices])
        _ = try await stack.waitForMessages(imap, mailbox: .inbox, count: count)
    }

    /// Stores `raw` byte for byte in this harness's INBOX, without SMTP
    /// (see `LocalStack.store`), and waits for it.
    func store(_ raw: [UInt8], expectInbox count: Int) async throws {
        try stack.store(raw, user: notices)
        _ = try await stack.waitForMessages(imap, mailbox: .inbox, count: count)
    }

    /// Messages in INBOX, seen from a fresh session.
    func inboxCount() async throws -> Int? {
        await imap.disconnect()
        return try await imap.status(of: .inbox).messages
    }

    /// Records the first INBOX message as a run that died right after its
    /// COMMIT would have: in the ledger, not moved. `uidValidity` defaults
    /// to the mailbox's own; another value stands for an earlier epoch.
    func recordWithoutMoving(uidValidity: UInt64? = nil) async throws {
        let uid = try #require(try await imap.uids(in: .inbox, from: 1).first)
        let status = try await imap.status(of: .inbox)
        let raw = try await imap.fetch(uid: uid, in: .inbox)
        let epoch = uidValidity ?? status.uidValidity
        let fetched = IntakeRecorder.Fetched(uidValidity: epoch, uid: uid, raw: raw, receivedAt: Date())
        let ledgerMailbox = notices + "/INBOX"
        _ = try await database.transaction { connection in
            _ = try InboundLedger(connection).exchangeUIDValidity(mailbox: ledgerMailbox, current: epoch)
            return try recorder.record(fetched, in: connection, now: Date())
        }
    }

    /// Records raw bytes as message `uid` of this harness's mailbox, without
    /// IMAP: one transaction, as the intake stage would.
    func record(_ raw: [UInt8], uid: UInt64, receivedAt: Date = Date()) async throws -> IntakeOutcome? {
        let fetched = IntakeRecorder.Fetched(uidValidity: 1, uid: uid, raw: raw, receivedAt: receivedAt)
        return try await database.transaction { connection in
            try recorder.record(fetched, in: connection, now: Date())
        }
    }

    func rows(_ sql: String, _ parameters: [SQLValue] = []) async throws -> [QueryResult.Row] {
        try await database.query(sql, parameters).rows
    }

    /// Ledger rows of this mailbox's account, oldest first.
    func inbound() async throws -> [QueryResult.Row] {
        try await rows("""
            SELECT id, outcome, message_id, moved_at IS NOT NULL AS moved
            FROM dsr.inbound WHERE mailbox = $1 ORDER BY id
            """, [.text(notices + "/INBOX")])
    }

    /// Requests whose messages were delivered to this harness's address.
    func requests() async throws -> [QueryResult.Row] {
        try await rows("""
            SELECT DISTINCT r.id, r.reference, r.state, r.state_reason, r.kinds::text AS kinds, r.due_on::text AS due_on,
                   r.reply_language
            FROM dsr.requests r JOIN dsr.request_messages m ON m.request_id = r.id
            JOIN dsr.inbound i ON i.id = m.inbound_id
            WHERE i.mailbox = $1
            ORDER BY r.id
            """, [.text(notices + "/INBOX")])
    }

    /// The request's audit events, oldest first, details as text.
    func audit(requestID: Int) async throws -> [QueryResult.Row] {
        try await rows("""
            SELECT action, from_state, to_state, reason, details::text AS details
            FROM dsr.audit_events WHERE request_id = $1 ORDER BY id
            """, [.int(requestID)])
    }

    /// The roles of the messages linked to a request, oldest first.
    func links(requestID: Int) async throws -> [String?] {
        try await rows("SELECT role FROM dsr.request_messages WHERE request_id = $1 ORDER BY id", [.int(requestID)])
            .map { $0["role"] }
    }

    /// The request's mail to people outside the company (the operators'
    /// notes are in `operatorNotes`).
    func outbox(requestID: Int) async throws -> [QueryResult.Row] {
        try await rows("""
            SELECT id, message_id, template, recipients::text AS recipients, raw, state, bounced_at FROM dsr.outbox
            WHERE request_id = $1 AND template <> 'operator_note' ORDER BY id
            """, [.int(requestID)])
    }

    /// The notes that told the operators the request needs them.
    func operatorNotes(requestID: Int) async throws -> [QueryResult.Row] {
        try await rows("""
            SELECT id, recipients::text AS recipients, raw FROM dsr.outbox
            WHERE request_id = $1 AND template = 'operator_note' ORDER BY id
            """, [.int(requestID)])
    }
}

/// A plain request mail with CRLF line ends.
func requestMail(from sender: String, to recipient: String, subject: String, body: String, messageID: String,
                 extraHeaders: [String] = []) -> String {
    var lines = [
        "From: \(sender)", "To: \(recipient)", "Subject: \(subject)", "Message-ID: <\(messageID)>",
        "Date: Wed, 25 Nov 2026 10:00:00 +0100", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
    ]
    lines += extraHeaders
    lines.append("")
    lines += body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    return lines.joined(separator: "\r\n") + "\r\n"
}

/// A delivery status report (RFC 3464) from a mail server, returning the
/// headers of our message `returned` sent to `recipient`.
func deliveryReport(to notices: String, recipient: String, returned messageID: String) -> String {
    [
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>", "To: \(notices)",
        "Subject: Undelivered Mail Returned to Sender", "Message-ID: <dsn-\(UUID().uuidString)@mx.example.net>",
        "MIME-Version: 1.0", "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"", "",
        "--b", "Content-Type: text/plain", "", "Delivery failed.", "",
        "--b", "Content-Type: message/delivery-status", "", "Reporting-MTA: dns; mx.example.net", "",
        "Final-Recipient: rfc822; \(recipient)", "Action: failed", "Status: 5.1.1", "",
        "--b", "Content-Type: text/rfc822-headers", "", "From: \(notices)", "To: \(recipient)",
        "Message-ID: <\(messageID)>", "", "--b--", "",
    ].joined(separator: "\r\n")
}

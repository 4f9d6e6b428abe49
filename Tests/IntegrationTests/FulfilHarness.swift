import Daemon
import DaemonTesting
import Foundation
import MailCore
import Requests
import Store
import Testing

/// Intake and fulfilment on the live stack for one test: a notices mailbox
/// of its own, customers committed to the crm database with fresh
/// addresses, and the stages run one round at a time on a manual clock.
struct FulfilHarness {
    let intake: IntakeHarness
    var settings: FulfilSettings

    /// `limits` replaces the stack's abuse limits in intake and fulfilment.
    init(limits: DaemonConfig.Limits? = nil) throws {
        intake = try IntakeHarness(limits: limits)
        settings = try #require(intake.components.fulfil)
    }

    var database: PostgresClient { intake.database }
    var clock: ManualWallClock { intake.clock }
    var notices: String { intake.notices }

    func fulfil() -> FulfilStage {
        FulfilStage(database: database, settings: settings, logger: Logger(level: .error), clock: clock)
    }

    /// A customer with data in most tables, committed.
    func customer() async throws -> FulfilmentFixture.Customer {
        try await database.transaction { try FulfilmentFixture.createCustomer($0) }
    }

    /// Sends `text` to the notices mailbox, then runs intake and fulfilment
    /// once. `mxResult`: what the MX writes about the sender (none by default).
    func process(_ text: String, from sender: String, mxResult: LocalStack.MXResult? = nil) async throws {
        let before = try await intake.inboxCount() ?? 0
        try await intake.deliver(text, from: sender, expectInbox: before + 1, mxResult: mxResult)
        _ = try await intake.stage().runOnce()
        try await fulfilAll()
    }

    /// Stores `raw` in the notices mailbox byte for byte, then runs intake
    /// and fulfilment once.
    func processStored(_ raw: [UInt8]) async throws {
        let before = try await intake.inboxCount() ?? 0
        try await intake.store(raw, expectInbox: before + 1)
        _ = try await intake.stage().runOnce()
        try await fulfilAll()
    }

    /// Runs the fulfil stage until this mailbox's requests are through: it
    /// takes every received request in the shared database, oldest first.
    func fulfilAll() async throws {
        for _ in 0..<50 {
            _ = try await fulfil().runOnce()
            let waiting = try await intake.requests().filter { $0["state"] == "received" }
            if waiting.isEmpty { break }
        }
    }

    /// A request sent by `sender` and taken through intake and fulfilment.
    struct Sent {
        let messageID: String
        let id: Int
        let reference: String
    }

    /// Sends a request and returns what it opened.
    func ask(_ subject: String, _ body: String, from sender: String, headers: [String] = [],
             mxResult: LocalStack.MXResult? = nil) async throws -> Sent {
        let domain = sender.split(separator: "@").last.map(String.init) ?? "example.org"
        let messageID = "ask-\(UUID().uuidString)@\(domain)"
        try await process(requestMail(from: sender, to: notices, subject: subject, body: body, messageID: messageID,
                                      extraHeaders: headers), from: sender, mxResult: mxResult)
        let row = try await request(messageID: messageID)
        return Sent(messageID: messageID, id: try row.int("id"), reference: try row.string("reference"))
    }

    /// The request's row as it is now.
    func row(_ sent: Sent) async throws -> QueryResult.Row {
        try await request(messageID: sent.messageID)
    }

    /// Answers the request's latest confirmation message from `sender`,
    /// quoting `token` (by default the one in that message).
    func confirm(_ sent: Sent, from sender: String, token: String? = nil, answer: String = "Ja, det stemmer.",
                 headers: [String] = [], mxResult: LocalStack.MXResult? = nil,
                 messageID: String = "answer-\(UUID().uuidString)@example.org") async throws {
        var code = token
        if code == nil { code = try await self.token(of: sent.id) }
        let reply = confirmationReply(from: sender, reference: sent.reference, token: code ?? "", answer: answer,
                                      messageID: messageID)
        try await process(headers.map { $0 + "\r\n" }.joined() + reply, from: sender, mxResult: mxResult)
    }

    /// The message with this Message-ID as fetched from IMAP (the ledger
    /// keeps its bytes).
    func storedMessage(messageID: String) async throws -> ParsedMessage {
        let raw = try #require(try await intake.rows("SELECT raw FROM dsr.inbound WHERE message_id = $1",
                                                     [.text(messageID)]).first?.bytes("raw"))
        return MessageReader.read(raw)
    }

    /// The sender verdict of that message under this harness's trust.
    func verdict(messageID: String) async throws -> SenderVerdict {
        settings.senderTrust.verdict(of: try await storedMessage(messageID: messageID))
    }

    /// Rows of the customer left in `crm.customers` (0 or 1).
    func customerRows(_ customer: FulfilmentFixture.Customer) async throws -> Int {
        try await count("SELECT count(*) FROM crm.customers WHERE id = $1::bigint", [.text(customer.id)])
    }

    /// The request opened by the message with this Message-ID.
    func request(messageID: String) async throws -> QueryResult.Row {
        try #require(try await intake.rows("""
            SELECT r.id, r.reference, r.state, r.state_reason, r.subject_address
            FROM dsr.requests r JOIN dsr.request_messages m ON m.request_id = r.id AND m.role = 'request'
            JOIN dsr.inbound i ON i.id = m.inbound_id WHERE i.message_id = $1
            """, [.text(messageID)]).first)
    }

    /// The request's outgoing mail, oldest first: template, recipients and the parsed message.
    func mail(of requestID: Int) async throws -> [(template: String, recipients: String, message: ParsedMessage)] {
        try await intake.outbox(requestID: requestID).map { row in
            (try row.string("template"), try row.string("recipients"), MessageReader.read(try row.bytes("raw")))
        }
    }

    func audit(of requestID: Int) async throws -> [QueryResult.Row] {
        try await intake.rows("SELECT action, reason, details::text AS details FROM dsr.audit_events WHERE request_id = $1 ORDER BY id",
                              [.int(requestID)])
    }

    func count(_ sql: String, _ parameters: [SQLValue]) async throws -> Int {
        try await intake.rows(sql, parameters).first?.int("count") ?? -1
    }

    /// The token in the latest confirmation message of a request.
    func token(of requestID: Int) async throws -> String {
        let confirmations = try await mail(of: requestID).filter { $0.template.hasPrefix("confirmation_") }
        let message = try #require(confirmations.last?.message)
        return try #require(ConfirmationToken.find(in: message.text).first)
    }

    /// What a mail client sends when the person answers `message` (one of
    /// our mails): Re: subject, In-Reply-To and References, the answer on
    /// top and our whole message quoted below an attribution line.
    func clientReply(to message: ParsedMessage, from sender: String, answer: String) -> String {
        let quoted = message.text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }
        let thread = (message.references + [message.messageID ?? ""]).filter { !$0.isEmpty }.map { "<\($0)>" }
        return requestMail(
            from: sender, to: notices, subject: "Re: " + message.subject,
            body: answer + "\n\nDen 6. des. 2026 kl. 10:00 skrev Janteloppet AS <\(notices)>:\n" + quoted.joined(separator: "\n"),
            messageID: "client-\(UUID().uuidString)@example.org",
            extraHeaders: ["In-Reply-To: <\(message.messageID ?? "")>", "References: " + thread.joined(separator: " ")])
    }

    /// The latest confirmation message of a request, as the person received it.
    func confirmationMessage(of requestID: Int) async throws -> ParsedMessage {
        try #require(try await mail(of: requestID).last { $0.template.hasPrefix("confirmation_") }?.message)
    }

    /// Erases a test customer again, whatever the test left.
    func removeCustomer(_ customer: FulfilmentFixture.Customer) async throws {
        let actions = FulfilmentActions(map: settings.map, client: database, hashKey: FulfilmentFixture.hashKey)
        _ = try await actions.erase(address: customer.address)
    }

    /// A reply to the request's confirmation message, quoting `token`.
    func confirmationReply(from sender: String, reference: String, token: String, answer: String = "Ja, det stemmer.",
                           messageID: String) -> String {
        requestMail(from: sender, to: notices, subject: "Re: Bekreft personvernforespørselen din [\(reference)]",
                    body: "\(answer)\n\n> Kode: \(token)\n", messageID: messageID)
    }
}

/// Requests the classifier reads without doubt.
enum Asking {
    static let access = ("Innsyn", "Hei, jeg ber om innsyn i alle personopplysninger dere har om meg.")
    static let erase = ("Sletting", "Hei, jeg ber om at dere sletter alle personopplysninger dere har om meg.")
    static let object = ("Deling", "Hei, jeg protesterer mot at dere deler navnet mitt med partnere og andre tredjeparter.")
    static let phone = ("Telefon", "Hei, mitt nye telefonnummer er 482 13 579. Kan dere oppdatere det?")
    static let consent = ("Samtykke", "Hei, jeg trekker tilbake samtykket mitt til at dere lagrer opplysninger om allergiene mine.")
}

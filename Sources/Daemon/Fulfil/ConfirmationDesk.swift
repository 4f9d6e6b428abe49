import Foundation
import MailCore
import Requests
import Store

/// Confirmation by code: asks the registered address to confirm a request
/// (a single-use code, stored only as its SHA-256; the message says who
/// asked and what would change), reads the answers that intake attached to
/// the request, sends the reminder and closes requests whose confirmation
/// expired. Only a reply carrying a live code and an explicit yes confirms
/// (`ConfirmationReply`); any other answer goes to a person, who is told.
/// Everything runs in the caller's transaction.
struct ConfirmationDesk {
    let settings: FulfilSettings
    let connection: PostgresConnection
    let now: Date

    var mail: RequestMail { RequestMail(writer: settings.writer, connection: connection, now: now) }
    var steps: LifecycleSteps { settings.steps(connection, now: now) }

    // MARK: - Asking

    /// Sends the confirmation message to `address`, which from now on is
    /// the address the request acts on.
    func ask(_ request: PendingRequest, address: String) throws {
        var request = request
        if address != request.subjectAddress {
            try connection.execute("UPDATE dsr.requests SET subject_address = $2 WHERE id = $1",
                                   [.int(request.id), .text(address)])
            request.subjectAddress = address
        }
        let expiresAt = settings.confirmation.expiresAt(sent: now)
        try send(.confirmationNeeded, request: request, address: address,
                 expiresAt: expiresAt, reminder: false)
        try steps.apply(.confirmationAsked, to: request,
                        details: ["expires_at": expiresAt.formatted(.iso8601),
                                  "other_address": !settings.matcher.same(address, request.requesterAddress)])
    }

    /// How many other people's requests asked `address` to confirm within
    /// the sender window (reminders not counted).
    func recentClaims(of address: String) throws -> Int {
        let since = now.addingTimeInterval(-Double(settings.limits.senderWindowHours) * 3_600)
        return try connection.execute("""
            SELECT count(*) AS n FROM dsr.confirmations c JOIN dsr.requests r ON r.id = c.request_id
            WHERE lower(c.address COLLATE "C") = ANY($1::text[]) AND NOT c.is_reminder AND c.sent_at > $2
              AND NOT lower(coalesce(r.requester_address, '') COLLATE "C") = ANY($1::text[])
            """, [.textArray(settings.matcher.storedForms(address)), .timestamp(since)]).first?.int("n") ?? 0
    }

    /// What the confirmation message tells beyond the kinds: the address
    /// that asked when it is not the one asked, and a correction's values.
    private func disclosureValues(_ request: PendingRequest, address: String) -> TemplateValues {
        var values: TemplateValues = ["changes": .list([])]
        if !settings.matcher.same(address, request.requesterAddress) {
            values["requested_by"] = .text(request.requesterAddress)
        }
        if request.kinds.contains(.rectify) {
            values["changes"] = .list(request.fields.sorted { $0.key < $1.key }.map {
                ["field": .text(RectificationFieldNames.name($0.key, request.replyLanguage)), "new_value": .text($0.value)]
            })
        }
        return values
    }

    private func send(_ template: ReplyTemplate, request: PendingRequest, address: String,
                      expiresAt: Date, reminder: Bool) throws {
        var generator = SystemRandomNumberGenerator()
        let token = ConfirmationToken.generate(using: &generator)
        var values = ReplyWriter.kindFlags(request.kinds)
        values = values.merging([
            "token": .text(token.displayed),
            "expires_date": .text(request.replyLanguage.dateText(Day(expiresAt))),
        ]).merging(disclosureValues(request, address: address))
        let reply = try mail.reply(template, request: request, recipient: address, values: values)
        try connection.execute("""
            INSERT INTO dsr.confirmations (request_id, address, token_hash, message_id, sent_at, expires_at, is_reminder)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, [.int(request.id), .text(address), .text(token.hashed()), .text(reply.messageID),
                  .timestamp(now), .timestamp(expiresAt), .bool(reminder)])
    }

    // MARK: - Answers

    struct OpenConfirmation {
        var address: String
        var tokenHash: String
        var expiresAt: Date
    }

    func openConfirmations(of requestID: Int) throws -> [OpenConfirmation] {
        try connection.execute("""
            SELECT address, token_hash, expires_at FROM dsr.confirmations
            WHERE request_id = $1 AND answered_at IS NULL ORDER BY id
            """, [.int(requestID)]).rows.map {
            OpenConfirmation(address: try $0.string("address"), tokenHash: try $0.string("token_hash"),
                             expiresAt: try $0.date("expires_at"))
        }
    }

    /// Reads one follow-up of a request waiting for confirmation; returns
    /// the word for the stage's summary.
    func read(answer raw: [UInt8], linkID: Int, request: PendingRequest) throws -> String {
        try connection.execute("UPDATE dsr.request_messages SET checked_at = now() WHERE id = $1", [.int(linkID)])
        let open = try openConfirmations(of: request.id)
        guard let registered = open.first?.address else { return "not_waiting" }
        let message = MessageReader.read(raw)
        let verdict = settings.senderTrust.verdict(of: message)
        if case .rejected(let reason) = ConfirmationSender.check(from: message.from, registered: registered,
                                                                   matcher: settings.matcher, verdict: verdict) {
            try steps.record(request, action: .confirmationRefused, reason: reason.rawValue)
            return "confirmation_refused"
        }
        // The codes written anywhere in the reply (typed or quoted) that are
        // this request's; only those not yet expired count.
        let written = ConfirmationToken.find(in: message.text)
        let matching = open.filter { confirmation in
            written.contains { ConfirmationToken.hashed($0) == confirmation.tokenHash }
        }
        let live = matching.filter { $0.expiresAt > now }
        let codes = Set(written.filter { code in
            live.contains { ConfirmationToken.hashed(code) == $0.tokenHash }
        })
        switch ConfirmationReply.evaluate(newText: ReplyText.newText(message.text), codes: codes) {
        case .confirm:
            try close(request, answer: "confirm")
            try steps.apply(.confirmed, to: request, details: ["sender_authentication": verdict.reason])
            return "confirmed"
        case .decline:
            try close(request, answer: "decline")
            try steps.apply(.declined, to: request)
            return "declined"
        case .unclear:
            let reason = if !codes.isEmpty {
                "an answer to the confirmation that is not an explicit yes"
            } else if !matching.isEmpty {
                "a reply whose confirmation code had expired"
            } else {
                "a reply without a valid confirmation code"
            }
            try steps.apply(.sentToReview(reason: reason), to: request, details: ["sender_authentication": verdict.reason])
            return "needs_review"
        }
    }

    private func close(_ request: PendingRequest, answer: String) throws {
        try connection.execute("""
            UPDATE dsr.confirmations SET answered_at = $2, answer = $3 WHERE request_id = $1 AND answered_at IS NULL
            """, [.int(request.id), .timestamp(now), .text(answer)])
    }

    // MARK: - Reminder and expiry

    /// The reminder or the expiry, when due; returns the word for the
    /// summary, or nil when nothing was due.
    func advance(_ request: PendingRequest) throws -> String? {
        guard let row = try connection.execute("""
            SELECT min(sent_at) FILTER (WHERE NOT is_reminder) AS sent_at, bool_or(is_reminder) AS reminded,
                   min(expires_at) AS expires_at, min(address) AS address, count(*) AS n
            FROM dsr.confirmations WHERE request_id = $1 AND answered_at IS NULL
            """, [.int(request.id)]).first, let sent = row.optionalDate("sent_at"), let address = row["address"] else {
            return nil
        }
        let reminded = row["reminded"] == "t"
        switch settings.confirmation.step(sent: sent, now: now, reminderSent: reminded) {
        case .wait:
            return nil
        case .remind:
            let expiresAt = try row.date("expires_at")
            try send(.confirmationReminder, request: request, address: address,
                     expiresAt: expiresAt, reminder: true)
            try steps.record(request, action: .confirmationReminded)
            return "reminded"
        case .expire:
            try close(request, answer: "expired")
            try mail.reply(.confirmationExpired, request: request, recipient: address)
            try steps.apply(.confirmationExpired(days: Int(settings.confirmation.expiry / 86_400)), to: request)
            return "expired"
        }
    }
}

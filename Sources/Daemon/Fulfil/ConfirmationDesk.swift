import Foundation
import MailCore
import Records
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
    /// Asking, within fulfilment's handling of a request, which ends its
    /// attempt (`LifecycleSteps.endsFulfilAttempt`); not reading answers
    /// or running the timers.
    var endsFulfilAttempt = false

    var mail: RequestMail { RequestMail(writer: settings.writer, connection: connection, now: now) }
    var steps: LifecycleSteps { settings.steps(connection, now: now, endsFulfilAttempt: endsFulfilAttempt) }

    // MARK: - Asking

    /// Sends the confirmation message to `address`, which from now on is
    /// the address the request acts on.
    func ask(_ request: PendingRequest, address: String) throws {
        var request = request
        if address != request.subjectAddress {
            try RequestRecords(connection).setSubjectAddress(address, of: request.id)
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
        return try Confirmations(connection).claims(of: settings.matcher.storedForms(address), since: since)
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
            "expires_date": .text(request.replyLanguage.dateText(
                ConfirmationPolicy.lastWholeDay(sent: now, expiresAt: expiresAt))),
        ]).merging(disclosureValues(request, address: address))
        let reply = try mail.reply(template, request: request, recipient: address, values: values)
        try Confirmations(connection).record(.init(
            requestID: request.id, address: address, tokenHash: token.hashed(), messageID: reply.messageID,
            sentAt: now, expiresAt: expiresAt, isReminder: reminder))
    }

    // MARK: - Answers

    /// Reads one follow-up of a request waiting for confirmation; returns
    /// the word for the stage's summary.
    func read(answer raw: [UInt8], linkID: Int, request: PendingRequest) throws -> String {
        try FollowUps(connection).markRead(linkID: linkID)
        let open = try Confirmations(connection).open(of: request.id)
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
        // As the classifier reads it: a code is near the top, and a reply of
        // megabytes costs no more than its first part (`AnalysedText`).
        let text = AnalysedText.prefix(message.text).text
        let written = ConfirmationToken.find(in: text)
        let matching = open.filter { confirmation in
            written.contains { ConfirmationToken.hashed($0) == confirmation.tokenHash }
        }
        let live = matching.filter { $0.expiresAt > now }
        let codes = Set(written.filter { code in
            live.contains { ConfirmationToken.hashed(code) == $0.tokenHash }
        })
        switch ConfirmationReply.evaluate(newText: ReplyText.newText(text), codes: codes) {
        case .confirm:
            try close(request, answer: .confirm)
            try steps.apply(.confirmed, to: request, details: ["sender_authentication": verdict.reason])
            return "confirmed"
        case .decline:
            try close(request, answer: .decline)
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

    private func close(_ request: PendingRequest, answer: Confirmations.Answer) throws {
        try Confirmations(connection).close(requestID: request.id, answer: answer, at: now)
    }

    // MARK: - Reminder and expiry

    /// The reminder or the expiry, when due; returns the word for the
    /// summary, or nil when nothing was due.
    func advance(_ request: PendingRequest) throws -> String? {
        guard let waiting = try Confirmations(connection).waiting(of: request.id) else { return nil }
        let address = waiting.address
        switch settings.confirmation.step(sent: waiting.sentAt, now: now, reminderSent: waiting.reminded) {
        case .wait:
            return nil
        case .remind:
            try send(.confirmationReminder, request: request, address: address,
                     expiresAt: waiting.expiresAt, reminder: true)
            try steps.record(request, action: .confirmationReminded)
            return "reminded"
        case .expire:
            try close(request, answer: .expired)
            try mail.reply(.confirmationExpired, request: request, recipient: address)
            try steps.apply(.confirmationExpired(days: Int(settings.confirmation.expiry / 86_400)), to: request)
            return "expired"
        }
    }
}

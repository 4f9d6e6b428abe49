import Foundation
import MailCore
import Records
import Requests
import Store

/// What the database says about a new message, gathered for `TriagePolicy`.
extension IntakeRecorder {
    /// `recentFromSender` is the loop guard's count, read with the storage
    /// cap's bytes before the message was recorded (`SenderHistory`), and
    /// `duplicate` the earlier copy found as it was recorded.
    func gatherFacts(
        message: ParsedMessage, reading: MessageClassification, sender: String?, verdict: SenderVerdict,
        duplicate: DuplicateMatch?, new: InboundLedger.NewMessage, recentFromSender: Int, connection: PostgresConnection
    ) throws -> TriageFacts {
        let requests = RequestRecords(connection)
        var bounced: ReplyMatch?
        if reading.auto.kind == .bounce, let original = reading.auto.originalMessageID.flatMap(StorableText.identifier),
           let reply = try Outbox(connection).find(messageID: original) {
            bounced = ReplyMatch(outboxID: reply.outboxID, requestID: reply.requestID)
        }
        var facts = TriageFacts(
            sender: sender, nullReturnPath: message.returnPath == "",
            fromOwnAddress: sender.map { $0.lowercased() == settings.ownAddress.lowercased() } ?? false,
            auto: reading.auto, classification: reading.classification,
            unreadable: !message.limitsReached.isEmpty || !Self.readable(message, reading),
            duplicateOf: duplicate, bouncedReply: bounced, loopGuardLimit: settings.loopGuardLimit,
            limits: settings.limits, verdict: verdict
        )
        guard let sender, !reading.auto.isAuto, duplicate == nil else { return facts }

        // The sender's spellings as requests may hold them; a sender without
        // a canonical form (a domain that cannot be converted) only as written.
        let stored = settings.matcher.storedForms(sender)
        let forms = stored.isEmpty ? [AddressMatcher.asciiLowercased(sender)] : stored
        let replyIDs = (message.inReplyTo + message.references).compactMap(StorableText.identifier)
        var found = try requests.findByReply(messageIDs: replyIDs, subjectForms: forms)
        if found == nil {
            let text = message.subject + "\n" + ReplyText.newText(AnalysedText.prefix(message.text).text)
            for reference in RequestReference.all(in: text) {
                if let match = try requests.find(reference: reference.value, subjectForms: forms) {
                    found = match
                    break
                }
            }
        }
        if let found {
            facts.thread = ThreadMatch(requestID: found.id, state: found.state)
        }
        let receivedAt = new.receivedAt
        facts.recentFromSender = recentFromSender
        guard facts.thread == nil else { return facts }

        // Only a message that may open a request needs the abuse counts.
        let history = RequestHistory(connection)
        try history.lockSender(canonical: settings.matcher.canonical(sender) ?? AddressMatcher.asciiLowercased(sender))
        let limits = settings.limits
        let kinds = reading.classification.kinds
        let repeating = kinds.isEmpty ? nil : RequestHistory.Repeat(
            kinds: kinds, fieldsJSON: Self.fieldsJSON(reading.classification),
            since: receivedAt.addingTimeInterval(-Double(limits.repeatWindowDays) * 86_400))
        let asked = try history.sender(forms, since: receivedAt.addingTimeInterval(-Double(limits.senderWindowHours) * 3_600),
                                       repeating: repeating)
        facts.repeatOf = asked.openRepeat.map(RepeatMatch.init)
        facts.requestsFromSender = asked.requests
        let authenticated = verdict.isAuthenticated
        let windowStart = receivedAt.addingTimeInterval(-Double(limits.globalWindowMinutes) * 60)
        let readWindow = {
            try history.requests(since: windowStart, authenticated: authenticated,
                                 upTo: limits.globalBudget(authenticated: authenticated))
        }
        facts.requestsFromEveryone = try window.map { try $0.count(since: windowStart, authenticated: authenticated,
                                                                    query: readWindow) } ?? readWindow()
        return facts
    }

    static func readable(_ message: ParsedMessage, _ reading: MessageClassification) -> Bool {
        message.text.unicodeScalars.contains { !$0.properties.isWhitespace } || !message.subject.isEmpty
            || reading.auto.isAuto
    }

    /// What intake read, as the `reading` jsonb of a request (text without
    /// NUL, which jsonb refuses).
    static func readingJSON(_ reading: RequestReading) -> String? {
        var clean = reading
        clean.senders = reading.senders.map(StorableText.clean)
        clean.claims = reading.claims.map(StorableText.clean)
        clean.threadReferences = reading.threadReferences.map(StorableText.clean)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(clean)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The extracted fields as the `fields` jsonb of a request: sorted keys,
    /// values without NUL (which jsonb refuses), so that equal fields give
    /// equal JSON.
    static func fieldsJSON(_ classification: Classification) -> String {
        let fields = Dictionary(uniqueKeysWithValues: classification.fields.map {
            ($0.key.rawValue, StorableText.clean($0.value))
        })
        return JSONWriter.object(fields) ?? "{}"
    }
}
